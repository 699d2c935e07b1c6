#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

namespace inlet::sandbox {

// CONTRACT: delivers messaging items to the registered callback the way Meta does:
// one signed POST per batch (X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>),
// items collected for `batchWindowMs` and at most `maxBatch` per POST, in order; a callback that
// does not answer 200 gets the same batch again with exponential backoff (base `retryBaseMs`,
// doubling, capped at `retryMaxMs`); later batches wait behind it (per-callback order is kept).
class WebhookDelivery : public QObject {
    Q_OBJECT
public:
    explicit WebhookDelivery(QByteArray appSecret, QObject *parent = nullptr);

    void setCallbackUrl(const QUrl &url); // empty: items are held until a callback is set
    QUrl callbackUrl() const;
    void setBatchWindowMs(int ms);        // default 20
    void setMaxBatch(int items);          // default 50 (Meta: up to 1000)
    void setRetryBackoff(int baseMs, int maxMs); // default 1000, 60000

    void enqueue(const QString &businessId, const QJsonObject &messagingItem);

    int pendingCount() const;   // items not yet acknowledged with 200
    qint64 deliveredCount() const;
    qint64 failedAttempts() const;

    // HMAC-SHA256 signature header value for a body: "sha256=<lowercase hex>".
    static QByteArray signatureFor(const QByteArray &body, const QByteArray &secret);

signals:
    void batchDelivered(int items);
    void attemptFailed(int httpStatus, int attempt); // 0 = no HTTP answer
};

} // namespace inlet::sandbox
