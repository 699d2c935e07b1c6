#include "sandbox/world.h"

#include <QByteArray>

#include <algorithm>

namespace inlet::sandbox {

void World::load(const DemoWorld &demo)
{
    m_customers.clear();
    m_customerIndex.clear();
    m_messages.clear();
    m_messageIndex.clear();
    m_updatedMs.clear();
    for (const DemoCustomer &c : demo.customers) {
        m_customerIndex.insert(c.igsid, m_customers.size());
        m_customers.append(WorldCustomer{c, false, 0, {}, 0});
    }
    QList<DemoMessage> sorted = demo.messages;
    std::stable_sort(sorted.begin(), sorted.end(), [](const DemoMessage &a, const DemoMessage &b) {
        return a.timestampMs < b.timestampMs;
    });
    for (const DemoMessage &m : sorted) {
        if (!m_customerIndex.contains(m.customerIgsid) || m_messageIndex.contains(m.mid))
            continue;
        WorldMessage wm;
        wm.mid = m.mid;
        wm.customerIgsid = m.customerIgsid;
        wm.fromCustomer = m.fromCustomer;
        wm.text = m.text;
        wm.attachments = m.attachments;
        wm.replyToMid = m.replyToMid;
        wm.timestampMs = m.timestampMs;
        addMessage(std::move(wm));
    }
}

WorldCustomer *World::customer(const QString &igsid)
{
    const auto it = m_customerIndex.constFind(igsid);
    return it == m_customerIndex.constEnd() ? nullptr : &m_customers[*it];
}

WorldMessage *World::message(const QString &mid)
{
    const auto it = m_messageIndex.constFind(mid);
    return it == m_messageIndex.constEnd() ? nullptr : &m_messages[*it];
}

WorldMessage &World::addMessage(WorldMessage message)
{
    const auto last = m_updatedMs.constFind(message.customerIgsid);
    if (last != m_updatedMs.constEnd() && message.timestampMs <= *last)
        message.timestampMs = *last + 1; // keep every conversation strictly ordered
    m_updatedMs.insert(message.customerIgsid, message.timestampMs);
    if (message.fromCustomer) {
        if (WorldCustomer *c = customer(message.customerIgsid))
            c->lastInboundMs = std::max(c->lastInboundMs, message.timestampMs);
    }
    m_messageIndex.insert(message.mid, m_messages.size());
    m_messages.append(std::move(message));
    return m_messages.last();
}

QList<const WorldMessage *> World::conversation(const QString &igsid) const
{
    QList<const WorldMessage *> out;
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->customerIgsid == igsid && !it->deleted)
            out.append(&*it);
    }
    // Messages are appended in per-conversation time order, so reverse order is newest first.
    return out;
}

QStringList World::conversationsByRecency() const
{
    QStringList ids = m_updatedMs.keys();
    std::sort(ids.begin(), ids.end(), [this](const QString &a, const QString &b) {
        const qint64 ta = m_updatedMs.value(a);
        const qint64 tb = m_updatedMs.value(b);
        return ta != tb ? ta > tb : a < b;
    });
    return ids;
}

std::optional<qint64> World::updatedMs(const QString &igsid) const
{
    const auto it = m_updatedMs.constFind(igsid);
    if (it == m_updatedMs.constEnd())
        return std::nullopt;
    return *it;
}

QString World::latestMid(const QString &igsid, bool fromCustomer) const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->customerIgsid == igsid && !it->deleted && it->fromCustomer == fromCustomer)
            return it->mid;
    }
    return {};
}

QString World::conversationId(const QString &igsid) const
{
    // Instagram's ids are opaque base64; this one decodes to the pair it stands for.
    const QByteArray raw = "ig_conversation:" + m_businessId.toUtf8() + ':' + igsid.toUtf8();
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString World::customerForConversation(const QString &conversationId) const
{
    const auto decoded = QByteArray::fromBase64Encoding(
        conversationId.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    const QByteArray prefix = "ig_conversation:" + m_businessId.toUtf8() + ':';
    if (!decoded.decoded.startsWith(prefix))
        return {};
    const QString igsid = QString::fromUtf8(decoded.decoded.mid(prefix.size()));
    return m_customerIndex.contains(igsid) ? igsid : QString();
}

} // namespace inlet::sandbox
