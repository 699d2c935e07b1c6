#pragma once

#include "common/result.h"

#include <QByteArray>

#include <functional>

class QNetworkReply;
class QObject;

namespace inlet {

// Reads the body of a download of customer-controlled content (images, avatars, profile pictures)
// with a byte cap held while reading: a small read buffer makes Qt stop reading the socket until
// the bytes are taken, and past the cap the reply is aborted, so an endless body is cut off, not
// buffered. The whole download has a deadline (a transfer timeout only catches silence).
// `done` runs once on `context`'s thread with the body, or an Invalid error (over the cap) or a
// Network error (refused, failed, deadline); the reply is deleted afterwards.
void readCapped(QNetworkReply *reply, qint64 maxBytes, int deadlineMs, QObject *context,
    std::function<void(Result<QByteArray>)> done);

} // namespace inlet
