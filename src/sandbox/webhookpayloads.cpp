#include "sandbox/webhookpayloads.h"

#include <QHash>

namespace inlet::sandbox::payloads {

namespace {

// The fields every messaging item shares; `key` names the event ("message", "reaction", ...).
QJsonObject item(const QString &from, const QString &to, qint64 tsMs, const QString &key,
    const QJsonObject &event)
{
    return QJsonObject {
        { QStringLiteral("sender"), QJsonObject { { QStringLiteral("id"), from } } },
        { QStringLiteral("recipient"), QJsonObject { { QStringLiteral("id"), to } } },
        { QStringLiteral("timestamp"), tsMs },
        { key, event },
    };
}

QJsonObject messageItem(
    const QString &from, const QString &to, qint64 tsMs, const QJsonObject &message)
{
    return item(from, to, tsMs, QStringLiteral("message"), message);
}

} // namespace

QJsonObject attachment(const QString &type, const QString &url, const QJsonObject &extraPayload)
{
    QJsonObject payload = extraPayload;
    if (!url.isEmpty())
        payload.insert(QStringLiteral("url"), url);
    return QJsonObject { { QStringLiteral("type"), type }, { QStringLiteral("payload"), payload } };
}

QString emojiForReaction(const QString &reaction)
{
    static const QHash<QString, QString> emoji {
        { QStringLiteral("love"), QStringLiteral("\u2764\ufe0f") },
        { QStringLiteral("like"), QStringLiteral("\U0001F44D") },
        { QStringLiteral("laugh"), QStringLiteral("\U0001F602") },
        { QStringLiteral("wow"), QStringLiteral("\U0001F62E") },
        { QStringLiteral("sad"), QStringLiteral("\U0001F622") },
        { QStringLiteral("angry"), QStringLiteral("\U0001F621") },
    };
    return emoji.value(reaction);
}

QJsonObject text(
    const QString &from, const QString &to, qint64 tsMs, const QString &mid, const QString &text)
{
    return messageItem(from, to, tsMs,
        QJsonObject { { QStringLiteral("mid"), mid }, { QStringLiteral("text"), text } });
}

QJsonObject attachments(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QJsonArray &attachments, const QString &text)
{
    QJsonObject message { { QStringLiteral("mid"), mid },
        { QStringLiteral("attachments"), attachments } };
    if (!text.isEmpty())
        message.insert(QStringLiteral("text"), text);
    return messageItem(from, to, tsMs, message);
}

QJsonObject replyToMessage(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &text, const QString &repliedMid)
{
    return messageItem(from, to, tsMs,
        QJsonObject {
            { QStringLiteral("mid"), mid },
            { QStringLiteral("text"), text },
            { QStringLiteral("reply_to"), QJsonObject { { QStringLiteral("mid"), repliedMid } } },
        });
}

QJsonObject replyToStory(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &text, const QString &storyUrl, const QString &storyId)
{
    const QJsonObject story { { QStringLiteral("url"), storyUrl },
        { QStringLiteral("id"), storyId } };
    return messageItem(from, to, tsMs,
        QJsonObject {
            { QStringLiteral("mid"), mid },
            { QStringLiteral("text"), text },
            { QStringLiteral("reply_to"), QJsonObject { { QStringLiteral("story"), story } } },
        });
}

QJsonObject storyMention(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &storyUrl)
{
    return attachments(
        from, to, tsMs, mid, QJsonArray { attachment(QStringLiteral("story_mention"), storyUrl) });
}

QJsonObject quickReply(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &title, const QString &payload)
{
    // Instagram puts the tapped button's title in `text` and its payload under quick_reply.
    return messageItem(from, to, tsMs,
        QJsonObject {
            { QStringLiteral("mid"), mid },
            { QStringLiteral("text"), title },
            { QStringLiteral("quick_reply"),
                QJsonObject { { QStringLiteral("payload"), payload } } },
        });
}

QJsonObject echo(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &text, const QJsonArray &attachments)
{
    QJsonObject message { { QStringLiteral("mid"), mid }, { QStringLiteral("is_echo"), true } };
    if (!text.isEmpty())
        message.insert(QStringLiteral("text"), text);
    if (!attachments.isEmpty())
        message.insert(QStringLiteral("attachments"), attachments);
    return messageItem(from, to, tsMs, message);
}

QJsonObject reaction(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &reaction, const QString &emoji)
{
    QJsonObject event { { QStringLiteral("mid"), mid },
        { QStringLiteral("action"), QStringLiteral("react") } };
    // Either may be missing: a name without an emoji, or an emoji without a name.
    if (!reaction.isEmpty())
        event.insert(QStringLiteral("reaction"), reaction);
    if (!emoji.isEmpty())
        event.insert(QStringLiteral("emoji"), emoji);
    return item(from, to, tsMs, QStringLiteral("reaction"), event);
}

QJsonObject unreaction(const QString &from, const QString &to, qint64 tsMs, const QString &mid)
{
    // An unreact names neither the reaction nor the emoji.
    return item(from, to, tsMs, QStringLiteral("reaction"),
        QJsonObject { { QStringLiteral("mid"), mid },
            { QStringLiteral("action"), QStringLiteral("unreact") } });
}

QJsonObject seen(const QString &from, const QString &to, qint64 tsMs, const QString &lastSeenMid)
{
    // Instagram's messaging_seen carries read.mid (Messenger's read.watermark is not used).
    return item(from, to, tsMs, QStringLiteral("read"),
        QJsonObject { { QStringLiteral("mid"), lastSeenMid } });
}

QJsonObject unsend(const QString &from, const QString &to, qint64 tsMs, const QString &mid)
{
    return messageItem(from, to, tsMs,
        QJsonObject { { QStringLiteral("mid"), mid }, { QStringLiteral("is_deleted"), true } });
}

QJsonObject edit(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &newText, int numEdit)
{
    // Meta's property table types num_edit as an integer (its sample prints a placeholder string).
    return item(from, to, tsMs, QStringLiteral("message_edit"),
        QJsonObject {
            { QStringLiteral("mid"), mid },
            { QStringLiteral("text"), newText },
            { QStringLiteral("num_edit"), numEdit },
        });
}

QJsonObject postback(const QString &from, const QString &to, qint64 tsMs, const QString &mid,
    const QString &title, const QString &payload)
{
    return item(from, to, tsMs, QStringLiteral("postback"),
        QJsonObject {
            { QStringLiteral("mid"), mid },
            { QStringLiteral("title"), title },
            { QStringLiteral("payload"), payload },
        });
}

QJsonObject referral(
    const QString &from, const QString &to, qint64 tsMs, const QString &ref, const QString &source)
{
    return item(from, to, tsMs, QStringLiteral("referral"),
        QJsonObject {
            { QStringLiteral("ref"), ref },
            { QStringLiteral("source"), source },
            { QStringLiteral("type"), QStringLiteral("OPEN_THREAD") },
        });
}

QJsonObject envelope(const QString &businessId, qint64 timeMs, const QJsonArray &messagingItems)
{
    const QJsonObject entry {
        { QStringLiteral("id"), businessId },
        { QStringLiteral("time"), timeMs },
        { QStringLiteral("messaging"), messagingItems },
    };
    return QJsonObject { { QStringLiteral("object"), QStringLiteral("instagram") },
        { QStringLiteral("entry"), QJsonArray { entry } } };
}

} // namespace inlet::sandbox::payloads
