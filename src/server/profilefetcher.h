#pragma once

#include "common/result.h"
#include "server/serverconfig.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace inlet {
class GraphClient;
struct Contact;
} // namespace inlet

namespace inlet::server {

// Fills in the customers' profiles (name, username, picture URL, followers: instagram-api.md §5)
// of the contacts the ingest created, so that every agent sees "Ana" rather than "Instagram user
// ·4821". The queue is inlet.profile_fetches (a trigger adds each new contact in the ingest's own
// transaction). Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so servers sharing the
// database fetch a profile once and a server that dies mid-fetch leaves it to another after the
// lease. The profile is written to inlet.contacts, whose change log carries it to the replicas.
// A failed fetch is tried again with a growing delay, and given up after kMaxAttempts (the
// contact keeps its scoped id). A profile is fetched again when the customer writes and it is
// older than kMaxAgeMs, as the desktop's ProfileCache does (the picture's URL expires after a few
// days; a name or username may change): every 10 polls the contacts who wrote since a stale
// fetch are queued again. Runs on the thread that made it (the main thread).
class ProfileFetcher : public QObject {
    Q_OBJECT
public:
    ProfileFetcher(DatabaseConfig db, GraphClient *graph, int pollMs, QObject *parent = nullptr);
    ~ProfileFetcher() override;

    Status start();

    static constexpr int kMaxAttempts = 6;
    static constexpr qint64 kLeaseMs = 10 * 60 * 1000;
    static constexpr qint64 kMaxAgeMs = 24 * 3600 * 1000;

private:
    struct Due {
        qint64 contactId = 0;
        int attempts = 0; // this one included
        QString igsid;
        QString igUserId;
    };

    Status ensureConnected();
    void drainSoon();
    void drain();
    void queueStale();
    void fetch(const Due &due);
    void record(const Due &due, const Contact &contact);
    void recordFailure(const Due &due, const Error &error);

    DatabaseConfig m_db;
    QString m_connectionName;
    GraphClient *m_graph;
    QTimer m_poll;
    QTimer m_soon;
    QSet<qint64> m_inFlight;
    int m_maxInFlight = 4;
    int m_pollsSinceStaleCheck = 0;
};

} // namespace inlet::server
