#pragma once

#include "sandbox/apirequest.h"
#include "sandbox/httpreply.h"
#include "sandbox/sandboxstate.h"

namespace inlet::sandbox {

// Stands in for the manager's media host, which Inlet uploads attachments to because the Send API
// takes media only by public URL: PUT /media/<name> stores the body (any or no bearer token; over
// MediaStore::maxBytes: 413), GET /media/<name> serves it with the Content-Type given at upload.
// Also serves Instagram's copies of sent attachments: GET /cdn/<name>.
class MediaHost {
public:
    explicit MediaHost(SandboxState &state)
        : m_state(state)
    {
    }

    static bool matches(const ApiRequest &request);
    HttpReply handle(const ApiRequest &request);

    // Keeps a copy as Instagram's CDN would and returns its URL (with an "oe" expiry parameter,
    // like Instagram's signed URLs; the sandbox ignores it).
    static QString publishToCdn(
        SandboxState &state, const StoredMedia &media, const QString &suffix);

private:
    SandboxState &m_state;
};

} // namespace inlet::sandbox
