#include "webhook/webhookendpoint.h"

#include "common/logging.h"
#include "webhook/eventparser.h"

#include <QUrlQuery>

namespace inlet {

namespace {

QFuture<HttpResponse> ready(HttpResponse r)
{
    return QtFuture::makeReadyFuture(std::move(r));
}

// Meta sends digits; a challenge is echoed into a response body, so only a plain token is.
bool looksLikeChallenge(const QString &s)
{
    if (s.isEmpty() || s.size() > 128)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

WebhookEndpoint::WebhookEndpoint(Config config, EventCommitter committer)
    : m_config(std::move(config)), m_verifier(m_config.secrets), m_committer(std::move(committer))
{
}

void WebhookEndpoint::setSecrets(QList<QByteArray> secrets)
{
    m_config.secrets = std::move(secrets);
    m_verifier = SignatureVerifier(m_config.secrets);
    m_stats->signingSecret = -1;
}

WebhookEndpoint::~WebhookEndpoint()
{
    if (const qint64 n = m_refusedLog.takeSuppressed(); n > 0)
        qCWarning(lcWebhook).nospace() << "webhook requests refused: " << n << " not logged";
}

void WebhookEndpoint::logRefusal(const QString &what) const
{
    if (qint64 more = 0; m_refusedLog.admit(&more)) {
        qCWarning(lcWebhook).noquote().nospace()
            << what << " (and " << more << " more refused in the last "
            << m_refusedLog.intervalSeconds() << " s)";
    }
}

QFuture<HttpResponse> WebhookEndpoint::handle(const HttpRequest &request) const
{
    if (request.path() != m_config.path)
        return ready(HttpResponse::text(404, QByteArrayLiteral("not found\n")));
    if (request.method == "GET")
        return ready(handshake(request));
    if (request.method == "POST")
        return receive(request);
    HttpResponse r = HttpResponse::text(405, QByteArrayLiteral("method not allowed\n"));
    r.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, POST")});
    return ready(r);
}

HttpResponse WebhookEndpoint::reject(int status, const QByteArray &body) const
{
    ++m_stats->postsRejected;
    return HttpResponse::text(status, body);
}

HttpResponse WebhookEndpoint::handshake(const HttpRequest &request) const
{
    const QUrlQuery query(QString::fromUtf8(request.query()));
    const QString mode = query.queryItemValue(QStringLiteral("hub.mode"), QUrl::FullyDecoded);
    const QString token = query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded);
    const bool hasChallenge = query.hasQueryItem(QStringLiteral("hub.challenge"));
    const QString challenge =
        query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded);
    const bool tokenOk = !m_config.verifyToken.isEmpty()
        && constantTimeEquals(token.toUtf8(), m_config.verifyToken.toUtf8());
    const bool challengeOk = hasChallenge && looksLikeChallenge(challenge);
    if (mode != QLatin1String("subscribe") || !tokenOk || !challengeOk) {
        logRefusal(
            QStringLiteral("verification handshake refused (mode %1, token %2, challenge %3)")
                .arg(mode.left(32), tokenOk ? QStringLiteral("ok") : QStringLiteral("wrong"),
                    challenge.isEmpty()
                        ? QStringLiteral("missing")
                        : (challengeOk ? QStringLiteral("present") : QStringLiteral("malformed"))));
        return reject(403, QByteArrayLiteral("forbidden\n"));
    }
    qCInfo(lcWebhook) << "verification handshake answered";
    return HttpResponse::text(200, challenge.toUtf8()); // with nosniff, as every response
}

QFuture<HttpResponse> WebhookEndpoint::receive(const HttpRequest &request) const
{
    if (request.body.size() > m_config.maxBodyBytes) // the parser already refused these
        return ready(reject(413, QByteArrayLiteral("payload too large\n")));

    const auto signedWith
        = m_verifier.matchingSecret(request.body, request.header("x-hub-signature-256"));
    if (!signedWith) {
        logRefusal(QStringLiteral("webhook POST refused: ") + signedWith.error().message);
        return ready(reject(403, QByteArrayLiteral("bad signature\n")));
    }
    // Which secret Meta signs with is not settled (instagram-api.md §11): say it once, not per
    // POST.
    if (int none = -1; m_stats->signingSecret.compare_exchange_strong(none, *signedWith)) {
        qCInfo(lcWebhook).noquote() << "webhook signatures are made with the"
                                    << m_config.secretNames.value(*signedWith,
                                           QStringLiteral("secret #%1").arg(*signedWith));
    }

    auto events = parseWebhookBody(request.body);
    if (!events) {
        qCWarning(lcWebhook) << "webhook POST refused:" << events.error().message;
        return ready(reject(400, QByteArrayLiteral("malformed body\n")));
    }
    if (events->isEmpty()) {
        ++m_stats->postsAccepted;
        return ready(HttpResponse::text(200, QByteArrayLiteral("EVENT_RECEIVED")));
    }

    const qint64 count = events->size();
    std::shared_ptr<WebhookStats> stats = m_stats;
    // Acknowledge only what is on disk: Meta retries anything not answered 200.
    return m_committer(*events)
        .then([stats, count](const Status &status) {
            if (!status) {
                ++stats->commitFailures;
                qCWarning(lcWebhook) << "commit of" << count << "events failed:"
                                     << status.error().message;
                return HttpResponse::text(500, QByteArrayLiteral("commit failed\n"));
            }
            ++stats->postsAccepted;
            stats->eventsCommitted += count;
            qCDebug(lcWebhook) << "committed" << count << "events";
            return HttpResponse::text(200, QByteArrayLiteral("EVENT_RECEIVED"));
        })
        .onCanceled([stats, count] {
            ++stats->commitFailures;
            qCWarning(lcWebhook) << "commit of" << count << "events was cancelled";
            return HttpResponse::text(500, QByteArrayLiteral("commit cancelled\n"));
        });
}

} // namespace inlet
