#pragma once

#include "common/result.h"
#include "model/events.h"
#include "webhook/httprequest.h"
#include "webhook/logthrottle.h"
#include "webhook/signatureverifier.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace inlet {

// Writes a batch durably; the future reports when it is on disk (Store::applyEvents in the app).
using EventCommitter = std::function<QFuture<Status>(const QList<InboundEvent> &)>;

// Counters, updated from the server thread and from commit continuations.
struct WebhookStats {
    std::atomic<qint64> postsAccepted{0};  // answered 200
    std::atomic<qint64> eventsCommitted{0};
    std::atomic<qint64> postsRejected{0};  // 4xx on the webhook path
    std::atomic<qint64> commitFailures{0}; // answered 500
    std::atomic<int> signingSecret { -1 }; // index of the secret of the first accepted signature
};

// What the webhook path does with one request, apart from HTTP framing (HttpConnection) and
// the size limit (enforced earlier, by the parser, from the head):
//   GET  -> verification handshake: 200 + hub.challenge (only one that looks like Meta's:
//           [A-Za-z0-9_-]{1,128}; sent as text/plain with nosniff), or 403;
//   POST -> signature (403) -> parse (400) -> commit -> 200 only once the commit succeeded (500 if not);
//   other methods 405, other paths 404.
class WebhookEndpoint {
public:
    struct Config {
        QByteArray path;           // e.g. "/webhook/instagram"
        QList<QByteArray> secrets; // app secret(s) that sign deliveries (empty ones never match)
        QStringList secretNames; // for the log line saying which one signs, same order
        QString verifyToken;
        qint64 maxBodyBytes = 1024 * 1024;
    };

    WebhookEndpoint(Config config, EventCommitter committer);
    ~WebhookEndpoint();

    // Refusals that anyone can cause (bad signature, wrong handshake) are logged once per
    // interval, with a count of the others.
    void setLogIntervalMs(qint64 ms) { m_refusedLog.setIntervalMs(ms); }

    // New secrets (Settings changed): on the thread that handles requests, or before the server
    // starts. Which one signs is logged again, once.
    void setSecrets(QList<QByteArray> secrets);

    QFuture<HttpResponse> handle(const HttpRequest &request) const;
    const std::shared_ptr<WebhookStats> &stats() const { return m_stats; }

private:
    HttpResponse handshake(const HttpRequest &request) const;
    QFuture<HttpResponse> receive(const HttpRequest &request) const;
    HttpResponse reject(int status, const QByteArray &body) const;
    void logRefusal(const QString &what) const;

    Config m_config;
    SignatureVerifier m_verifier;
    EventCommitter m_committer;
    std::shared_ptr<WebhookStats> m_stats = std::make_shared<WebhookStats>();
    mutable LogThrottle m_refusedLog;
};

} // namespace inlet
