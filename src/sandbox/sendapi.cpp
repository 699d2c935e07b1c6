#include "sandbox/sendapi.h"

#include "sandbox/mediahost.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/webhookpayloads.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace inlet::sandbox {

namespace {

HttpReply param100(const QString &message, int subcode = 0)
{
    return HttpReply::graphError(100, message, subcode);
}

bool isValidMediaUrl(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

// payload.reaction of a react (instagram-api.md §3.3). Meta's Instagram sample sends "love", and
// on Instagram that is the only value reported to work for a business (other names and emoji are
// refused, unlike Messenger, which takes any emoji): the sandbox is as strict.
bool isReaction(const QString &value)
{
    return value == QLatin1String("love");
}

// The keys Graph knows inside `message` (§3.2). Anything else, reply_to included (it belongs at
// the top level, beside recipient: instagram-api.md §11), is refused as Graph refuses it.
QStringList unknownMessageKeys(const QJsonObject &message)
{
    static const QStringList known { QStringLiteral("text"), QStringLiteral("attachment"),
        QStringLiteral("attachments"), QStringLiteral("quick_replies"),
        QStringLiteral("metadata") };
    QStringList unknown;
    for (auto it = message.constBegin(); it != message.constEnd(); ++it) {
        if (!known.contains(it.key()))
            unknown.append(it.key());
    }
    return unknown;
}

} // namespace

bool SendApi::matches(const ApiRequest &request) const
{
    return request.method == "POST" && request.path.size() == 2 && request.path.at(1) == QLatin1String("messages")
           && (request.path.at(0) == QLatin1String("me") || request.path.at(0) == m_state.options.businessId);
}

void SendApi::send(const ApiRequest &request, std::function<void(HttpReply)> done)
{
    std::optional<Outgoing> out;
    HttpReply answer = prepare(request, out);
    if (!out)
        return done(answer);
    fetchAttachments(std::make_shared<Outgoing>(std::move(*out)), 0, std::move(done));
}

void SendApi::fetchAttachments(std::shared_ptr<Outgoing> out, int index, std::function<void(HttpReply)> done)
{
    static const QStringList mediaTypes{QStringLiteral("image"), QStringLiteral("video"),
                                        QStringLiteral("audio"), QStringLiteral("file")};
    for (; index < out->attachments.size(); ++index) {
        const QJsonObject a = out->attachments.at(index).toObject();
        const QString type = a.value(QStringLiteral("type")).toString();
        const QString url = a.value(QStringLiteral("payload")).toObject().value(QStringLiteral("url")).toString();
        if (!mediaTypes.contains(type) || url.isEmpty())
            continue;
        m_fetcher.fetch(QUrl(url), [this, out, index, type, done](const FetchedMedia &fetched) {
            if (auto error = checkFetchedMedia(type, fetched))
                return done(*error);
            // Instagram serves its own copy from its CDN; so does the sandbox.
            const QString suffix = QUrl(out->attachments.at(index).toObject().value(QStringLiteral("payload"))
                                            .toObject().value(QStringLiteral("url")).toString())
                                       .fileName().section(QLatin1Char('.'), -1);
            out->attachments.replace(index, payloads::attachment(type, MediaHost::publishToCdn(m_state, fetched.media, suffix)));
            fetchAttachments(out, index + 1, done);
        });
        return;
    }
    done(commit(*out));
}

HttpReply SendApi::prepare(const ApiRequest &request, std::optional<Outgoing> &out)
{
    if (auto error = m_state.requireUserToken(request))
        return *error;

    // The body is JSON; Graph also takes the same keys as form fields holding JSON.
    QJsonObject body;
    if (request.isFormBody() || request.body.trimmed().isEmpty()) {
        for (const char *key : { "recipient", "message", "reply_to", "sender_action", "payload",
                 "messaging_type", "tag" }) {
            const QString value = request.param(QLatin1String(key));
            if (value.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
            body.insert(QLatin1String(key), doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(value));
        }
    } else {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return param100(QStringLiteral("(#100) Invalid JSON in the request body: %1").arg(parseError.errorString()));
        body = doc.object();
    }

    const QJsonValue recipientValue = body.value(QStringLiteral("recipient"));
    const QString igsid = recipientValue.toObject().value(QStringLiteral("id")).toString();
    if (!recipientValue.isObject() || igsid.isEmpty())
        return param100(QStringLiteral("(#100) The parameter recipient is required"));
    WorldCustomer *customer = m_state.world.customer(igsid);
    if (!customer)
        return param100(QStringLiteral("(#100) No matching user found"), 2534014);
    if (customer->unavailable)
        return HttpReply::graphError(551, QStringLiteral("(#551) This person isn't available right now."), 1545041);

    const QString messagingType = body.value(QStringLiteral("messaging_type")).toString();
    const QString tag = body.value(QStringLiteral("tag")).toString();
    if (!messagingType.isEmpty() && messagingType != QLatin1String("RESPONSE")
        && messagingType != QLatin1String("UPDATE") && messagingType != QLatin1String("MESSAGE_TAG"))
        return param100(QStringLiteral("(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}"));
    if (messagingType == QLatin1String("MESSAGE_TAG") && tag.isEmpty())
        return param100(QStringLiteral("(#100) Param tag must be non-empty when messaging_type is MESSAGE_TAG"));
    if (!tag.isEmpty() && tag != QLatin1String("HUMAN_AGENT"))
        return param100(QStringLiteral("(#100) Param tag must be one of {HUMAN_AGENT}"));
    const bool humanAgent = tag == QLatin1String("HUMAN_AGENT");

    const bool hasMessage = body.contains(QStringLiteral("message"));
    const bool hasAction = body.contains(QStringLiteral("sender_action"));
    if (hasMessage == hasAction)
        return param100(hasMessage ? QStringLiteral("(#100) Specify either message or sender_action, not both")
                                   : QStringLiteral("(#100) The parameter message is required"));
    if (hasAction)
        return senderAction(body, *customer);

    if (!body.value(QStringLiteral("message")).isObject())
        return param100(QStringLiteral("(#100) Param message must be a JSON object"));
    // Graph's wording for keys it does not know in a parameter's object (Messenger Send API
    // reports, e.g. botpress/v12#788): (#100) Invalid keys "preview" were found in param "message".
    if (const QStringList unknown
        = unknownMessageKeys(body.value(QStringLiteral("message")).toObject());
        !unknown.isEmpty())
        return param100(
            QStringLiteral("(#100) Invalid keys \"%1\" were found in param \"message\".")
                .arg(unknown.join(QStringLiteral(", "))));
    QString text;
    QJsonArray attachments;
    if (auto error = readMessage(body.value(QStringLiteral("message")).toObject(), &text, &attachments))
        return *error;
    if (auto error = checkWindow(*customer, humanAgent))
        return *error;
    // An inline reply: "reply_to":{"mid":…} at the top level, beside recipient.
    const QString replyToMid
        = body.value(QStringLiteral("reply_to")).toObject().value(QStringLiteral("mid")).toString();
    if (!replyToMid.isEmpty()) {
        const WorldMessage *replied = m_state.world.message(replyToMid);
        if (!replied || replied->customerIgsid != igsid || replied->deleted)
            return param100(QStringLiteral("(#100) Param reply_to[mid] must be a message of this conversation"));
    }

    out = Outgoing{igsid, text, attachments, replyToMid, messagingType, tag, body.value(QStringLiteral("message"))};
    return {};
}

HttpReply SendApi::commit(const Outgoing &out)
{
    const QString &igsid = out.igsid;
    if (!m_state.world.customer(igsid)) // gone while the attachments were fetched
        return param100(QStringLiteral("(#100) No matching user found"), 2534014);
    WorldMessage message;
    message.replyToMid = out.replyToMid;
    message.mid = m_state.newMid();
    message.customerIgsid = igsid;
    message.fromCustomer = false;
    message.text = out.text;
    message.attachments = out.attachments;
    message.timestampMs = m_state.clock.nowMs();
    const WorldMessage &stored = m_state.world.addMessage(std::move(message));

    // With echoMidDiffers the Send API answers an id of its own; Instagram (echo, Conversations
    // API, reactions) knows the message by stored.mid only.
    const QString messageId = m_state.options.echoMidDiffers ? m_state.newMid() : stored.mid;
    QJsonObject record { { QStringLiteral("recipient_id"), igsid },
        { QStringLiteral("message_id"), messageId },
        { QStringLiteral("timestamp"), stored.timestampMs },
        { QStringLiteral("message"), out.message } };
    if (!out.messagingType.isEmpty())
        record.insert(QStringLiteral("messaging_type"), out.messagingType);
    if (!out.tag.isEmpty())
        record.insert(QStringLiteral("tag"), out.tag);
    if (!out.replyToMid.isEmpty())
        record.insert(
            QStringLiteral("reply_to"), QJsonObject { { QStringLiteral("mid"), out.replyToMid } });
    if (messageId != stored.mid)
        record.insert(QStringLiteral("echo_mid"), stored.mid);
    m_state.sent.append(record);
    m_state.deliver(payloads::echo(m_state.options.businessId, igsid, stored.timestampMs, stored.mid,
                                   stored.text, stored.attachments),
                    QStringLiteral("messages"));
    qCInfo(lcSandbox) << "business sent" << stored.mid << "to" << igsid;
    return HttpReply::json(QJsonObject {
        { QStringLiteral("recipient_id"), igsid }, { QStringLiteral("message_id"), messageId } });
}

std::optional<HttpReply> SendApi::readMessage(const QJsonObject &message, QString *text, QJsonArray *attachments)
{
    static const QStringList mediaTypes{QStringLiteral("image"), QStringLiteral("video"),
                                        QStringLiteral("audio"), QStringLiteral("file")};
    if (message.contains(QStringLiteral("text"))) {
        *text = message.value(QStringLiteral("text")).toString();
        if (text->toUtf8().size() > kMaxTextBytes)
            return param100(QStringLiteral("(#100) Length of param message[text] must be less than or equal to 1000"));
    }
    QJsonArray given;
    if (message.contains(QStringLiteral("attachment")))
        given.append(message.value(QStringLiteral("attachment")));
    if (message.contains(QStringLiteral("attachments"))) {
        const QJsonArray list = message.value(QStringLiteral("attachments")).toArray();
        if (list.size() > 10)
            return param100(QStringLiteral("(#100) Param message[attachments] must have at most 10 items"));
        for (const QJsonValue &v : list)
            given.append(v);
    }
    for (const QJsonValue &v : given) {
        const QJsonObject a = v.toObject();
        const QString type = a.value(QStringLiteral("type")).toString();
        const QJsonObject payload = a.value(QStringLiteral("payload")).toObject();
        if (type == QLatin1String("like_heart")) {
            attachments->append(QJsonObject{{QStringLiteral("type"), type}});
        } else if (mediaTypes.contains(type)) {
            const QString url = payload.value(QStringLiteral("url")).toString();
            if (!isValidMediaUrl(url) && payload.value(QStringLiteral("attachment_id")).toString().isEmpty())
                return param100(QStringLiteral("(#100) Param message[attachment][payload][url] must be a valid URL"));
            attachments->append(payloads::attachment(type, url));
        } else if (type == QLatin1String("MEDIA_SHARE")) {
            if (payload.value(QStringLiteral("id")).toString().isEmpty())
                return param100(QStringLiteral("(#100) Param message[attachment][payload][id] is required"));
            attachments->append(payloads::attachment(QStringLiteral("ig_post"), {},
                                                     QJsonObject{{QStringLiteral("ig_post_media_id"),
                                                                  payload.value(QStringLiteral("id"))}}));
        } else {
            return param100(QStringLiteral(
                "(#100) Param message[attachment][type] must be one of {image, video, audio, file, like_heart, MEDIA_SHARE}"));
        }
    }
    if (text->isEmpty() && attachments->isEmpty())
        return param100(QStringLiteral("(#100) Message cannot be empty, must provide valid attachment or text"));
    return std::nullopt;
}

std::optional<HttpReply> SendApi::checkWindow(const WorldCustomer &customer, bool humanAgent) const
{
    const qint64 age = m_state.clock.nowMs() - customer.lastInboundMs;
    if (customer.lastInboundMs > 0 && age <= kStandardWindowMs)
        return std::nullopt;
    if (customer.lastInboundMs > 0 && humanAgent && age <= kHumanAgentWindowMs)
        return std::nullopt;
    return HttpReply::graphError(10, QStringLiteral("(#10) This message is sent outside of allowed window."), 2534022);
}

HttpReply SendApi::senderAction(const QJsonObject &body, WorldCustomer &customer)
{
    const QString action = body.value(QStringLiteral("sender_action")).toString();
    static const QStringList actions{QStringLiteral("typing_on"), QStringLiteral("typing_off"),
                                     QStringLiteral("mark_seen"), QStringLiteral("react"), QStringLiteral("unreact")};
    if (!actions.contains(action))
        return param100(QStringLiteral("(#100) Param sender_action must be one of {typing_on, typing_off, mark_seen, react, unreact}"));
    const QString igsid = customer.profile.igsid;
    QJsonObject record{{QStringLiteral("recipient_id"), igsid},
                       {QStringLiteral("sender_action"), action},
                       {QStringLiteral("timestamp"), m_state.clock.nowMs()}};
    if (action == QLatin1String("mark_seen")) {
        customer.businessSeenMs = m_state.clock.nowMs();
    } else {
        const QString tag = body.value(QStringLiteral("tag")).toString();
        if (auto error = checkWindow(customer, tag == QLatin1String("HUMAN_AGENT")))
            return *error;
    }
    if (action == QLatin1String("react") || action == QLatin1String("unreact")) {
        const QJsonObject payload = body.value(QStringLiteral("payload")).toObject();
        WorldMessage *m = m_state.world.message(payload.value(QStringLiteral("message_id")).toString());
        if (!m || m->customerIgsid != igsid || m->deleted)
            return param100(QStringLiteral("(#100) Param payload[message_id] must be a message of this conversation"));
        if (action == QLatin1String("react")) {
            const QString reaction = payload.value(QStringLiteral("reaction")).toString();
            if (reaction.isEmpty())
                return param100(QStringLiteral("(#100) Param payload[reaction] is required"));
            if (!isReaction(reaction))
                return param100(
                    QStringLiteral("(#100) Param payload[reaction] must be one of {love}"));
            m->businessReaction = reaction;
        } else {
            m->businessReaction.clear();
        }
        // Instagram delivers no webhook for reactions the business makes (§2.7): none here either.
        record.insert(QStringLiteral("payload"), payload);
    }
    m_state.sent.append(record);
    return HttpReply::json(QJsonObject{{QStringLiteral("recipient_id"), igsid}});
}

} // namespace inlet::sandbox
