#include "server/catchup.h"

#include "sync/graphsyncsource.h"
#include "sync/requestpacer.h"
#include "sync/syncengine.h"
#include "team/teamsql.h"

#include <QSqlQuery>

namespace inlet::server {

PgSyncTarget::PgSyncTarget(EventCommitter ingest)
    : m_ingest(std::move(ingest))
{
}

QFuture<Status> PgSyncTarget::applyEvents(const QList<InboundEvent> &events)
{
    return m_ingest(events);
}

QFuture<Result<QSet<QString>>> PgSyncTarget::knownMids(
    const QString &accountId, const QStringList &mids)
{
    QSet<QString> known;
    if (mids.isEmpty())
        return QtFuture::makeReadyFuture(Result<QSet<QString>>(known));
    QStringList marks;
    QVariantList values { accountId };
    for (const QString &mid : mids) {
        marks.append(QStringLiteral("?"));
        values.append(mid);
    }
    QSqlQuery q(m_db);
    if (auto ok = team::sql::exec(q,
            QStringLiteral("SELECT m.mid FROM inlet.messages m JOIN inlet.accounts a ON a.id = "
                           "m.account_id WHERE a.ig_user_id = ? AND m.mid IN (%1)")
                .arg(marks.join(QLatin1Char(','))),
            values);
        !ok)
        return QtFuture::makeReadyFuture(Result<QSet<QString>>(std::unexpected(ok.error())));
    while (q.next())
        known.insert(q.value(0).toString());
    return QtFuture::makeReadyFuture(Result<QSet<QString>>(known));
}

QFuture<Status> PgSyncTarget::upsertContact(const QString &accountId, const Contact &contact)
{
    // Not called: the engine has no ProfileCache here (ProfileFetcher names new contacts).
    Q_UNUSED(accountId);
    Q_UNUSED(contact);
    return QtFuture::makeReadyFuture(Status {});
}

QFuture<Result<std::optional<QDateTime>>> PgSyncTarget::contactFetchedAt(
    const QString &accountId, const QString &igsid)
{
    Q_UNUSED(accountId);
    Q_UNUSED(igsid);
    return QtFuture::makeReadyFuture(Result<std::optional<QDateTime>>(std::nullopt));
}

struct CatchUp::Account {
    std::shared_ptr<QString> token; // the newest read from inlet.secrets, for every call
    std::unique_ptr<RequestPacer> pacer;
    std::unique_ptr<GraphSyncSource> source;
    std::unique_ptr<SyncEngine> engine;
};

CatchUp::CatchUp(GraphClient *graph, EventCommitter ingest, int paceMs, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
    , m_target(std::move(ingest))
    , m_paceMs(paceMs)
{
}

CatchUp::~CatchUp()
{
    // Engines first: they drop their calls from the pacers.
    for (const auto &account : std::as_const(m_accounts))
        account->engine.reset();
}

SingletonJobs::Run CatchUp::job()
{
    return [this](const QSqlDatabase &db) {
        m_target.setDatabase(db);
        return walkAccounts(db, QStringLiteral("true"), {},
            [this](const AccountToken &item, std::function<void(QString)> done) {
                run(item, std::move(done));
            });
    };
}

void CatchUp::run(const AccountToken &item, std::function<void(QString)> done)
{
    std::shared_ptr<Account> &account = m_accounts[item.igUserId];
    if (!account) {
        account = std::make_shared<Account>();
        account->token = std::make_shared<QString>();
        account->pacer = std::make_unique<RequestPacer>(m_paceMs);
        account->source
            = std::make_unique<GraphSyncSource>(m_graph, item.igUserId, [token = account->token] {
                  return QtFuture::makeReadyFuture(Result<QString>(*token));
              });
        account->source->setMaxSuggestedDelayMs(60'000);
        account->engine = std::make_unique<SyncEngine>(
            item.igUserId, account->source.get(), &m_target, account->pacer.get());
        SyncOptions options;
        options.firstPassDetails = 0; // one pass: each conversation complete before the next
        account->engine->setOptions(options);
    }
    *account->token = item.token;
    const QString igUserId = item.igUserId;
    connect(
        account->engine.get(), &SyncEngine::finished, this,
        [igUserId, done](const SyncReport &report) {
            if (!report.ok) {
                qCWarning(lcTeam) << "catch-up of account" << igUserId
                                  << "failed:" << report.error.message;
                done(QStringLiteral("failed"));
                return;
            }
            qCInfo(lcTeam) << "catch-up of account" << igUserId << ":" << report.conversations
                           << "conversations," << report.messagesFetched << "messages fetched,"
                           << report.olderMaybeMissing << "with older ones maybe missing";
            done(QStringLiteral("caught up"));
        },
        Qt::SingleShotConnection);
    account->engine->start(SyncEngine::Mode::Incremental);
}

} // namespace inlet::server
