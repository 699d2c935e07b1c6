#pragma once

#include "outbox/mediarefusal.h"
#include "outbox/sendfailure.h"

#include <QString>

namespace inlet::app {

// What the manager reads on a failed message or reaction: the core's kind and code (SendFailure)
// worded in the UI's language. Instagram's or the media host's own message follows as a detail
// where it tells more than the kind.
QString failureText(const SendFailure &failure);
// A reason as the store keeps it (SendFailure::encode, or an older version's sentence).
QString failureText(const QString &stored);
// Something that was not even queued (too long, a refused file, a full disk): said at once.
QString refusalText(const Error &error);
// Why a file is not taken as an attachment (MediaPolicy), sizes in the UI's locale.
QString mediaRefusalText(const MediaRefusal &refusal);

} // namespace inlet::app
