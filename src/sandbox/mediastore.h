#pragma once

#include "common/medialimits.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace inlet::sandbox {

struct StoredMedia {
    QByteArray data;
    QByteArray contentType;
};

// Bytes the sandbox holds in memory: what clients PUT to its media host (/media/<name>) and the
// copies "Instagram" made of sent attachments (/cdn/<name>, the URLs echoes and the Graph API
// show).
struct MediaStore {
    QHash<QString, StoredMedia> uploads;
    QHash<QString, StoredMedia> cdn;
    qint64 maxBytes = media::maxMediaBytes; // a PUT beyond gets 413
};

} // namespace inlet::sandbox
