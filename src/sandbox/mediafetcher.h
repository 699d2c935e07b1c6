#pragma once

#include "sandbox/mediastore.h"
#include "sandbox/sandboxstate.h"

#include <QUrl>

#include <functional>
#include <optional>

namespace inlet::sandbox {

struct FetchedMedia {
    bool ok = false;
    QString error; // why it could not be fetched
    StoredMedia media;
};

// Fetches an attachment URL as Instagram does before it accepts a message. The sandbox's own
// /media/, /cdn/ and /__sandbox/media/ URLs are answered from memory (at once); any other http(s)
// URL is fetched with a GET (10 s without progress, or more than 25 MB, fails it).
class MediaFetcher {
public:
    explicit MediaFetcher(SandboxState &state)
        : m_state(state)
    {
    }

    void fetch(const QUrl &url, std::function<void(FetchedMedia)> done);

private:
    std::optional<FetchedMedia> local(const QUrl &url) const;

    SandboxState &m_state;
};

// The Send API's verdict on a fetched attachment of `type`: nullopt when Instagram would take it,
// else its error (100/2018047 "upload attachment failure" for an unreachable URL or a content type
// that isn't `type`, 100/2018109 for a file over the size limit).
std::optional<HttpReply> checkFetchedMedia(const QString &type, const FetchedMedia &fetched);

} // namespace inlet::sandbox
