#include "webhook/eventparser.h"

#include "common/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>

namespace inlet {

namespace {

// Below this a timestamp is in seconds: 1e11 ms is 1973, 1e11 s is the year 5138.
constexpr qint64 kSecondsBelow = 100'000'000'000LL;

QString idString(const QJsonValue &v)
{
    // Ids are strings on the wire, but a number must not lose digits (17-digit IG ids exceed a
    // double's 53 bits; Qt 6 keeps integral JSON numbers as qint64).
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const qint64 i = v.toInteger(-1);
        return i >= 0 ? QString::number(i) : QString::number(v.toDouble(), 'f', 0);
    }
    return {};
}

QString stringOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : (v.isDouble() ? idString(v) : QString());
}

QMutex g_unknownMutex;
QSet<QString> g_unknownSeen;        // guarded by g_unknownMutex
bool g_unknownLimitSaid = false; // guarded by g_unknownMutex

// Kind names come from signed but foreign input (a field name, an action): the set that logs each
// once is bounded in count and in name length, so a stream of invented kinds cannot grow it.
void logUnknownOnce(const QString &rawKindName)
{
    const QString kindName = rawKindName.left(kMaxUnknownKindNameLength);
    QMutexLocker lock(&g_unknownMutex);
    if (g_unknownSeen.contains(kindName))
        return;
    if (g_unknownSeen.size() >= kMaxLoggedUnknownKinds) {
        if (!g_unknownLimitSaid) {
            g_unknownLimitSaid = true;
            qCInfo(lcWebhook) << "more webhook event kinds not understood; no longer logged";
        }
        return;
    }
    g_unknownSeen.insert(kindName);
    qCInfo(lcWebhook) << "webhook event kind not understood, stored raw:" << kindName;
}

AttachmentData parseAttachment(const QJsonObject &a)
{
    AttachmentData d;
    d.type = a.value(QLatin1String("type")).toString();
    d.payload = a.value(QLatin1String("payload")).toObject();
    d.url = d.payload.value(QLatin1String("url")).toString();
    d.title = d.payload.value(QLatin1String("title")).toString();
    if (d.title.isEmpty())
        d.title = a.value(QLatin1String("title")).toString();
    return d;
}

void markUnknown(InboundEvent &e, const QString &kindName)
{
    e.kind = InboundEvent::Kind::Unknown;
    logUnknownOnce(kindName);
}

void parseMessage(const QJsonObject &m, InboundEvent &e)
{
    e.mid = stringOf(m.value(QLatin1String("mid")));
    e.text = m.value(QLatin1String("text")).toString();
    const QJsonArray atts = m.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &a : atts)
        e.attachments.append(parseAttachment(a.toObject()));
    // The Send API's single "attachment" form may come back in echoes.
    if (m.value(QLatin1String("attachment")).isObject())
        e.attachments.append(parseAttachment(m.value(QLatin1String("attachment")).toObject()));

    const QJsonObject replyTo = m.value(QLatin1String("reply_to")).toObject();
    e.replyToMid = stringOf(replyTo.value(QLatin1String("mid")));
    const QJsonObject story = replyTo.value(QLatin1String("story")).toObject();
    e.replyToStoryUrl = story.value(QLatin1String("url")).toString();
    e.replyToStoryId = stringOf(story.value(QLatin1String("id")));

    e.quickReplyPayload =
        m.value(QLatin1String("quick_reply")).toObject().value(QLatin1String("payload")).toString();
    e.referral = m.value(QLatin1String("referral")).toObject();
    e.outgoing = m.value(QLatin1String("is_echo")).toBool();
    e.isSelf = e.isSelf || m.value(QLatin1String("is_self")).toBool();
    e.isUnsupported = m.value(QLatin1String("is_unsupported")).toBool();
    e.kind = m.value(QLatin1String("is_deleted")).toBool() ? InboundEvent::Kind::Deleted
                                                            : InboundEvent::Kind::Message;
}

// One messaging item (also a standby item, or a changes[] value with field "messages").
InboundEvent parseMessagingItem(const QJsonObject &item, const QString &accountId,
                                qint64 entryTimeMs)
{
    InboundEvent e;
    e.accountId = accountId;
    e.rawJson = QJsonDocument(item).toJson(QJsonDocument::Compact);
    e.timestampMs = webhookTimestampMs(item.value(QLatin1String("timestamp")));
    if (e.timestampMs == 0)
        e.timestampMs = entryTimeMs;
    e.isSelf = item.value(QLatin1String("is_self")).toBool();
    const QString sender = idString(item.value(QLatin1String("sender")).toObject().value(QLatin1String("id")));
    const QString recipient =
        idString(item.value(QLatin1String("recipient")).toObject().value(QLatin1String("id")));

    bool needsMid = true;
    if (item.value(QLatin1String("message")).isObject()) {
        parseMessage(item.value(QLatin1String("message")).toObject(), e);
    } else if (item.value(QLatin1String("message_edit")).isObject()) {
        const QJsonObject m = item.value(QLatin1String("message_edit")).toObject();
        e.kind = InboundEvent::Kind::Edit;
        e.mid = stringOf(m.value(QLatin1String("mid")));
        e.text = m.value(QLatin1String("text")).toString();
        const QJsonValue n = m.value(QLatin1String("num_edit"));
        e.editCount = n.isString() ? n.toString().toInt() : n.toInt();
    } else if (item.value(QLatin1String("reaction")).isObject()) {
        const QJsonObject r = item.value(QLatin1String("reaction")).toObject();
        e.mid = stringOf(r.value(QLatin1String("mid")));
        const QString action = r.value(QLatin1String("action")).toString();
        if (action == QLatin1String("unreact")) {
            e.kind = InboundEvent::Kind::Unreaction;
        } else {
            e.kind = InboundEvent::Kind::Reaction;
            e.reaction = r.value(QLatin1String("reaction")).toString();
            e.emoji = r.value(QLatin1String("emoji")).toString();
            if (action != QLatin1String("react"))
                markUnknown(e, QStringLiteral("reaction.action=") + action);
        }
    } else if (item.value(QLatin1String("read")).isObject()) {
        e.kind = InboundEvent::Kind::Read;
        e.mid = stringOf(item.value(QLatin1String("read")).toObject().value(QLatin1String("mid")));
    } else if (item.value(QLatin1String("postback")).isObject()) {
        const QJsonObject p = item.value(QLatin1String("postback")).toObject();
        e.kind = InboundEvent::Kind::Postback;
        e.mid = stringOf(p.value(QLatin1String("mid")));
        e.postbackTitle = p.value(QLatin1String("title")).toString();
        e.postbackPayload = p.value(QLatin1String("payload")).toString();
        e.referral = p.value(QLatin1String("referral")).toObject();
        needsMid = false; // icebreaker postbacks may come without a mid
    } else if (item.value(QLatin1String("referral")).isObject()) {
        e.kind = InboundEvent::Kind::Referral;
        e.referral = item.value(QLatin1String("referral")).toObject();
        needsMid = false;
    } else {
        // optin, pass/take/request_thread_control, or something new.
        QString name;
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QString k = it.key();
            if (k != QLatin1String("sender") && k != QLatin1String("recipient")
                && k != QLatin1String("timestamp") && k != QLatin1String("is_self")) {
                name = k;
                break;
            }
        }
        markUnknown(e, name.isEmpty() ? QStringLiteral("(empty messaging item)") : name);
        needsMid = false;
    }
    if (needsMid && e.mid.isEmpty() && e.kind != InboundEvent::Kind::Unknown)
        markUnknown(e, QStringLiteral("event without mid"));

    // The customer is whichever side is not the business: the recipient of an echo (or of
    // anything the account itself did), otherwise the sender.
    const bool byBusiness = e.outgoing || (sender == accountId && recipient != accountId);
    e.customerId = byBusiness ? recipient : sender;
    return e;
}

InboundEvent unknownChange(const QJsonObject &change, const QString &accountId, qint64 entryTimeMs)
{
    InboundEvent e;
    e.accountId = accountId;
    e.timestampMs = entryTimeMs;
    e.rawJson = QJsonDocument(change).toJson(QJsonDocument::Compact);
    markUnknown(e, QStringLiteral("changes:") + change.value(QLatin1String("field")).toString());
    return e;
}

// A part of a batch that is not what the format says (an entry that is not an object, a
// messaging list that is not an array, ...): kept raw as an Unknown event, so the rest of the
// batch is stored and acknowledged. Failing the whole POST would make Meta redeliver a batch
// that can never succeed.
InboundEvent malformedPart(const QJsonValue &part, const QString &accountId, qint64 entryTimeMs,
                           const QString &what)
{
    InboundEvent e;
    e.accountId = accountId;
    e.timestampMs = entryTimeMs;
    // A bare value has no document form of its own: write it inside [ ] and drop those.
    const QByteArray json = QJsonDocument(QJsonArray{part}).toJson(QJsonDocument::Compact);
    e.rawJson = json.mid(1, json.size() - 2);
    markUnknown(e, QStringLiteral("malformed: ") + what);
    return e;
}

Status parseEntry(const QJsonObject &entry, QList<InboundEvent> &out)
{
    const QString accountId = idString(entry.value(QLatin1String("id")));
    const qint64 entryTimeMs = webhookTimestampMs(entry.value(QLatin1String("time")));

    for (const char *key : {"messaging", "standby"}) {
        const QJsonValue list = entry.value(QLatin1String(key));
        if (list.isUndefined() || list.isNull())
            continue;
        if (!list.isArray()) {
            out.append(malformedPart(entry, accountId, entryTimeMs,
                                     QStringLiteral("entry.%1 is not an array").arg(QLatin1String(key))));
            return {};
        }
        for (const QJsonValue &v : list.toArray()) {
            if (!v.isObject()) {
                out.append(malformedPart(v, accountId, entryTimeMs,
                                         QStringLiteral("a messaging item is not an object")));
                continue;
            }
            out.append(parseMessagingItem(v.toObject(), accountId, entryTimeMs));
        }
    }

    // changes[] (dashboard Test button, FB-Login content events) and the flat field/value form.
    QJsonArray changes;
    const QJsonValue changesValue = entry.value(QLatin1String("changes"));
    if (changesValue.isArray())
        changes = changesValue.toArray();
    else if (!changesValue.isUndefined() && !changesValue.isNull())
        out.append(malformedPart(changesValue, accountId, entryTimeMs,
                                 QStringLiteral("entry.changes is not an array")));
    if (entry.contains(QLatin1String("field")) && entry.contains(QLatin1String("value")))
        changes.append(QJsonObject{{QStringLiteral("field"), entry.value(QLatin1String("field"))},
                                   {QStringLiteral("value"), entry.value(QLatin1String("value"))}});
    for (const QJsonValue &v : std::as_const(changes)) {
        if (!v.isObject()) {
            out.append(malformedPart(v, accountId, entryTimeMs, QStringLiteral("a change is not an object")));
            continue;
        }
        const QJsonObject change = v.toObject();
        const QJsonValue value = change.value(QLatin1String("value"));
        if (change.value(QLatin1String("field")).toString() == QLatin1String("messages")
            && value.isObject()) {
            out.append(parseMessagingItem(value.toObject(), accountId, entryTimeMs));
        } else {
            out.append(unknownChange(change, accountId, entryTimeMs));
        }
    }
    return {};
}

Status parseEnvelope(const QJsonObject &root, QList<InboundEvent> &out)
{
    const QString object = root.value(QLatin1String("object")).toString();
    if (object != QLatin1String("instagram"))
        return fail(Error::Kind::Parse,
                    QStringLiteral("webhook object is \"%1\", not \"instagram\"").arg(object));
    const QJsonValue entries = root.value(QLatin1String("entry"));
    if (!entries.isArray())
        return fail(Error::Kind::Parse, QStringLiteral("webhook has no entry array"));
    for (const QJsonValue &v : entries.toArray()) {
        if (!v.isObject()) {
            out.append(malformedPart(v, QString(), 0, QStringLiteral("an entry is not an object")));
            continue;
        }
        if (auto s = parseEntry(v.toObject(), out); !s)
            return s;
    }
    return {};
}

} // namespace

namespace {

// A positive double as a whole number; 0 when it is not positive or beyond qint64 (converting
// such a double is undefined behaviour: "time": 1e300 is valid JSON).
qint64 positiveWhole(double d)
{
    return d > 0 && d < 9e18 ? qint64(d) : 0;
}

} // namespace

qint64 webhookTimestampMs(const QJsonValue &value)
{
    qint64 t = 0;
    if (value.isDouble()) {
        t = value.toInteger(0);
        if (t == 0)
            t = positiveWhole(value.toDouble());
    } else if (value.isString()) {
        const QString s = value.toString().trimmed();
        bool ok = false;
        t = s.toLongLong(&ok);
        if (!ok) {
            const double d = s.toDouble(&ok);
            t = ok ? positiveWhole(d) : 0;
        }
        if (!ok) {
            const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
            return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
        }
    }
    if (t <= 0)
        return 0;
    return t < kSecondsBelow ? t * 1000 : t;
}

Result<QList<InboundEvent>> parseWebhookBody(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(Error::Kind::Parse,
                    QStringLiteral("malformed JSON at offset %1: %2").arg(error.offset).arg(error.errorString()));
    QList<InboundEvent> events;
    if (doc.isObject()) {
        if (auto s = parseEnvelope(doc.object(), events); !s)
            return std::unexpected(s.error());
    } else {
        // Meta's examples page prints the envelope inside an array; accept that too.
        const QJsonArray list = doc.array();
        if (list.isEmpty())
            return fail(Error::Kind::Parse, QStringLiteral("webhook body is an empty array"));
        for (const QJsonValue &v : list) {
            if (!v.isObject())
                return fail(Error::Kind::Parse, QStringLiteral("webhook array holds a non-object"));
            if (auto s = parseEnvelope(v.toObject(), events); !s)
                return std::unexpected(s.error());
        }
    }
    return events;
}

qsizetype loggedUnknownKindCount()
{
    QMutexLocker lock(&g_unknownMutex);
    return g_unknownSeen.size();
}

} // namespace inlet
