#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "common/result.h"
#include "model/events.h"
#include "model/types.h"

namespace inlet {

// Pure conversions from Conversations/User Profile API JSON (instagram-api.md §4, §5) to our types.

struct ConversationRef {
    QString id;
    qint64 updatedMs = 0;
};

struct ConversationPage {
    QList<ConversationRef> conversations;
    QString after; // empty on the last page
};

struct MessageRef {
    QString mid;
    qint64 createdMs = 0;
};

struct MessageIdPage {
    QList<MessageRef> messages; // newest first, as Instagram lists them
    QString after;
};

// "2025-07-28T22:44:49+0000" (also "+00:00", "Z", fractions) -> ms since epoch; 0 if unreadable.
// Numbers (or numeric strings) are taken as seconds or milliseconds by magnitude.
qint64 parseGraphTime(const QJsonValue &value);

Result<ConversationPage> parseConversationPage(const QJsonObject &json);
// Accepts both {"messages":{"data":[...],"paging":...}} and a bare {"data":[...],"paging":...}.
Result<MessageIdPage> parseMessageIdPage(const QJsonObject &json);

// The `fields` of a message node request: every field messageToEvent reads. Graph returns only
// the fields a request names (shared posts come only with `shares`, story mentions and replies
// only with `story`), so the request and the parser must stay in step.
QString messageNodeFields();

// A message node (GET /<mid>?fields=messageNodeFields()) as an InboundEvent of
// kind Message for `businessId`: outgoing when from.id is the business, customer = the other side.
Result<InboundEvent> messageToEvent(const QJsonObject &json, const QString &businessId);

// User Profile API answer -> Contact (fetchedAt = `fetchedAt`).
Contact profileToContact(const QString &igsid, const QJsonObject &json, const QDateTime &fetchedAt);

} // namespace inlet
