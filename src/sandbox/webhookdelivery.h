#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

namespace inlet::sandbox {

// CONTRACT: delivers messaging items to the registered callback the way Meta does:
// one signed POST per batch (X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>),
// items collected for `batchWindowMs` and at most `maxBatch` per POST, in order; a callback that
// does not answer 200 gets the same batch again with exponential backoff (base `retryBaseMs`,
// doubling, capped at `retryMaxMs`); later batches wait behind it (per-callback order is kept).
// Like Meta (instagram-api.md §2.4): a delivery still failing `retryWindowMs` after its events
// happened is dropped (default 36 h), and after `disableAfterMs` of failures without a success
// (default 1 h) the account's subscription is switched off (subscriptionDisabled) and whatever it
// still had waiting is dropped. Both are measured on the sandbox clock (setClock), so that
// /__sandbox/clock/advance makes them pass at once.
class WebhookDelivery : public QObject {
    Q_OBJECT
public:
    explicit WebhookDelivery(QByteArray appSecret, QObject *parent = nullptr);
    ~WebhookDelivery() override;

    // The key of X-Hub-Signature-256 from the next POST on (a retry is signed anew).
    void setSecret(const QByteArray &secret) { m_secret = secret; }
    QByteArray secret() const { return m_secret; }
    void setCallbackUrl(const QUrl &url); // empty: items are held until a callback is set
    QUrl callbackUrl() const;
    void setBatchWindowMs(int ms);        // default 20
    void setMaxBatch(int items);          // default 50 (Meta: up to 1000)
    void setRetryBackoff(int baseMs, int maxMs); // default 1000, 60000
    // Where entry[].time comes from (ms since epoch); default: the wall clock. The sandbox passes
    // its own clock so that entry.time moves with /__sandbox/clock/advance like the timestamps do.
    void setClock(std::function<qint64()> nowMs);

    void setRetryWindowMs(qint64 ms); // default 36 h; <= 0: never dropped
    void setDisableAfterMs(qint64 ms); // default 1 h; <= 0: never switched off
    qint64 retryWindowMs() const { return m_retryWindowMs; }
    qint64 disableAfterMs() const { return m_disableAfterMs; }

    void enqueue(const QString &businessId, const QJsonObject &messagingItem);

    int pendingCount() const;   // items not yet acknowledged with 200
    qint64 deliveredCount() const;
    qint64 failedAttempts() const;
    qint64 droppedCount() const { return m_dropped; } // items given up (retry window, switched off)
    qint64 failingSinceMs() const { return m_failingSinceMs; } // sandbox clock; 0: not failing
    // An account that subscribes again starts a new failure window (Meta counts sustained failures
    // of the subscription it switched off; a new one is not switched off by the old ones).
    void restartFailureWindow() { m_failingSinceMs = 0; }

    // HMAC-SHA256 signature header value for a body: "sha256=<lowercase hex>".
    static QByteArray signatureFor(const QByteArray &body, const QByteArray &secret);

signals:
    void batchDelivered(int items);
    void attemptFailed(int httpStatus, int attempt); // 0 = no HTTP answer
    void itemsDropped(int items);
    // Failures went on for disableAfterMs: Meta switches the account's subscription off.
    void subscriptionDisabled(const QString &businessId);

private:
    struct Item {
        QString businessId;
        QJsonObject messaging;
        qint64 enqueuedAtMs = 0; // on m_clock
        qint64 happenedAtMs = 0; // on the sandbox clock (nowMs)
    };
    // The batch being delivered: its exact bytes are what every retry sends again.
    struct Batch {
        QByteArray body;
        int items = 0;
        int attempt = 0; // attempts made so far
        QString businessId;
        qint64 oldestMs = 0; // sandbox clock: when its first event happened
    };

    void scheduleFlush();
    void flush();
    void send();
    void onReplyFinished();
    int retryDelayMs(int attempt) const;
    qint64 nowMs() const;
    // Meta's rules at this moment: switch off after sustained failures, drop what is too old.
    // True when the batch in flight was dropped.
    bool applyFailureRules();
    void dropAll(const QString &businessId);

    QByteArray m_secret;
    QUrl m_callbackUrl;
    int m_batchWindowMs = 20;
    int m_maxBatch = 50;
    int m_retryBaseMs = 1000;
    int m_retryMaxMs = 60000;
    std::function<qint64()> m_nowMs;

    QList<Item> m_queue;     // not yet in a batch, in order
    std::optional<Batch> m_inFlight; // sent or waiting for a retry; later items wait behind it
    QNetworkReply *m_reply = nullptr;
    qint64 m_delivered = 0;
    qint64 m_failedAttempts = 0;
    qint64 m_dropped = 0;
    qint64 m_retryWindowMs = 36LL * 3600 * 1000;
    qint64 m_disableAfterMs = 3600LL * 1000;
    qint64 m_failingSinceMs = 0;

    QElapsedTimer m_clock;
    QNetworkAccessManager m_nam{this};
    QTimer m_windowTimer{this};
    QTimer m_retryTimer{this};
};

} // namespace inlet::sandbox
