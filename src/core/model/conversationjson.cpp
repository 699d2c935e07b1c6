#include "model/conversationjson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace inlet {

namespace {

QString afterCursor(const QJsonObject &paging)
{
    // Instagram omits "next" on the last page while it may still send cursors: no next, no more.
    if (!paging.contains(QStringLiteral("next"))) {
        return {};
    }
    return paging.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
}

QString firstUrl(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString url = o.value(QLatin1StringView(key)).toString();
        if (!url.isEmpty()) {
            return url;
        }
    }
    return {};
}

// Conversations API attachment ({id,mime_type,name,image_data{url},video_data{url},file_url})
// or webhook shape ({type,payload{url}}) -> AttachmentData.
AttachmentData toAttachment(const QJsonObject &a)
{
    AttachmentData out;
    out.payload = a;
    if (a.contains(QStringLiteral("type"))) {
        const QJsonObject payload = a.value(QStringLiteral("payload")).toObject();
        out.type = a.value(QStringLiteral("type")).toString();
        out.url = payload.value(QStringLiteral("url")).toString();
        out.title = payload.value(QStringLiteral("title")).toString();
        return out;
    }
    const QString mime = a.value(QStringLiteral("mime_type")).toString();
    const QJsonObject image = a.value(QStringLiteral("image_data")).toObject();
    const QJsonObject video = a.value(QStringLiteral("video_data")).toObject();
    if (!image.isEmpty()) {
        out.type = QStringLiteral("image");
        out.url = firstUrl(image, {"url", "preview_url", "animated_gif_url"});
    } else if (!video.isEmpty()) {
        out.type = QStringLiteral("video");
        out.url = firstUrl(video, {"url", "preview_url"});
    } else {
        out.type = mime.startsWith(QStringLiteral("audio/"))   ? QStringLiteral("audio")
                   : mime.startsWith(QStringLiteral("image/")) ? QStringLiteral("image")
                   : mime.startsWith(QStringLiteral("video/")) ? QStringLiteral("video")
                                                               : QStringLiteral("file");
        out.url = firstUrl(a, {"file_url", "url"});
    }
    out.title = a.value(QStringLiteral("name")).toString();
    return out;
}

QJsonArray dataArray(const QJsonValue &v)
{
    // Graph edges come as {"data":[...]}; be lenient with a bare array.
    return v.isArray() ? v.toArray() : v.toObject().value(QStringLiteral("data")).toArray();
}

} // namespace

qint64 parseGraphTime(const QJsonValue &value)
{
    qint64 n = 0;
    if (value.isDouble()) {
        // Beyond qint64 the conversion is undefined behaviour ("created_time": 1e300 is JSON).
        const double d = value.toDouble();
        n = d > 0 && d < 9e18 ? static_cast<qint64>(d) : 0;
    } else {
        const QString s = value.toString().trimmed();
        bool numeric = false;
        n = s.toLongLong(&numeric);
        if (!numeric) {
            const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
            return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
        }
    }
    if (n <= 0) // not a time (and n * 1000 could overflow)
        return 0;
    // Seconds until the year 5138, milliseconds after: Graph mixes both.
    return n < 100'000'000'000LL ? n * 1000 : n;
}

Result<ConversationPage> parseConversationPage(const QJsonObject &json)
{
    if (!json.value(QStringLiteral("data")).isArray()) {
        return fail(Error::Kind::Parse, QStringLiteral("conversations: no data array"));
    }
    ConversationPage page;
    for (const QJsonValue &v : json.value(QStringLiteral("data")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QStringLiteral("id")).toString();
        if (id.isEmpty()) {
            continue;
        }
        page.conversations.append({id, parseGraphTime(c.value(QStringLiteral("updated_time")))});
    }
    page.after = afterCursor(json.value(QStringLiteral("paging")).toObject());
    return page;
}

Result<MessageIdPage> parseMessageIdPage(const QJsonObject &json)
{
    const QJsonObject edge = json.contains(QStringLiteral("messages"))
                                 ? json.value(QStringLiteral("messages")).toObject()
                                 : json;
    if (!edge.value(QStringLiteral("data")).isArray()) {
        // A conversation with no messages may come without the edge at all.
        if (json.contains(QStringLiteral("id")) && !json.contains(QStringLiteral("messages"))) {
            return MessageIdPage{};
        }
        return fail(Error::Kind::Parse, QStringLiteral("conversation messages: no data array"));
    }
    MessageIdPage page;
    for (const QJsonValue &v : edge.value(QStringLiteral("data")).toArray()) {
        const QJsonObject m = v.toObject();
        const QString mid = m.value(QStringLiteral("id")).toString();
        if (!mid.isEmpty()) {
            page.messages.append({mid, parseGraphTime(m.value(QStringLiteral("created_time")))});
        }
    }
    page.after = afterCursor(edge.value(QStringLiteral("paging")).toObject());
    return page;
}

QString messageNodeFields()
{
    return QStringLiteral(
        "id,created_time,from,to,message,attachments,shares,story,reply_to,is_unsupported");
}

Result<InboundEvent> messageToEvent(const QJsonObject &json, const QString &businessId)
{
    InboundEvent e;
    e.kind = InboundEvent::Kind::Message;
    e.accountId = businessId;
    e.mid = json.value(QStringLiteral("id")).toString();
    if (e.mid.isEmpty()) {
        return fail(Error::Kind::Parse, QStringLiteral("message without id"));
    }
    e.timestampMs = parseGraphTime(json.value(QStringLiteral("created_time")));

    const QJsonObject from = json.value(QStringLiteral("from")).toObject();
    const QString fromId = from.value(QStringLiteral("id")).toString();
    QString toId;
    QString toUsername;
    for (const QJsonValue &v : dataArray(json.value(QStringLiteral("to")))) {
        const QString id = v.toObject().value(QStringLiteral("id")).toString();
        if (!id.isEmpty() && id != businessId) {
            toId = id;
            toUsername = v.toObject().value(QStringLiteral("username")).toString();
            break;
        }
    }
    if (fromId.isEmpty()) {
        return fail(Error::Kind::Parse, QStringLiteral("message without sender"));
    }
    e.outgoing = (fromId == businessId);
    e.customerId = e.outgoing ? toId : fromId;
    e.customerUsername = e.outgoing ? toUsername : from.value(QStringLiteral("username")).toString();
    if (e.customerId.isEmpty()) {
        // Self-messaging: the account wrote to itself (§2.6 is_self).
        e.customerId = fromId;
        e.isSelf = true;
    }

    const QJsonValue message = json.value(QStringLiteral("message"));
    e.text = message.isObject() ? message.toObject().value(QStringLiteral("text")).toString()
                                : message.toString();
    e.isUnsupported = json.value(QStringLiteral("is_unsupported")).toBool();

    for (const QJsonValue &v : dataArray(json.value(QStringLiteral("attachments")))) {
        e.attachments.append(toAttachment(v.toObject()));
    }
    for (const QJsonValue &v : dataArray(json.value(QStringLiteral("shares")))) {
        const QJsonObject s = v.toObject();
        AttachmentData share;
        share.type = QStringLiteral("share");
        share.url = s.value(QStringLiteral("link")).toString();
        share.title = s.value(QStringLiteral("name")).toString();
        share.payload = s;
        e.attachments.append(share);
    }
    const QJsonObject story = json.value(QStringLiteral("story")).toObject();
    if (story.contains(QStringLiteral("mention"))) {
        const QJsonObject mention = story.value(QStringLiteral("mention")).toObject();
        AttachmentData a;
        a.type = QStringLiteral("story_mention");
        a.url = mention.value(QStringLiteral("link")).toString();
        a.payload = mention;
        e.attachments.append(a);
    }
    const QJsonObject storyReply = story.value(QStringLiteral("reply_to")).toObject();
    if (!storyReply.isEmpty()) {
        e.replyToStoryUrl = storyReply.value(QStringLiteral("link")).toString();
        e.replyToStoryId = storyReply.value(QStringLiteral("id")).toString();
    }

    // Meta documents reply_to{mid,is_self_reply}; clients of graph.instagram.com also meet
    // reply_to{id}. Either names the message replied to.
    const QJsonObject replyTo = json.value(QStringLiteral("reply_to")).toObject();
    e.replyToMid = replyTo.value(QStringLiteral("mid")).toString();
    if (e.replyToMid.isEmpty())
        e.replyToMid = replyTo.value(QStringLiteral("id")).toString();
    const QJsonObject replyStory = replyTo.value(QStringLiteral("story")).toObject();
    if (!replyStory.isEmpty()) {
        e.replyToStoryUrl = replyStory.value(QStringLiteral("url")).toString();
        e.replyToStoryId = replyStory.value(QStringLiteral("id")).toString();
    }

    e.rawJson = QJsonDocument(json).toJson(QJsonDocument::Compact);
    return e;
}

Contact profileToContact(const QString &igsid, const QJsonObject &json, const QDateTime &fetchedAt)
{
    Contact c;
    c.id = igsid;
    c.name = json.value(QStringLiteral("name")).toString();
    c.username = json.value(QStringLiteral("username")).toString();
    c.profilePicUrl = json.value(QStringLiteral("profile_pic")).toString();
    c.followerCount = json.value(QStringLiteral("follower_count")).toInt();
    c.followsBusiness = json.value(QStringLiteral("is_user_follow_business")).toBool();
    c.businessFollows = json.value(QStringLiteral("is_business_follow_user")).toBool();
    c.verified = json.value(QStringLiteral("is_verified_user")).toBool();
    c.fetchedAt = fetchedAt;
    return c;
}

} // namespace inlet
