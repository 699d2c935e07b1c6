#pragma once

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

#include "common/result.h"
#include "model/events.h"
#include "model/conversationjson.h"

namespace inlet {

class ProfileCache;
class RequestPacer;
class SyncSource;
class SyncTarget;

struct SyncOptions {
    int conversationPageSize = 25;
    int detailLimit = 20;         // Instagram only lets the 20 newest messages be read in detail
    // Each message detail is one call and Instagram allows 2 calls/s, so a full history takes
    // ~10 s per conversation. A Full run first reads this many newest messages of EVERY
    // conversation (the whole inbox shows within a minute), then a second pass reads the rest of
    // the readable history. 0: one pass, each conversation complete before the next.
    int firstPassDetails = 1;
    int rateLimitRetries = 12;    // rate limits slow a sync down; only this many in a row fail it
    int transientRetries = 3;     // 5xx / network / codes 1, 2 on one call
    int backoffBaseMs = 1000;     // first back-off after a rate limit; doubles, with jitter
    int backoffMaxMs = 60'000;
};

// What a sync run did. `error` is set when the run stopped early (auth, storage, cancel, ...).
struct SyncReport {
    bool ok = true;
    Error error;
    int conversations = 0;     // conversations looked at
    int messagesFetched = 0;   // details read from Instagram
    int messagesSkipped = 0;   // listed but not readable (older than the newest 20, or refused)
    int eventsApplied = 0;
    int rateLimitHits = 0;
    // Conversations where more messages were new than Instagram lets a client read (the 20
    // newest): older ones may be missing. The store marks them (StoredConversation::olderMissing).
    int olderMaybeMissing = 0;
};

// Pulls one account's conversations from the Conversations API into the store (instagram-api.md
// §4). Used after sign-in (Full), and at start-up, after a gap in webhooks and on a timer in
// polling mode (Incremental: only conversations whose updated_time moved since the last walk).
// What it knows of the conversation list (updated_time per conversation, whether the last walk
// went through) is kept by the SyncTarget, so it survives a restart. Messages are
// handed to SyncTarget::applyEvents with Instagram's mids, the same the webhooks carry, so the
// two paths merge without doubles. One call at a time through the account's RequestPacer.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Full, Incremental };
    Q_ENUM(Mode)

    SyncEngine(QString accountId, SyncSource *source, SyncTarget *target, RequestPacer *pacer,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const SyncOptions &options) { m_options = options; }
    const SyncOptions &options() const { return m_options; }
    // Contacts met while syncing get their profile fetched through it (optional).
    void setProfileCache(ProfileCache *cache) { m_profiles = cache; }

    QString accountId() const { return m_accountId; }
    bool isRunning() const { return m_running; }

    // Starts a run; while one runs, a request for another one is remembered and run after it.
    void start(Mode mode = Mode::Full);
    // Stops the running run (finished() reports Cancelled) and a remembered one.
    void cancel();

    // Polling mode: an Incremental run every `ms` (0 switches polling off).
    void setPollInterval(int ms);
    int pollInterval() const { return m_pollTimer.isActive() ? m_pollTimer.interval() : 0; }

signals:
    void started(inlet::SyncEngine::Mode mode);
    // Conversations done in the current pass: a Full run with firstPassDetails counts 0..total
    // twice (newest messages of all, then their history).
    void progress(int done, int total);
    void finished(const inlet::SyncReport &report);
    void needsSignIn(const QString &accountId); // Instagram answered 190: token invalid

private:
    using Request = std::function<QFuture<Result<QJsonObject>>()>;
    using Done = std::function<void(const Result<QJsonObject> &)>;

    void call(Request request, Done done, int rateLimited = 0, int failed = 0);
    qint64 backoffMs(int attempt) const;
    bool isCurrent(quint64 generation) const { return m_running && generation == m_generation; }

    void begin();
    void listConversations(const QString &after);
    void processNext();
    void listMessages(const QString &after);
    void checkKnown();
    void fetchNextDetail();
    void applyCollected();
    void conversationDone();
    void finish(std::optional<Error> error);

    QString m_accountId;
    SyncSource *m_source;
    SyncTarget *m_target;
    RequestPacer *m_pacer;
    ProfileCache *m_profiles = nullptr;
    SyncOptions m_options;

    bool m_running = false;
    bool m_rerun = false;
    Mode m_rerunMode = Mode::Incremental;
    Mode m_mode = Mode::Full;
    quint64 m_generation = 0;
    SyncReport m_report;
    QTimer m_pollTimer;

    bool twoPasses() const { return m_mode == Mode::Full && m_options.firstPassDetails > 0; }
    bool inFirstPass() const { return twoPasses() && m_pass == 1; }
    int m_pass = 1;
    // Message ids listed in the first pass, so the second one does not list them again.
    QHash<QString, QList<MessageRef>> m_listedInFirstPass;
    // Last updated_time seen per conversation, for Incremental runs.
    QHash<QString, qint64> m_lastUpdated;
    // Whether the previous run walked everything: only then may an Incremental run stop paging at
    // the first unchanged conversation (otherwise one left out by a failed run would be missed).
    bool m_previousRunComplete = false;
    bool m_stateLoaded = false; // m_lastUpdated / m_previousRunComplete read from the target

    // State of the running walk.
    QList<ConversationRef> m_todo;
    int m_index = 0;
    QList<MessageRef> m_listed;
    bool m_moreListed = false; // Instagram lists more messages than the ones in m_listed
    bool m_olderMissing = false; // every readable message was new: older ones may be missing
    QStringList m_toFetch;
    QList<InboundEvent> m_collected;
    QStringList m_customers; // distinct, in the order met
};

} // namespace inlet
