#include "sandbox/customerevents.h"

#include "sandbox/sandboxlogging.h"
#include "sandbox/webhookpayloads.h"

#include <QRandomGenerator>

namespace inlet::sandbox {

namespace {

QString str(const QJsonObject &spec, const char *key, const QString &fallback = {})
{
    const QString value = spec.value(QLatin1String(key)).toString();
    return value.isEmpty() ? fallback : value;
}

QString defaultMediaName(const QString &kind)
{
    // Files of sandboxmedia.h.
    if (kind == QLatin1String("video") || kind == QLatin1String("reel"))
        return QStringLiteral("clip.mp4");
    if (kind == QLatin1String("audio"))
        return QStringLiteral("voice-note.wav");
    if (kind == QLatin1String("file"))
        return QStringLiteral("menu.pdf");
    if (kind == QLatin1String("story_mention") || kind == QLatin1String("story_reply"))
        return QStringLiteral("sunset.png");
    if (kind == QLatin1String("share"))
        return QStringLiteral("storefront.png");
    return QStringLiteral("latte.png");
}

} // namespace

QStringList CustomerEvents::kinds()
{
    return {QStringLiteral("text"),        QStringLiteral("image"),      QStringLiteral("video"),
            QStringLiteral("audio"),       QStringLiteral("file"),       QStringLiteral("share"),
            QStringLiteral("story_mention"), QStringLiteral("reel"),     QStringLiteral("reply"),
            QStringLiteral("story_reply"), QStringLiteral("reaction"),   QStringLiteral("unreaction"),
            QStringLiteral("read"),        QStringLiteral("unsend"),     QStringLiteral("edit"),
            QStringLiteral("postback"),    QStringLiteral("referral"),   QStringLiteral("quick_reply")};
}

CustomerEvents::Outcome CustomerEvents::apply(const QJsonObject &spec)
{
    const QString kind = str(spec, "kind");
    if (!kinds().contains(kind))
        return {{}, QStringLiteral("unknown kind \"%1\"; one of %2").arg(kind, kinds().join(QStringLiteral(", ")))};
    WorldCustomer *customer = m_state.world.customer(str(spec, "customer"));
    if (!customer)
        return {{}, QStringLiteral("unknown customer \"%1\"").arg(str(spec, "customer"))};

    const QString igsid = customer->profile.igsid;
    const QString business = m_state.options.businessId;
    const qint64 now = m_state.clock.nowMs();
    World &world = m_state.world;

    // Events about an existing message: reaction, unreaction, read, unsend, edit.
    auto target = [&](bool fromCustomer) -> WorldMessage * {
        const QString mid = str(spec, "mid", world.latestMid(igsid, fromCustomer));
        WorldMessage *m = world.message(mid);
        return (m && m->customerIgsid == igsid && !m->deleted) ? m : nullptr;
    };
    if (kind == QLatin1String("reaction") || kind == QLatin1String("unreaction")) {
        WorldMessage *m = target(false);
        if (!m)
            return {{}, QStringLiteral("no message to react to in this conversation")};
        if (kind == QLatin1String("reaction")) {
            // Instagram names the reaction, adds its emoji, or both (instagram-api.md §2.7).
            // Without either key: "love" with its emoji; a key given as "" is left out of the
            // event.
            const bool hasName = spec.contains(QLatin1String("reaction"));
            const bool hasEmoji = spec.contains(QLatin1String("emoji"));
            QString name = str(spec, "reaction");
            if (!hasName && !hasEmoji)
                name = QStringLiteral("love");
            const QString emoji = hasEmoji ? str(spec, "emoji") : payloads::emojiForReaction(name);
            if (name.isEmpty() && emoji.isEmpty())
                return { {},
                    QStringLiteral("a reaction needs a name (\"reaction\") or an \"emoji\"") };
            m->customerReaction = name;
            m->customerEmoji = emoji;
            m_state.deliver(payloads::reaction(igsid, business, now, m->mid, m->customerReaction,
                                               m->customerEmoji),
                            QStringLiteral("message_reactions"));
        } else {
            m->customerReaction.clear();
            m->customerEmoji.clear();
            m_state.deliver(payloads::unreaction(igsid, business, now, m->mid),
                            QStringLiteral("message_reactions"));
        }
        return {m->mid, {}};
    }
    if (kind == QLatin1String("read")) {
        WorldMessage *m = target(false);
        if (!m)
            return {{}, QStringLiteral("no business message to read in this conversation")};
        customer->lastSeenMid = m->mid;
        m_state.deliver(payloads::seen(igsid, business, now, m->mid), QStringLiteral("messaging_seen"));
        return {m->mid, {}};
    }
    if (kind == QLatin1String("unsend") || kind == QLatin1String("edit")) {
        WorldMessage *m = target(true);
        if (!m || !m->fromCustomer)
            return {{}, QStringLiteral("no customer message to %1 in this conversation").arg(kind)};
        if (kind == QLatin1String("unsend")) {
            m->deleted = true;
            m_state.deliver(payloads::unsend(igsid, business, now, m->mid), QStringLiteral("messages"));
        } else {
            const QString text = str(spec, "text");
            if (text.isEmpty())
                return {{}, QStringLiteral("edit needs \"text\"")};
            m->text = text;
            ++m->editCount;
            m_state.deliver(payloads::edit(igsid, business, now, m->mid, text, m->editCount),
                            QStringLiteral("message_edit"));
        }
        return {m->mid, {}};
    }
    if (kind == QLatin1String("referral")) {
        // Opens the window but is not a message of the conversation.
        customer->lastInboundMs = std::max(customer->lastInboundMs, now);
        m_state.deliver(payloads::referral(igsid, business, now, str(spec, "ref", QStringLiteral("sandbox")),
                                           str(spec, "source", QStringLiteral("IGME_SOURCE_LINK"))),
                        QStringLiteral("messaging_referral"));
        return {{}, {}};
    }

    // Everything else is a new customer message.
    WorldMessage message;
    message.mid = m_state.newMid();
    message.customerIgsid = igsid;
    message.fromCustomer = true;
    message.timestampMs = now;
    if (kind == QLatin1String("text") || kind == QLatin1String("reply") || kind == QLatin1String("story_reply")
        || kind == QLatin1String("quick_reply") || kind == QLatin1String("postback")) {
        message.text = str(spec, "text", str(spec, "title"));
        if (message.text.isEmpty())
            return {{}, QStringLiteral("%1 needs \"text\"").arg(kind)};
    }
    if (kind == QLatin1String("reply")) {
        const QString replied = str(spec, "reply_to", world.latestMid(igsid, false));
        const WorldMessage *r = world.message(replied);
        if (!r || r->customerIgsid != igsid)
            return {{}, QStringLiteral("reply_to is not a message of this conversation")};
        message.replyToMid = replied;
    } else if (kind == QLatin1String("story_reply")) {
        message.storyUrl = str(spec, "story_url", m_state.mediaUrl(defaultMediaName(kind)));
        message.storyId = str(spec, "story_id",
                              QString::number(18000000000000000LL
                                              + QRandomGenerator::global()->bounded(1000000000)));
    } else if (kind == QLatin1String("story_mention")) {
        message.attachments.append(payloads::attachment(
            QStringLiteral("story_mention"), str(spec, "url", m_state.mediaUrl(defaultMediaName(kind)))));
    } else if (kind == QLatin1String("reel")) {
        message.attachments.append(payloads::attachment(
            QStringLiteral("ig_reel"), str(spec, "url", m_state.mediaUrl(defaultMediaName(kind))),
            QJsonObject{{QStringLiteral("title"), str(spec, "title", QStringLiteral("A reel"))},
                        {QStringLiteral("reel_video_id"), str(spec, "reel_video_id", QStringLiteral("18087782618022081"))}}));
    } else if (kind == QLatin1String("share")) {
        message.attachments.append(payloads::attachment(
            QStringLiteral("share"), str(spec, "url", m_state.mediaUrl(defaultMediaName(kind)))));
    } else if (kind == QLatin1String("image") || kind == QLatin1String("video") || kind == QLatin1String("audio")
               || kind == QLatin1String("file")) {
        message.attachments.append(
            payloads::attachment(kind, str(spec, "url", m_state.mediaUrl(defaultMediaName(kind)))));
        message.text = str(spec, "text");
    }
    return addMessage(*customer, std::move(message), kind, spec);
}

CustomerEvents::Outcome CustomerEvents::addMessage(WorldCustomer &customer, WorldMessage message,
                                                   const QString &kind, const QJsonObject &spec)
{
    const QString igsid = customer.profile.igsid;
    const QString business = m_state.options.businessId;
    const WorldMessage &m = m_state.world.addMessage(std::move(message));
    const qint64 ts = m.timestampMs;
    QJsonObject item;
    QString field = QStringLiteral("messages");
    if (kind == QLatin1String("text")) {
        item = payloads::text(igsid, business, ts, m.mid, m.text);
    } else if (kind == QLatin1String("reply")) {
        item = payloads::replyToMessage(igsid, business, ts, m.mid, m.text, m.replyToMid);
    } else if (kind == QLatin1String("story_reply")) {
        item = payloads::replyToStory(igsid, business, ts, m.mid, m.text, m.storyUrl, m.storyId);
    } else if (kind == QLatin1String("story_mention")) {
        item = payloads::storyMention(igsid, business, ts, m.mid,
                                      m.attachments.first().toObject().value(QStringLiteral("payload"))
                                          .toObject().value(QStringLiteral("url")).toString());
    } else if (kind == QLatin1String("quick_reply")) {
        item = payloads::quickReply(igsid, business, ts, m.mid, m.text,
                                    str(spec, "payload", m.text.toUpper()));
    } else if (kind == QLatin1String("postback")) {
        item = payloads::postback(igsid, business, ts, m.mid, m.text, str(spec, "payload", m.text.toUpper()));
        field = QStringLiteral("messaging_postbacks");
    } else {
        item = payloads::attachments(igsid, business, ts, m.mid, m.attachments, m.text);
    }
    m_state.deliver(item, field);
    qCDebug(lcSandbox) << "customer" << igsid << kind << m.mid;
    return {m.mid, {}};
}

} // namespace inlet::sandbox
