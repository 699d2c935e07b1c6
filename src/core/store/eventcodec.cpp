#include "store/eventcodec.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace inlet::eventcodec {

QByteArray encode(const InboundEvent &e)
{
    const QJsonObject o{
        {QStringLiteral("kind"), int(e.kind)},
        {QStringLiteral("account"), e.accountId},
        {QStringLiteral("customer"), e.customerId},
        {QStringLiteral("outgoing"), e.outgoing},
        {QStringLiteral("ts"), double(e.timestampMs)},
        {QStringLiteral("mid"), e.mid},
        {QStringLiteral("text"), e.text},
        {QStringLiteral("reaction"), e.reaction},
        {QStringLiteral("emoji"), e.emoji},
        {QStringLiteral("editCount"), e.editCount},
        {QStringLiteral("raw"), QString::fromUtf8(e.rawJson)},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<InboundEvent> decode(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    InboundEvent e;
    e.kind = InboundEvent::Kind(o.value(QStringLiteral("kind")).toInt());
    e.accountId = o.value(QStringLiteral("account")).toString();
    e.customerId = o.value(QStringLiteral("customer")).toString();
    e.outgoing = o.value(QStringLiteral("outgoing")).toBool();
    e.timestampMs = qint64(o.value(QStringLiteral("ts")).toDouble());
    e.mid = o.value(QStringLiteral("mid")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.reaction = o.value(QStringLiteral("reaction")).toString();
    e.emoji = o.value(QStringLiteral("emoji")).toString();
    e.editCount = o.value(QStringLiteral("editCount")).toInt();
    e.rawJson = o.value(QStringLiteral("raw")).toString().toUtf8();
    return e;
}

} // namespace inlet::eventcodec
