#include "server/profilefetcher.h"

#include "common/backoff.h"
#include "common/ondone.h"
#include "graph/graphclient.h"
#include "graph/grapherror.h"
#include "model/conversationjson.h"
#include "model/types.h"
#include "server/accounttoken.h"
#include "team/teamsql.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlQuery>

namespace inlet::server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value; // the columns are NOT NULL DEFAULT ''
}

} // namespace

ProfileFetcher::ProfileFetcher(DatabaseConfig db, GraphClient *graph, int pollMs, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_connectionName(QStringLiteral("inlet-profiles-%1").arg(quintptr(this), 0, 16))
    , m_graph(graph)
{
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (++m_pollsSinceStaleCheck >= 10) {
            m_pollsSinceStaleCheck = 0;
            queueStale();
        }
        drain();
    });
    m_soon.setSingleShot(true);
    m_soon.setInterval(100); // a burst of ingested changes wakes one round
    connect(&m_soon, &QTimer::timeout, this, &ProfileFetcher::drain);
}

ProfileFetcher::~ProfileFetcher()
{
    dropConnection(m_connectionName);
}

Status ProfileFetcher::start()
{
    if (auto ok = ensureConnected(); !ok)
        return ok;
    m_poll.start();
    drainSoon();
    return {};
}

void ProfileFetcher::drainSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

Status ProfileFetcher::ensureConnected()
{
    bool fresh = false;
    auto opened = connection(m_db, m_connectionName, &fresh);
    if (!opened)
        return std::unexpected(opened.error());
    // A new contact comes with a change-log row, whose NOTIFY wakes a round; the poll covers a
    // lost NOTIFY and the retries that fall due.
    if (fresh && opened->driver()->subscribeToNotification(QStringLiteral("inlet_changes")))
        connect(opened->driver(), &QSqlDriver::notification, this, &ProfileFetcher::drainSoon,
            Qt::UniqueConnection);
    return {};
}

void ProfileFetcher::drain()
{
    if (auto ok = ensureConnected(); !ok) {
        qCWarning(lcTeam) << "profiles: no database:" << ok.error().message;
        return;
    }
    const int room = m_maxInFlight - int(m_inFlight.size());
    if (room <= 0)
        return;
    const qint64 now = nowMs();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    auto ok = team::sql::exec(q,
        QStringLiteral(
            "UPDATE inlet.profile_fetches f SET due_ms = ?, attempts = f.attempts + 1 "
            "FROM inlet.contacts c JOIN inlet.accounts a ON a.id = c.account_id "
            "WHERE c.id = f.contact_id AND f.contact_id IN (SELECT contact_id FROM "
            "inlet.profile_fetches WHERE due_ms <= ? ORDER BY due_ms LIMIT ? "
            "FOR UPDATE SKIP LOCKED) RETURNING f.contact_id, f.attempts, c.igsid, a.ig_user_id"),
        { now + kLeaseMs, now, room });
    if (!ok) {
        qCWarning(lcTeam) << "profiles: claim failed:" << ok.error().message;
        return;
    }
    int claimed = 0;
    while (q.next()) {
        ++claimed;
        fetch({ q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString(),
            q.value(3).toString() });
    }
    if (claimed == room)
        drainSoon(); // there may be more
}

void ProfileFetcher::queueStale()
{
    if (auto ok = ensureConnected(); !ok)
        return;
    // Servers sharing the database may queue the same contact: the queue's key makes it once.
    auto queued = team::sql::exec(QSqlDatabase::database(m_connectionName, false),
        QStringLiteral("INSERT INTO inlet.profile_fetches (contact_id) SELECT c.id FROM "
                       "inlet.contacts c JOIN inlet.conversations v ON v.contact_id = c.id "
                       "WHERE c.fetched_ms > 0 AND c.fetched_ms < ? "
                       "AND v.last_customer_message_ms > c.fetched_ms ON CONFLICT DO NOTHING"),
        { nowMs() - kMaxAgeMs });
    if (!queued)
        qCWarning(lcTeam) << "profiles: looking for stale ones failed:" << queued.error().message;
}

void ProfileFetcher::fetch(const Due &due)
{
    m_inFlight.insert(due.contactId);
    auto token = instagramToken(QSqlDatabase::database(m_connectionName, false), due.igUserId);
    if (!token) {
        recordFailure(due, token.error());
        return;
    }
    onDone(m_graph->userProfile({ *token, due.igUserId }, due.igsid), this,
        [this, due](const Result<QJsonObject> &profile) {
            if (profile)
                record(due, profileToContact(due.igsid, *profile, QDateTime::currentDateTimeUtc()));
            else
                recordFailure(due, profile.error());
        });
}

void ProfileFetcher::record(const Due &due, const Contact &c)
{
    m_inFlight.remove(due.contactId);
    if (auto ok = ensureConnected(); !ok) {
        qCWarning(lcTeam) << "profiles: not stored, no database:" << ok.error().message;
        return; // the lease runs out and the fetch is made again
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const Status done = team::sql::inTransaction(db, [&]() -> Status {
        if (auto ok = team::sql::exec(db,
                QStringLiteral("UPDATE inlet.contacts SET name = ?, username = ?, "
                               "profile_pic_url = ?, follower_count = ?, follows_business = ?, "
                               "business_follows = ?, verified = ?, fetched_ms = ? WHERE id = ?"),
                { text(c.name), text(c.username), text(c.profilePicUrl), c.followerCount,
                    c.followsBusiness, c.businessFollows, c.verified,
                    c.fetchedAt.toMSecsSinceEpoch(), due.contactId });
            !ok)
            return ok;
        return team::sql::exec(db,
            QStringLiteral("DELETE FROM inlet.profile_fetches WHERE contact_id = ?"),
            { due.contactId });
    });
    if (!done)
        qCWarning(lcTeam) << "profiles: not stored:" << done.error().message;
}

void ProfileFetcher::recordFailure(const Due &due, const Error &error)
{
    m_inFlight.remove(due.contactId);
    if (auto ok = ensureConnected(); !ok)
        return; // the lease runs out and the fetch is made again
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // No consent yet, a blocked customer, a lost token: kept, asked again later, then given up.
    if (due.attempts >= kMaxAttempts) {
        qCInfo(lcTeam) << "profiles: given up for contact" << due.contactId << "after"
                       << due.attempts << "attempts:" << error.code << error.message;
        (void)team::sql::exec(db,
            QStringLiteral("DELETE FROM inlet.profile_fetches WHERE contact_id = ?"),
            { due.contactId });
        return;
    }
    const qint64 base = isRateLimit(error) ? 5 * 60'000 : 60'000;
    const qint64 delay = backoffMs(due.attempts, base, 6 * 3600'000);
    qCInfo(lcTeam) << "profiles: contact" << due.contactId << "not fetched (" << error.code
                   << error.message << "), again in" << delay / 1000 << "s";
    (void)team::sql::exec(db,
        QStringLiteral("UPDATE inlet.profile_fetches SET due_ms = ? WHERE contact_id = ?"),
        { nowMs() + delay, due.contactId });
}

} // namespace inlet::server
