// The sign-in hand-off end to end: an admin agent's code (from the sandbox's consent, as the login
// view would catch it) written into inlet.signin_handoffs through the desktop's client
// (team::signin::handOff), exchanged by real inlet-server processes with the App Secret only they
// hold, on a real PostgreSQL (PgCluster) with the real sandbox over loopback.
#include "sandbox/tokenstore.h"
#include "sandbox/world.h"
#include "support/teamserverfixture.h"
#include "team/teamsignin.h"

#include <QSqlQuery>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kBusiness = TeamServerFixture::kBusiness;
const QString kAppId = TeamServerFixture::kAppId;
const QByteArray kAppSecret = TeamServerFixture::kAppSecret;
const QString kRedirect = TeamServerFixture::kRedirect;
const QString kAna = QStringLiteral("ana"); // an admin
const QString kBo = QStringLiteral("bo"); // an agent, not an admin
const QString kCy = QStringLiteral("cy"); // another admin
const QString kPassword = QStringLiteral("agent-pw-1");

} // namespace

class TstSignInHandoff : public QObject {
    Q_OBJECT

private:
    TeamServerFixture m_team;

    team::TeamConnection as(const QString &role) const
    {
        return m_team.db.agentConnection(role, kPassword);
    }

    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        return m_team.db.serverValue(sql, values);
    }

    QString freshCode(const QString &redirect = kRedirect) { return m_team.freshCode(redirect); }

    // Exchanges a code straight at the sandbox, as a server would (to spend it).
    int exchangeDirectly(const QString &code)
    {
        return m_team.client
            ->postForm(QStringLiteral("/oauth/access_token"),
                { { QStringLiteral("client_id"), kAppId },
                    { QStringLiteral("client_secret"), QString::fromUtf8(kAppSecret) },
                    { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                    { QStringLiteral("redirect_uri"), kRedirect },
                    { QStringLiteral("code"), code } })
            .status;
    }

    qint64 insertAs(const QSqlDatabase &agent, const QString &code)
    {
        auto id = team::sql::scalar(agent,
            QStringLiteral("INSERT INTO inlet.signin_handoffs (code) VALUES (?) RETURNING id"),
            { code });
        return id && id->isValid() ? id->toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        // The server's first command migrates.
        QVERIFY2(m_team.setUp({ kAna, kBo, kCy }, { kAna, kCy }, kPassword, /*oauth=*/false),
            qPrintable(m_team.error));
        // Before the server set its OAuth settings, an admin learns that, not an SQL error.
        auto none = test::awaitResult(team::signin::loginSettings(as(kAna)));
        QVERIFY(!none);
        QCOMPARE(team::signin::handoffFailure(none.error()),
            team::signin::HandoffFailure::NotConfigured);
        QVERIFY2(m_team.setOAuthSettings(), qPrintable(m_team.error));
        QByteArray out;
        QCOMPARE(
            m_team.launcher.admin({ QStringLiteral("oauth"), QStringLiteral("show") }, {}, &out),
            0);
        QCOMPARE(out.trimmed(),
            (kAppId + '\t' + kRedirect + '\t' + m_team.instagram->baseUrl().toString()).toUtf8());
    }

    // The admin reads what it needs for the login; a non-admin is told it may not.
    void adminReadsTheLoginSettings()
    {
        auto settings = test::awaitResult(team::signin::loginSettings(as(kAna)));
        QVERIFY2(settings, why(settings).constData());
        QCOMPARE(settings->appId, kAppId);
        QCOMPARE(settings->redirectUri, kRedirect);
        QCOMPARE(settings->authorizeBase, m_team.instagram->baseUrl().toString());
        auto refused = test::awaitResult(team::signin::loginSettings(as(kBo)));
        QVERIFY(!refused);
        QCOMPARE(
            team::signin::handoffFailure(refused.error()), team::signin::HandoffFailure::NotAdmin);
    }

    void handOffConnectsTheAccountAndItsMessagesArrive()
    {
        auto server = m_team.launcher.start();
        QVERIFY(server);
        const QString code = freshCode();
        QVERIFY(!code.isEmpty());
        auto result = test::awaitResult(
            team::signin::handOff(as(kAna), code + QStringLiteral("#_")), 60000);
        QVERIFY2(result, why(result).constData());
        QCOMPARE(result->state, QStringLiteral("done"));
        QCOMPARE(result->igUserId, kBusiness);
        QVERIFY(!result->username.isEmpty());
        QVERIFY(result->subscribed);

        // The account, its long-lived token (server only), granted to the admin who connected it.
        const QString account = scalar(
            QStringLiteral("SELECT id FROM inlet.accounts WHERE ig_user_id = ?"), { kBusiness });
        QVERIFY(account.toLongLong() > 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT string_agg(agent_role, ',') FROM inlet.agent_accounts "
                                  "WHERE account_id = ?"),
                { account }),
            kAna);
        const QString token = scalar(QStringLiteral("SELECT value FROM inlet.secrets WHERE name = "
                                                    "'instagram_token' AND account_id = ?"),
            { account });
        QVERIFY(m_team.instagram->tokens().token(token)
            && m_team.instagram->tokens().token(token)->longLived);
        QVERIFY(scalar(QStringLiteral("SELECT expires_ms FROM inlet.secrets WHERE account_id = ?"),
                    { account })
                    .toLongLong()
            > QDateTime::currentMSecsSinceEpoch());
        // The code is gone from the row.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.signin_handoffs WHERE id = ? "
                                       "AND code IS NULL"),
                     { result->id }),
            QStringLiteral("1"));

        // The account is subscribed: once the app's callback points at the server, a customer's
        // message reaches the database.
        QCOMPARE(pointAppCallbackAt(*m_team.client, server->webhook), 200);
        const QString customer = m_team.instagram->world().customers().first().profile.igsid;
        auto mid
            = m_team.instagram->injectEvent({ { QStringLiteral("kind"), QStringLiteral("text") },
                { QStringLiteral("customer"), customer },
                { QStringLiteral("text"), QStringLiteral("Hello, new team!") } });
        QVERIFY(mid.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"), { *mid }),
            QStringLiteral("Hello, new team!"), 15000);
        // ... which the admin may read (the grant), and the other agent not.
        QSqlDatabase ana = m_team.db.connect(kAna, kPassword);
        QSqlDatabase bo = m_team.db.connect(kBo, kPassword);
        QCOMPARE(TeamDb::column(ana,
                     QStringLiteral("SELECT text FROM inlet.messages WHERE mid = ?"), { *mid }),
            QStringList { QStringLiteral("Hello, new team!") });
        QCOMPARE(
            TeamDb::column(bo, QStringLiteral("SELECT text FROM inlet.messages")), QStringList());
    }

    void codeIsExchangedOnceWithTwoServers()
    {
        auto first = m_team.launcher.start();
        auto second = m_team.launcher.start();
        QVERIFY(first && second);
        QSqlDatabase ana = m_team.db.connect(kAna, kPassword);
        const int tokensBefore = m_team.instagram->tokens().count();
        QList<qint64> rows;
        for (int i = 0; i < 6; ++i) {
            const QString code = freshCode();
            QVERIFY(!code.isEmpty());
            rows.append(insertAs(ana, code));
            QVERIFY(rows.constLast() > 0);
        }
        QStringList ids;
        for (qint64 id : std::as_const(rows))
            ids.append(QString::number(id));
        const QString list = ids.join(QLatin1Char(','));
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(QStringLiteral("SELECT string_agg(DISTINCT state, ',') FROM "
                                  "inlet.signin_handoffs WHERE id IN (%1)")
                       .arg(list)),
            QStringLiteral("done"), 30000);
        // Each code was exchanged by one server: one short-lived and one long-lived token each
        // (a second exchange would have been refused, Instagram's codes are single-use), and
        // each row claimed once in both servers' logs together.
        QCOMPARE(m_team.instagram->tokens().count() - tokensBefore, 2 * int(rows.size()));
        const QByteArray logs = first->log + second->log;
        for (qint64 id : std::as_const(rows))
            QCOMPARE(
                logs.count(QStringLiteral("sign-in hand-off %1 of agent").arg(id).toUtf8()), 1);
        qInfo("claims: %s",
            qPrintable(TeamDb::column(m_team.db.server,
                QStringLiteral("SELECT claimed_by || '=' || count(*) FROM inlet.signin_handoffs "
                               "WHERE id IN (%1) GROUP BY claimed_by")
                    .arg(list))
                           .join(QLatin1Char(' '))));
    }

    void nonAdminCannotHandOff()
    {
        QSqlDatabase bo = m_team.db.connect(kBo, kPassword);
        auto refused = team::sql::exec(
            bo, QStringLiteral("INSERT INTO inlet.signin_handoffs (code) VALUES ('a-code')"));
        QVERIFY(!refused);
        QCOMPARE(
            team::sql::sqlState(refused.error()), QLatin1String(team::sql::InsufficientPrivilege));
        // Nor in an admin's name, nor with a state or a date of its own.
        QSqlDatabase cy = m_team.db.connect(kCy, kPassword);
        for (const QString &sql :
            { QStringLiteral(
                  "INSERT INTO inlet.signin_handoffs (agent_role, code) VALUES ('ana', 'x')"),
                QStringLiteral(
                    "INSERT INTO inlet.signin_handoffs (code, state) VALUES ('x', 'done')"),
                QStringLiteral("INSERT INTO inlet.signin_handoffs (code, created_at) "
                               "VALUES ('x', now() + interval '1 day')"),
                QStringLiteral("UPDATE inlet.signin_handoffs SET state = 'pending'"),
                QStringLiteral("DELETE FROM inlet.signin_handoffs") }) {
            auto denied = team::sql::exec(cy, sql);
            QVERIFY2(!denied, qPrintable(sql));
            QCOMPARE(team::sql::sqlState(denied.error()),
                QLatin1String(team::sql::InsufficientPrivilege));
        }
        // The client says so in its words.
        auto result = test::awaitResult(team::signin::handOff(as(kBo), QStringLiteral("a-code")));
        QVERIFY(!result);
        QCOMPARE(
            team::signin::handoffFailure(result.error()), team::signin::HandoffFailure::NotAdmin);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.signin_handoffs WHERE "
                                       "agent_role = 'bo'")),
            QStringLiteral("0"));
    }

    void agentReadsOnlyItsOwnRowsAndNeverTheCode()
    {
        QSqlDatabase ana = m_team.db.connect(kAna, kPassword);
        QSqlDatabase cy = m_team.db.connect(kCy, kPassword);
        const qint64 mine = insertAs(cy, QStringLiteral("cy-code-never-exchanged"));
        QVERIFY(mine > 0);
        QCOMPARE(TeamDb::column(cy, QStringLiteral("SELECT agent_role FROM inlet.signin_handoffs")),
            QStringList { kCy });
        QVERIFY(!TeamDb::column(ana, QStringLiteral("SELECT id FROM inlet.signin_handoffs"))
                     .contains(QString::number(mine)));
        auto code = team::sql::exec(cy, QStringLiteral("SELECT code FROM inlet.signin_handoffs"));
        QVERIFY(!code);
        QCOMPARE(
            team::sql::sqlState(code.error()), QLatin1String(team::sql::InsufficientPrivilege));
        QVERIFY(team::sql::exec(m_team.db.server,
            QStringLiteral("DELETE FROM inlet.signin_handoffs WHERE id = ?"), { mine }));
    }

    void usedExpiredAndWrongCodesFail()
    {
        QSqlDatabase ana = m_team.db.connect(kAna, kPassword);
        // Used: exchanged once already (elsewhere).
        const QString used = freshCode();
        QCOMPARE(exchangeDirectly(used), 200);
        const qint64 usedRow = insertAs(ana, used);
        // Wrong: no such code.
        const qint64 wrongRow = insertAs(ana, QStringLiteral("not-a-code-instagram-gave"));
        // Expired: written more than an hour ago (the server's clock, not the agent's, says so).
        const QString old = freshCode();
        const qint64 oldRow = insertAs(ana, old);
        QVERIFY(usedRow > 0 && wrongRow > 0 && oldRow > 0);
        QVERIFY(team::sql::exec(m_team.db.server,
            QStringLiteral("UPDATE inlet.signin_handoffs SET created_at = now() - interval "
                           "'61 minutes' WHERE id = ?"),
            { oldRow }));

        auto server = m_team.launcher.start();
        QVERIFY(server);
        for (qint64 id : { usedRow, wrongRow, oldRow }) {
            QTRY_COMPARE_WITH_TIMEOUT(
                scalar(
                    QStringLiteral("SELECT state FROM inlet.signin_handoffs WHERE id = ?"), { id }),
                QStringLiteral("failed"), 15000);
        }
        auto usedResult = team::signin::readHandoff(ana, usedRow);
        QVERIFY(usedResult);
        // Instagram's OAuth error, as the core's GraphClient reads it (also for the solo sign-in).
        QCOMPARE(usedResult->error.kind, Error::Kind::Auth);
        QVERIFY2(usedResult->error.message.contains(QStringLiteral("already used")),
            qPrintable(usedResult->error.message));
        auto wrongResult = team::signin::readHandoff(ana, wrongRow);
        QVERIFY(wrongResult);
        QCOMPARE(wrongResult->error.kind, usedResult->error.kind);
        QVERIFY(!wrongResult->error.message.contains(QString::fromUtf8(kAppSecret)));
        auto oldResult = team::signin::readHandoff(ana, oldRow);
        QVERIFY(oldResult);
        QCOMPARE(oldResult->error.kind, Error::Kind::Auth);
        QCOMPARE(team::signin::handoffFailure(oldResult->error),
            team::signin::HandoffFailure::CodeExpired);
        // ... without a call: Instagram still has that code unused.
        QCOMPARE(exchangeDirectly(old), 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM inlet.signin_handoffs WHERE id IN "
                                       "(?, ?, ?) AND code IS NULL"),
                     { usedRow, wrongRow, oldRow }),
            QStringLiteral("3"));
    }

    void agentsCannotReadSecrets()
    {
        for (const QString &role : { kAna, kBo }) {
            QSqlDatabase agent = m_team.db.connect(role, kPassword);
            auto denied = team::sql::exec(agent, QStringLiteral("SELECT * FROM inlet.secrets"));
            QVERIFY(!denied);
            QCOMPARE(team::sql::sqlState(denied.error()),
                QLatin1String(team::sql::InsufficientPrivilege));
            auto settings = team::sql::exec(agent,
                QStringLiteral("UPDATE inlet.oauth_settings SET redirect_uri = 'https://evil'"));
            QVERIFY(!settings);
        }
    }
};

QTEST_GUILESS_MAIN(TstSignInHandoff)
#include "tst_signinhandoff.moc"
