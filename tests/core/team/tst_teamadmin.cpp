// Adding, listing and removing agents (PostgreSQL roles) and granting them Instagram accounts,
// against a real PostgreSQL server; names and passwords that try to break out of their quotes.
#include "support/teamdb.h"

#include <QSqlQuery>
#include <QTest>

using namespace inlet;
using namespace inlet::teamtest;

class TstTeamAdmin : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;

    QStringList roles()
    {
        return TeamDb::column(m_db.server,
            QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname "
                           "NOT LIKE 'pg\\_%' ORDER BY 1"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
    }

    void addListLogInRemove()
    {
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000001"));
        QVERIFY(account > 0);
        auto added = team::admin::addAgent(m_db.server, QStringLiteral("carol"),
            QStringLiteral("carol-pw"), QStringLiteral("Carol (night shift)"));
        QVERIFY2(added, why(added).constData());
        QVERIFY(team::admin::grantAccount(m_db.server, QStringLiteral("carol"), account));
        QVERIFY(team::admin::grantAccount(
            m_db.server, QStringLiteral("carol"), account)); // again: no-op

        auto agents = team::admin::listAgents(m_db.server);
        QVERIFY2(agents, why(agents).constData());
        QCOMPARE(agents->size(), 1);
        QCOMPARE(agents->at(0).role, QStringLiteral("carol"));
        QCOMPARE(agents->at(0).displayName, QStringLiteral("Carol (night shift)"));
        QCOMPARE(agents->at(0).accountIds, QList<qint64> { account });

        // A login role with a SCRAM verifier, member of inlet_agent and of nothing mightier.
        QCOMPARE(TeamDb::column(m_db.connectAsSuperuser(),
                     QStringLiteral("SELECT rolcanlogin::text || ':' || rolsuper::text || ':' "
                                    "|| left(rolpassword, 14) FROM pg_authid WHERE rolname = "
                                    "'carol'")),
            QStringList { QStringLiteral("true:false:SCRAM-SHA-256$") });
        QSqlDatabase carol = m_db.connect(QStringLiteral("carol"), QStringLiteral("carol-pw"));
        QVERIFY2(carol.isOpen(), qPrintable(carol.lastError().text()));
        QCOMPARE(TeamDb::column(carol, QStringLiteral("SELECT id FROM inlet.accounts")),
            QStringList { QString::number(account) });
        QSqlDatabase wrong = m_db.connect(QStringLiteral("carol"), QStringLiteral("not-her-pw"));
        QVERIFY(!wrong.isOpen());

        // Removing ends her open session and her role.
        auto removed = team::admin::removeAgent(m_db.server, QStringLiteral("carol"));
        QVERIFY2(removed, why(removed).constData());
        QVERIFY(!team::sql::exec(carol, QStringLiteral("SELECT 1")));
        QVERIFY(!roles().contains(QStringLiteral("carol")));
        QVERIFY(team::admin::listAgents(m_db.server)->isEmpty());
        QSqlDatabase again = m_db.connect(QStringLiteral("carol"), QStringLiteral("carol-pw"));
        QVERIFY(!again.isOpen());
    }

    void hostileNamesAndPasswordsAreQuoted_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::newRow("double quote")
            << QStringLiteral("x\"; DROP TABLE inlet.secrets; --") << QStringLiteral("pw1");
        QTest::newRow("single quote")
            << QStringLiteral("o'brien' SUPERUSER --") << QStringLiteral("pw2");
        QTest::newRow("grant") << QStringLiteral("eve\" IN ROLE inlet_server; --")
                               << QStringLiteral("pw3");
        QTest::newRow("password quote") << QStringLiteral(
            "dave") << QStringLiteral("pw' SUPERUSER; DROP TABLE inlet.secrets; --");
        QTest::newRow("backslash and unicode")
            << QStringLiteral("Zoë \\ Müller") << QStringLiteral("pässwört\\'\"");
        QTest::newRow("upper case") << QStringLiteral("Frank") << QStringLiteral("pw6");
    }

    void hostileNamesAndPasswordsAreQuoted()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        const QStringList before = roles();
        auto added = team::admin::addAgent(m_db.server, name, password);
        QVERIFY2(added, why(added).constData());
        // Exactly one new role, with exactly that name, and no more rights than an agent's.
        QStringList expected = before;
        expected.append(name);
        expected.sort();
        QStringList now = roles();
        now.sort();
        QCOMPARE(now, expected);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT r.rolsuper::text || ':' || r.rolcreaterole::text "
                                    "|| ':' || string_agg(g.rolname, ',') FROM pg_roles r "
                                    "JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles "
                                    "g ON g.oid = m.roleid WHERE r.rolname = ? "
                                    "GROUP BY r.rolsuper, r.rolcreaterole"),
                     { name }),
            QStringList { QStringLiteral("false:false:inlet_agent") });
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT to_regclass('inlet.secrets') IS NOT NULL")),
            QStringList { QStringLiteral("true") });
        // The name and the password work as given.
        QSqlDatabase agent = m_db.connect(name, password);
        QVERIFY2(agent.isOpen(), qPrintable(agent.lastError().text()));
        QCOMPARE(
            TeamDb::column(agent, QStringLiteral("SELECT current_user")), QStringList { name });
        agent.close();
        auto removed = team::admin::removeAgent(m_db.server, name);
        QVERIFY2(removed, why(removed).constData());
        QCOMPARE(roles(), before);
    }

    void errorsDoNotShowThePassword()
    {
        // An agent's connection may not create roles: CREATE ROLE fails inside PostgreSQL, and
        // the error names the statement's pattern, not the statement with the password in it.
        QVERIFY(
            team::admin::addAgent(m_db.server, QStringLiteral("ivan"), QStringLiteral("ivan-pw")));
        QSqlDatabase ivan = m_db.connect(QStringLiteral("ivan"), QStringLiteral("ivan-pw"));
        QVERIFY(ivan.isOpen());
        for (const QString &password :
            { QStringLiteral("geheimnis-ä"), QStringLiteral("geheimnis") }) {
            auto added = team::admin::addAgent(ivan, QStringLiteral("heidi"), password);
            QVERIFY(!added);
            QCOMPARE(team::sql::sqlState(added.error()),
                QString::fromLatin1(team::sql::InsufficientPrivilege));
            QVERIFY2(!added.error().message.contains(QLatin1String("geheimnis"))
                    && !added.error().message.contains(QLatin1String("SCRAM-SHA-256$")),
                qPrintable(added.error().message));
        }
        ivan.close();
        QVERIFY(team::admin::removeAgent(m_db.server, QStringLiteral("ivan")));
        QVERIFY(!roles().contains(QStringLiteral("heidi")));
    }

    void refusesNamesItCannotUseSafely_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("pg_ prefix") << QStringLiteral("pg_monitor2");
        QTest::newRow("server role") << QStringLiteral("inlet_server");
        QTest::newRow("agent group") << QStringLiteral("inlet_agent");
        QTest::newRow("public") << QStringLiteral("PUBLIC");
        QTest::newRow("too long") << QString(64, QLatin1Char('a'));
        QTest::newRow("too long in bytes") << QString(32, QChar(0x00e9)); // 64 bytes of UTF-8
        QTest::newRow("newline") << QStringLiteral("mallory\nDROP");
        QTest::newRow("nul") << QStringLiteral("mallory") + QChar(0) + QStringLiteral("x");
        QTest::newRow("the superuser") << QStringLiteral("inlet_test_admin");
    }

    void refusesNamesItCannotUseSafely()
    {
        QFETCH(QString, name);
        const QStringList before = roles();
        auto added = team::admin::addAgent(m_db.server, name, QStringLiteral("pw"));
        QVERIFY(!added);
        QCOMPARE(added.error().kind, Error::Kind::Invalid);
        QCOMPARE(roles(), before);
    }

    void removesAndGrantsAgentsOnly()
    {
        // Not the server's own role, not the superuser, not a role that is no agent.
        for (const QString &role : { QStringLiteral("inlet_server"), QStringLiteral("inlet_agent"),
                 QStringLiteral("inlet_test_admin"), QStringLiteral("nobody") }) {
            auto removed = team::admin::removeAgent(m_db.server, role);
            QVERIFY2(!removed, qPrintable(role));
            QCOMPARE(removed.error().kind, Error::Kind::Invalid);
            QVERIFY(!team::admin::grantAccount(m_db.server, role, 1));
        }
        QVERIFY(roles().contains(QStringLiteral("inlet_server")));
        QVERIFY(roles().contains(QStringLiteral("inlet_test_admin")));
    }

    void scramVerifierMatchesPostgres()
    {
        // RFC 7677's test vector (user "user", password "pencil", 4096 iterations).
        const QByteArray salt = QByteArray::fromBase64("W22ZaJ0SNY7soEsUEjb6gQ==");
        QCOMPARE(team::admin::scramVerifier(QStringLiteral("pencil"), salt),
            QStringLiteral("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$"
                           "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:"
                           "wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU="));
        QVERIFY(team::admin::scramVerifier(QStringLiteral("pässwort"), salt).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTeamAdmin)
#include "tst_teamadmin.moc"
