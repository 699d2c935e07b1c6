#pragma once

#include "common/result.h"
#include "model/events.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace inlet {

// Turns a webhook POST body ({"object":"instagram","entry":[...]}) into InboundEvents, one per
// entry[].messaging[] / standby[] / changes[] item (instagram-api.md §2.5-2.7). Pure: no I/O.
// Kinds it does not know become Kind::Unknown with rawJson (logged once per kind name), never
// dropped. Malformed JSON or an envelope that is not "instagram" is an Error::Kind::Parse.
Result<QList<InboundEvent>> parseWebhookBody(const QByteArray &body);

// Epoch milliseconds from a webhook timestamp given in seconds or milliseconds, as a number or a
// string (the dashboard's Test button sends strings). 0 when it is not a timestamp.
qint64 webhookTimestampMs(const QJsonValue &value);

// Kinds of event not understood are logged once each, up to this many names of up to this length
// (the set is bounded: signed input may invent kinds without end).
inline constexpr qsizetype kMaxLoggedUnknownKinds = 256;
inline constexpr qsizetype kMaxUnknownKindNameLength = 80;
// How many entries that set holds (for tests).
qsizetype loggedUnknownKindCount();

} // namespace inlet
