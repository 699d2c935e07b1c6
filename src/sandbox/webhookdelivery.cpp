#include "sandbox/webhookdelivery.h"

#include "common/redact.h"
#include "sandbox/sandboxlogging.h"
#include "sandbox/webhookpayloads.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>
#include <utility>

namespace inlet::sandbox {

namespace {
constexpr int TransferTimeoutMs = 10000;
}

WebhookDelivery::WebhookDelivery(QByteArray appSecret, QObject *parent)
    : QObject(parent)
    , m_secret(std::move(appSecret))
{
    m_clock.start();
    m_windowTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_windowTimer, &QTimer::timeout, this, &WebhookDelivery::flush);
    connect(&m_retryTimer, &QTimer::timeout, this, &WebhookDelivery::send);
}

WebhookDelivery::~WebhookDelivery()
{
    // The reply must not call back into a half-destroyed object.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void WebhookDelivery::setCallbackUrl(const QUrl &url)
{
    m_callbackUrl = url;
    qCDebug(lcSandbox) << "webhook callback set to" << redactUrl(url);
    if (m_callbackUrl.isEmpty())
        return;
    // Resume whatever was held: a batch waiting without a callback goes out now.
    if (m_inFlight && !m_reply && !m_retryTimer.isActive())
        send();
    scheduleFlush();
}

QUrl WebhookDelivery::callbackUrl() const
{
    return m_callbackUrl;
}

void WebhookDelivery::setBatchWindowMs(int ms)
{
    m_batchWindowMs = std::max(0, ms);
}

void WebhookDelivery::setMaxBatch(int items)
{
    m_maxBatch = std::max(1, items);
}

void WebhookDelivery::setRetryBackoff(int baseMs, int maxMs)
{
    m_retryBaseMs = std::max(1, baseMs);
    m_retryMaxMs = std::max(m_retryBaseMs, maxMs);
}

void WebhookDelivery::setClock(std::function<qint64()> nowMs)
{
    m_nowMs = std::move(nowMs);
}

void WebhookDelivery::setRetryWindowMs(qint64 ms)
{
    m_retryWindowMs = ms;
}

void WebhookDelivery::setDisableAfterMs(qint64 ms)
{
    m_disableAfterMs = ms;
}

qint64 WebhookDelivery::nowMs() const
{
    return m_nowMs ? m_nowMs() : QDateTime::currentMSecsSinceEpoch();
}

void WebhookDelivery::enqueue(const QString &businessId, const QJsonObject &messagingItem)
{
    m_queue.append(Item { businessId, messagingItem, m_clock.elapsed(), nowMs() });
    scheduleFlush();
}

void WebhookDelivery::dropAll(const QString &businessId)
{
    int dropped = 0;
    if (m_inFlight && m_inFlight->businessId == businessId && !m_reply) {
        dropped += m_inFlight->items;
        m_inFlight.reset();
        m_retryTimer.stop();
    }
    dropped += int(m_queue.removeIf([&](const Item &i) { return i.businessId == businessId; }));
    if (dropped > 0) {
        m_dropped += dropped;
        emit itemsDropped(dropped);
    }
}

bool WebhookDelivery::applyFailureRules()
{
    const qint64 now = nowMs();
    if (m_failingSinceMs > 0 && m_disableAfterMs > 0 && now - m_failingSinceMs >= m_disableAfterMs
        && m_inFlight) {
        const QString businessId = m_inFlight->businessId;
        qCInfo(lcSandbox) << "webhook deliveries failed for" << (now - m_failingSinceMs) / 1000
                          << "s: switching the subscription of" << businessId << "off";
        m_failingSinceMs = 0;
        dropAll(businessId);
        emit subscriptionDisabled(businessId);
        return true;
    }
    bool droppedInFlight = false;
    int dropped = 0;
    if (m_retryWindowMs > 0) {
        if (m_inFlight && !m_reply && now - m_inFlight->oldestMs >= m_retryWindowMs) {
            dropped += m_inFlight->items;
            m_inFlight.reset();
            m_retryTimer.stop();
            droppedInFlight = true;
        }
        dropped += int(m_queue.removeIf(
            [&](const Item &i) { return now - i.happenedAtMs >= m_retryWindowMs; }));
    }
    if (dropped > 0) {
        qCInfo(lcSandbox) << "dropped" << dropped << "webhook items older than the retry window";
        m_dropped += dropped;
        emit itemsDropped(dropped);
    }
    return droppedInFlight;
}

int WebhookDelivery::pendingCount() const
{
    return int(m_queue.size()) + (m_inFlight ? m_inFlight->items : 0);
}

qint64 WebhookDelivery::deliveredCount() const
{
    return m_delivered;
}

qint64 WebhookDelivery::failedAttempts() const
{
    return m_failedAttempts;
}

QByteArray WebhookDelivery::signatureFor(const QByteArray &body, const QByteArray &secret)
{
    return QByteArrayLiteral("sha256=")
        + QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

// Arms the batch window for the oldest waiting item, or flushes at once when a batch is full.
void WebhookDelivery::scheduleFlush()
{
    if (m_queue.isEmpty() || m_inFlight || m_callbackUrl.isEmpty())
        return;
    if (m_queue.size() >= m_maxBatch) {
        m_windowTimer.start(0); // not inline: enqueue() may be called from a caller's loop
        return;
    }
    if (m_windowTimer.isActive())
        return;
    const qint64 waited = m_clock.elapsed() - m_queue.first().enqueuedAtMs;
    m_windowTimer.start(int(std::max<qint64>(0, m_batchWindowMs - waited)));
}

// Turns the head of the queue into the next batch: consecutive items of one business, at most
// m_maxBatch, serialized once so that every retry sends the very same bytes.
void WebhookDelivery::flush()
{
    if (m_queue.isEmpty() || m_inFlight || m_callbackUrl.isEmpty())
        return;
    const QString businessId = m_queue.first().businessId;
    const qint64 oldest = m_queue.first().happenedAtMs;
    QJsonArray items;
    while (!m_queue.isEmpty() && items.size() < m_maxBatch
        && m_queue.first().businessId == businessId) {
        items.append(m_queue.takeFirst().messaging);
    }
    const qint64 now = m_nowMs ? m_nowMs() : QDateTime::currentMSecsSinceEpoch();
    const QJsonObject body = payloads::envelope(businessId, now, items);
    m_inFlight = Batch { QJsonDocument(body).toJson(QJsonDocument::Compact), int(items.size()), 0,
        businessId, oldest };
    send();
}

void WebhookDelivery::send()
{
    if (!m_inFlight || m_reply)
        return;
    if (m_callbackUrl.isEmpty())
        return; // held; setCallbackUrl() resumes
    if (m_inFlight->attempt > 0 && applyFailureRules()) { // a retry: the clock may have moved on
        scheduleFlush();
        return;
    }
    QNetworkRequest request(m_callbackUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(
        QByteArrayLiteral("X-Hub-Signature-256"), signatureFor(m_inFlight->body, m_secret));
    request.setTransferTimeout(TransferTimeoutMs);
    ++m_inFlight->attempt;
    qCDebug(lcSandbox) << "webhook POST of" << m_inFlight->items << "items, attempt"
                       << m_inFlight->attempt << "to" << redactUrl(m_callbackUrl);
    m_reply = m_nam.post(request, m_inFlight->body);
    connect(m_reply, &QNetworkReply::finished, this, &WebhookDelivery::onReplyFinished);
}

void WebhookDelivery::onReplyFinished()
{
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200) {
        const int items = m_inFlight->items;
        m_delivered += items;
        m_inFlight.reset();
        m_failingSinceMs = 0;
        emit batchDelivered(items);
        scheduleFlush();
        return;
    }
    ++m_failedAttempts;
    if (m_failingSinceMs == 0)
        m_failingSinceMs = nowMs();
    const int attempt = m_inFlight->attempt;
    if (applyFailureRules()) {
        emit attemptFailed(status, attempt);
        scheduleFlush();
        return;
    }
    const int delay = retryDelayMs(attempt);
    // reply->errorString() would repeat the callback URL unredacted: log the error code instead.
    qCInfo(lcSandbox) << "webhook delivery failed, HTTP" << status << reply->error() << "- attempt"
                      << attempt << "retrying in" << delay << "ms";
    m_retryTimer.start(delay);
    emit attemptFailed(status, attempt);
}

// Exponential backoff (base, 2*base, 4*base, ... capped) plus up to 10 % jitter, so that several
// sandboxes do not hammer one callback in lockstep.
int WebhookDelivery::retryDelayMs(int attempt) const
{
    const int shift = std::clamp(attempt - 1, 0, 30);
    const qint64 delay = std::min<qint64>(qint64(m_retryBaseMs) << shift, m_retryMaxMs);
    const qint64 jitter = QRandomGenerator::global()->bounded(qint64(delay / 10 + 1));
    return int(std::min<qint64>(delay + jitter, std::numeric_limits<int>::max()));
}

} // namespace inlet::sandbox
