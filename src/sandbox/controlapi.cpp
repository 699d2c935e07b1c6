#include "sandbox/controlapi.h"

#include "common/redact.h"
#include "sandbox/customerevents.h"
#include "sandbox/customersimulator.h"
#include "sandbox/demoworld.h"
#include "sandbox/oauthapi.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/sandboxmedia.h"
#include "sandbox/webhookdelivery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace inlet::sandbox {

namespace {

HttpReply ok(QJsonObject extra = {})
{
    extra.insert(QStringLiteral("success"), true);
    return HttpReply::json(extra);
}

} // namespace

bool ControlApi::matches(const ApiRequest &request)
{
    return !request.path.isEmpty() && request.path.first() == QLatin1String("__sandbox");
}

HttpReply ControlApi::handle(const ApiRequest &request)
{
    const QStringList p = request.path.mid(1);
    const QString first = p.value(0);
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";

    QJsonObject body;
    if (post && !request.body.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (!doc.isObject())
            return HttpReply::controlError(QStringLiteral("body must be a JSON object: %1").arg(error.errorString()));
        body = doc.object();
    }

    if (first == QLatin1String("clock")) {
        if (p.size() == 1 && get)
            return clock();
        if (p.size() == 2 && p.at(1) == QLatin1String("advance") && post) {
            const qint64 seconds = body.value(QStringLiteral("seconds")).toInteger(-1);
            if (seconds < 0)
                return HttpReply::controlError(QStringLiteral("\"seconds\" must be a non-negative integer"));
            m_state.clock.advanceSeconds(seconds);
            qCInfo(lcSandbox) << "clock advanced by" << seconds << "s";
            return clock();
        }
    } else if (first == QLatin1String("faults") && p.size() == 1) {
        return faults(m_state.faults, request, body);
    } else if (first == QLatin1String("uploads") && p.size() == 2 && p.at(1) == QLatin1String("faults")) {
        return faults(m_state.mediaFaults, request, body);
    } else if (first == QLatin1String("uploads") && p.size() == 1) {
        if (post) {
            const qint64 max = body.value(QStringLiteral("max_bytes")).toInteger(-1);
            if (max < 0)
                return HttpReply::controlError(QStringLiteral("\"max_bytes\" must be a non-negative integer"));
            m_state.media.maxBytes = max;
        }
        return uploads(request);
    } else if (first == QLatin1String("tokens") && post) {
        if (p.size() == 1) {
            // A token without going through OAuth, for tests of other parts.
            const bool longLived = body.value(QStringLiteral("long_lived")).toBool(true);
            const QString token = m_state.tokens.issueToken(
                longLived, {QStringLiteral("instagram_business_basic"), QStringLiteral("instagram_business_manage_messages")},
                m_state.clock.nowMs());
            return HttpReply::json(QJsonObject{
                {QStringLiteral("access_token"), token},
                {QStringLiteral("expires_in"),
                 (longLived ? TokenStore::kLongLifetimeMs : TokenStore::kShortLifetimeMs) / 1000}});
        }
        if (p.size() == 2)
            return tokens(p.at(1), body);
    } else if (first == QLatin1String("events") && p.size() == 1 && post) {
        const CustomerEvents::Outcome outcome = m_events.apply(body);
        if (!outcome.error.isEmpty())
            return HttpReply::controlError(outcome.error);
        return ok({{QStringLiteral("mid"), outcome.mid}});
    } else if (first == QLatin1String("sent") && p.size() == 1 && get) {
        QJsonArray data;
        for (const QJsonObject &o : m_state.sent)
            data.append(o);
        return HttpReply::json(QJsonObject{{QStringLiteral("data"), data}});
    } else if (first == QLatin1String("consent") && p.size() == 1 && post) {
        QStringList grant;
        for (const QJsonValue &v : body.value(QStringLiteral("grant")).toArray())
            grant.append(v.toString());
        const OAuthApi::Consent consent = m_oauth.consent(
            body.value(QStringLiteral("client_id")).toString(), body.value(QStringLiteral("redirect_uri")).toString(),
            body.value(QStringLiteral("scope")).toString(), body.value(QStringLiteral("state")).toString(), grant);
        if (!consent.error.isEmpty())
            return HttpReply::controlError(consent.error);
        HttpReply reply = HttpReply::json(QJsonObject { { QStringLiteral("code"), consent.code },
            { QStringLiteral("redirect"), QString::fromUtf8(consent.redirect) } });
        reply.setCookie = consent.setCookie; // as if this client's browser pressed Allow
        return reply;
    } else if (first == QLatin1String("app") && p.size() == 1 && get) {
        // Both pairs: app_id/app_secret is the Instagram one (OAuth), meta_app_* the Meta app's.
        return HttpReply::json(QJsonObject { { QStringLiteral("app_id"), m_state.options.appId },
            { QStringLiteral("app_secret"), m_state.options.appSecret },
            { QStringLiteral("meta_app_id"), m_state.options.metaAppId },
            { QStringLiteral("meta_app_secret"), m_state.options.metaAppSecret },
            { QStringLiteral("business_id"), m_state.options.businessId } });
    } else if (first == QLatin1String("webhooks") && p.size() == 2
        && p.at(1) == QLatin1String("signing") && (get || post)) {
        return webhookSigning(post, body.value(QStringLiteral("secret")).toString());
    } else if (first == QLatin1String("quirks") && p.size() == 1 && (get || post)) {
        return quirks(body);
    } else if (first == QLatin1String("state") && p.size() == 1 && get) {
        return state();
    } else if (first == QLatin1String("webhooks") && p.size() == 1 && (get || post)
        && m_state.delivery) {
        // Meta's delivery rules: retry window, switch-off after sustained failures (seconds).
        WebhookDelivery &d = *m_state.delivery;
        if (post) {
            for (const char *key : { "retry_window_seconds", "disable_after_seconds" }) {
                if (body.contains(QLatin1String(key))
                    && body.value(QLatin1String(key)).toInteger(-1) < 0)
                    return HttpReply::controlError(
                        QStringLiteral("\"%1\" must be a non-negative integer")
                            .arg(QLatin1String(key)));
            }
            if (body.contains(QLatin1String("retry_window_seconds")))
                d.setRetryWindowMs(
                    body.value(QLatin1String("retry_window_seconds")).toInteger() * 1000);
            if (body.contains(QLatin1String("disable_after_seconds")))
                d.setDisableAfterMs(
                    body.value(QLatin1String("disable_after_seconds")).toInteger() * 1000);
        }
        return HttpReply::json(
            QJsonObject { { QStringLiteral("retry_window_seconds"), d.retryWindowMs() / 1000 },
                { QStringLiteral("disable_after_seconds"), d.disableAfterMs() / 1000 },
                { QStringLiteral("pending"), d.pendingCount() },
                { QStringLiteral("dropped"), d.droppedCount() },
                { QStringLiteral("failing_since_ms"), d.failingSinceMs() } });
    } else if (first == QLatin1String("simulator") && p.size() == 1) {
        if (post) {
            const double rate = body.value(QStringLiteral("rate")).toDouble(-1);
            if (rate < 0)
                return HttpReply::controlError(QStringLiteral("\"rate\" must be a non-negative number (events per minute)"));
            m_simulator.setRate(rate);
        }
        if (post || get)
            return HttpReply::json(QJsonObject{{QStringLiteral("rate"), m_simulator.rate()},
                                               {QStringLiteral("actions"), m_simulator.actionsTaken()}});
    } else if (first == QLatin1String("customers") && p.size() == 3
               && (p.at(2) == QLatin1String("unavailable") || p.at(2) == QLatin1String("profile_hidden"))
               && (post || request.method == "DELETE")) {
        WorldCustomer *c = m_state.world.customer(p.at(1));
        if (!c)
            return HttpReply::controlError(QStringLiteral("unknown customer"), 404);
        bool &flag = p.at(2) == QLatin1String("unavailable") ? c->unavailable : c->profileHidden;
        flag = post;
        return ok({{p.at(2), flag}});
    } else if (first == QLatin1String("redirect_uris") && p.size() == 1) {
        if (post) {
            const QString uri = body.value(QStringLiteral("redirect_uri")).toString();
            const QUrl url(uri, QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty())
                return HttpReply::controlError(QStringLiteral("\"redirect_uri\" must be an absolute URI"));
            if (!m_state.redirectUris.contains(uri))
                m_state.redirectUris.append(uri);
        }
        if (post || get)
            return HttpReply::json(QJsonObject{{QStringLiteral("data"), QJsonArray::fromStringList(m_state.redirectUris)}});
    } else if (first == QLatin1String("avatars") && p.size() == 2 && get
        && p.at(1).endsWith(QLatin1String(".svg"))) {
        const QString id = p.at(1).chopped(4);
        if (id == m_state.options.businessId) {
            DemoCustomer business;
            business.igsid = id;
            business.name = QStringLiteral("Inlet Coffee");
            business.username = m_state.options.businessUsername;
            business.avatarColor = QStringLiteral("#6f4e37");
            return HttpReply::bytes(avatarSvg(business), "image/svg+xml");
        }
        if (const WorldCustomer *c = m_state.world.customer(id))
            return HttpReply::bytes(avatarSvg(c->profile), "image/svg+xml");
        return HttpReply::controlError(QStringLiteral("no such avatar"), 404);
    } else if (first == QLatin1String("media") && p.size() == 2 && get) {
        if (auto file = sandboxMedia(p.at(1)))
            return HttpReply::bytes(file->data, file->mimeType);
        return HttpReply::controlError(QStringLiteral("no such media file"), 404);
    }
    return HttpReply::controlError(
        QStringLiteral("unknown control endpoint %1 /%2").arg(QString::fromLatin1(request.method), request.path.join(QLatin1Char('/'))),
        404);
}

HttpReply ControlApi::webhookSigning(bool set, const QString &choice)
{
    if (!m_state.delivery)
        return HttpReply::controlError(QStringLiteral("no webhook delivery"), 404);
    const QByteArray instagram = m_state.options.appSecret.toUtf8();
    const QByteArray meta = m_state.options.metaAppSecret.toUtf8();
    if (set && (choice == QLatin1String("instagram") || choice == QLatin1String("meta"))) {
        m_state.delivery->setSecret(choice == QLatin1String("meta") ? meta : instagram);
        qCInfo(lcSandbox) << "webhooks are signed with the" << choice << "app secret";
    } else if (set) {
        return HttpReply::controlError(
            QStringLiteral("\"secret\" must be \"instagram\" or \"meta\""));
    }
    const bool isMeta = m_state.delivery->secret() == meta;
    return HttpReply::json(QJsonObject { { QStringLiteral("secret"),
        isMeta ? QStringLiteral("meta") : QStringLiteral("instagram") } });
}

HttpReply ControlApi::quirks(const QJsonObject &body)
{
    SandboxOptions &o = m_state.options;
    const QString key = body.value(QStringLiteral("reply_to_key")).toString(o.replyToKey);
    if (key != QLatin1String("mid") && key != QLatin1String("id") && key != QLatin1String("mixed"))
        return HttpReply::controlError(
            QStringLiteral("\"reply_to_key\" must be \"mid\", \"id\" or \"mixed\""));
    const QString echo
        = body.value(QStringLiteral("echo_mid"))
              .toString(o.echoMidDiffers ? QStringLiteral("different") : QStringLiteral("same"));
    if (echo != QLatin1String("same") && echo != QLatin1String("different"))
        return HttpReply::controlError(
            QStringLiteral("\"echo_mid\" must be \"same\" or \"different\""));
    const QJsonValue revoke = body.value(QStringLiteral("revoke_on_refresh"));
    if (!revoke.isUndefined() && !revoke.isBool())
        return HttpReply::controlError(
            QStringLiteral("\"revoke_on_refresh\" must be true or false"));
    o.replyToKey = key;
    o.echoMidDiffers = echo == QLatin1String("different");
    o.revokeOnRefresh = revoke.toBool(o.revokeOnRefresh);
    if (!body.isEmpty())
        qCInfo(lcSandbox) << "quirks" << body;
    return HttpReply::json(QJsonObject { { QStringLiteral("reply_to_key"), o.replyToKey },
        { QStringLiteral("echo_mid"),
            o.echoMidDiffers ? QStringLiteral("different") : QStringLiteral("same") },
        { QStringLiteral("revoke_on_refresh"), o.revokeOnRefresh } });
}

HttpReply ControlApi::clock() const
{
    const qint64 now = m_state.clock.nowMs();
    return HttpReply::json(QJsonObject{{QStringLiteral("now_ms"), now},
                                       {QStringLiteral("now"), graphTime(now)},
                                       {QStringLiteral("offset_seconds"), m_state.clock.offsetMs() / 1000}});
}

HttpReply ControlApi::faults(FaultInjector &injector, const ApiRequest &request, const QJsonObject &body)
{
    if (request.method == "DELETE") {
        injector.clear();
        return ok({{QStringLiteral("pending"), 0}});
    }
    if (request.method == "POST") {
        const QString error = injector.add(body);
        if (!error.isEmpty())
            return HttpReply::controlError(error);
        qCInfo(lcSandbox) << "fault added" << body;
        return ok({{QStringLiteral("pending"), injector.pending()}});
    }
    if (request.method == "GET")
        return HttpReply::json(QJsonObject{{QStringLiteral("pending"), injector.pending()}});
    return HttpReply::controlError(QStringLiteral("use GET, POST or DELETE"), 404);
}

HttpReply ControlApi::uploads(const ApiRequest &request)
{
    if (request.method == "DELETE") {
        const int removed = int(m_state.media.uploads.size());
        m_state.media.uploads.clear();
        return ok({{QStringLiteral("removed"), removed}});
    }
    if (request.method != "GET" && request.method != "POST")
        return HttpReply::controlError(QStringLiteral("use GET, POST or DELETE"), 404);
    QJsonArray data;
    for (auto it = m_state.media.uploads.cbegin(); it != m_state.media.uploads.cend(); ++it) {
        data.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                {QStringLiteral("url"), m_state.url(QStringLiteral("/media/") + it.key())},
                                {QStringLiteral("content_type"), QString::fromUtf8(it->contentType)},
                                {QStringLiteral("size"), double(it->data.size())}});
    }
    return HttpReply::json(QJsonObject{{QStringLiteral("data"), data},
                                       {QStringLiteral("max_bytes"), double(m_state.media.maxBytes)}});
}

HttpReply ControlApi::tokens(const QString &action, const QJsonObject &body)
{
    const bool all = body.value(QStringLiteral("all")).toBool();
    const QString token = body.value(QStringLiteral("access_token")).toString();
    if (!all && token.isEmpty())
        return HttpReply::controlError(QStringLiteral("give \"access_token\" or \"all\": true"));
    int affected = 0;
    if (action == QLatin1String("expire"))
        affected = m_state.tokens.expire(all ? QString() : token, m_state.clock.nowMs());
    else if (action == QLatin1String("revoke"))
        affected = m_state.tokens.revoke(all ? QString() : token);
    else
        return HttpReply::controlError(QStringLiteral("unknown token action"), 404);
    qCInfo(lcSandbox) << "tokens" << action << (all ? QStringLiteral("all") : redactSecret(token)) << affected;
    return ok({{QStringLiteral("affected"), affected}});
}

HttpReply ControlApi::state() const
{
    const World &world = m_state.world;
    int visible = 0;
    for (const WorldMessage &m : world.messages())
        visible += m.deleted ? 0 : 1;
    Subscriptions &subs = const_cast<World &>(world).subscriptions();
    QJsonObject out {
        { QStringLiteral("customers"), int(world.customers().size()) },
        { QStringLiteral("conversations"), int(world.conversationsByRecency().size()) },
        { QStringLiteral("messages"), visible },
        { QStringLiteral("sent"), int(m_state.sent.size()) },
        { QStringLiteral("tokens"), m_state.tokens.count() },
        { QStringLiteral("subscriptions"),
            QJsonObject { { QStringLiteral("callback_url"), subs.callbackUrl.toString() },
                { QStringLiteral("app_fields"), QJsonArray::fromStringList(subs.appFields) },
                { QStringLiteral("verify_token"), subs.verifyToken },
                { QStringLiteral("account_fields"),
                    QJsonArray::fromStringList(subs.accountFields) } } },
        { QStringLiteral("pending_webhook_items"),
            m_state.delivery ? m_state.delivery->pendingCount() : 0 },
        { QStringLiteral("delivered_webhook_items"),
            m_state.delivery ? double(m_state.delivery->deliveredCount()) : 0.0 },
        { QStringLiteral("dropped_webhook_items"),
            m_state.delivery ? double(m_state.delivery->droppedCount()) : 0.0 },
        { QStringLiteral("pending_faults"), m_state.faults.pending() },
        { QStringLiteral("clock_offset_seconds"), m_state.clock.offsetMs() / 1000 },
    };
    return HttpReply::json(out);
}

} // namespace inlet::sandbox
