// `inlet --headless --team` as an agent's replica, against a real PostgreSQL server: killed
// (SIGKILL) in the middle of a catch-up, it starts again from the last change it committed,
// and the local store ends with every message once (rows and change number commit together);
// PostgreSQL stopped and started under two connected replicas, and one 10,000 changes behind.
#include "support/teamdb.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kAlice = QStringLiteral("alice");
const QString kAlicePassword = QStringLiteral("alice-pw-1");
constexpr int kMessages = 30'000;

QString inletBinary()
{
    return QStringLiteral(INLET_BINARY_DIR "/src/app/inlet");
}
} // namespace

class TstTeamReplicaCrash : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    QTemporaryDir m_data;

    std::unique_ptr<QProcess> startReplica() { return startReplica(m_data.path()); }
    std::unique_ptr<QProcess> startReplica(const QString &dataDir)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INLET_TEAM_PASSWORD"), kAlicePassword);
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(inletBinary(),
            { QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                QStringLiteral("--team"),
                QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=disable")
                    .arg(kAlice, m_db.cluster.host())
                    .arg(m_db.cluster.port())
                    .arg(kDatabase) });
        return p;
    }

    // (last_seq, messages) read from the replica's SQLite file, or (-1, -1) before it exists.
    std::pair<qint64, qint64> localState() { return localState(m_data.path()); }
    std::pair<qint64, qint64> localState(const QString &dataDir)
    {
        const QString path = dataDir + QStringLiteral("/inlet.sqlite");
        if (!QFileInfo::exists(path))
            return { -1, -1 };
        const QString name = QUuid::createUuid().toString(QUuid::Id128);
        std::pair<qint64, qint64> out { -1, -1 };
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
            if (db.open()) {
                QSqlQuery q(db);
                // One read transaction: the number and the rows as of the same commit.
                if (q.exec(QStringLiteral("SELECT (SELECT COALESCE(max(last_seq), 0) FROM "
                                          "team_replica), (SELECT count(*) FROM messages)"))
                    && q.next())
                    out = { q.value(0).toLongLong(), q.value(1).toLongLong() };
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    qint64 messageChangesUpTo(qint64 seq)
    {
        auto n = team::sql::scalar(m_db.server,
            QStringLiteral("SELECT count(*) FROM inlet.change_log WHERE entity = 'messages' AND "
                           "seq <= ?"),
            { seq });
        return n ? n->toLongLong() : -1;
    }

    qint64 maxSeq()
    {
        auto s = team::sql::scalar(
            m_db.server, QStringLiteral("SELECT COALESCE(max(seq), 0) FROM inlet.change_log"));
        return s ? s->toLongLong() : -1;
    }
    bool addMessages(const QString &prefix, int n)
    {
        return bool(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                           "outgoing, text, created_ms) SELECT c.account_id, c.id, ? || g, "
                           "false, 'message ' || g, 1800000000000 + g FROM inlet.conversations c, "
                           "generate_series(1, ?) g"),
            { prefix, n }));
    }
    // Until `p` prints "team: caught up to <seq>" (its stdout gathered in `output`).
    static bool caughtUpTo(QProcess &p, QByteArray &output, qint64 seq, int timeoutMs)
    {
        const QByteArray done = "team: caught up to " + QByteArray::number(seq) + '\n';
        return QTest::qWaitFor(
            [&] { return (output += p.readAllStandardOutput()).contains(done); }, timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(QFileInfo(inletBinary()).isExecutable(), "build the inlet executable first");
        QVERIFY(m_data.isValid());
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        const qint64 account = m_db.addAccount(QStringLiteral("17841400000000001"));
        const qint64 conversation
            = m_db.addConversation(account, QStringLiteral("6000000000000001"));
        QVERIFY2(conversation > 0, qPrintable(m_db.error()));
        QVERIFY(team::admin::addAgent(m_db.server, kAlice, kAlicePassword));
        QVERIFY(team::admin::grantAccount(m_db.server, kAlice, account));
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "text, created_ms) SELECT ?, ?, 'mid.' || g, false, 'message ' || g, "
                "1700000000000 + g FROM generate_series(1, ?) g"),
            { account, conversation, kMessages }));
    }

    void killedMidCatchUpResumesWithoutDoubles()
    {
        auto target = team::sql::scalar(
            m_db.server, QStringLiteral("SELECT max(seq) FROM inlet.change_log"));
        QVERIFY(target);

        auto first = startReplica();
        QVERIFY(first->waitForStarted());
        // Kill it once some batches, not all, are committed.
        std::pair<qint64, qint64> state { -1, -1 };
        QTRY_VERIFY_WITH_TIMEOUT((state = localState()).second > 0, 60'000);
        first->kill();
        QVERIFY(first->waitForFinished());
        state = localState();
        QVERIFY2(state.first > 0 && state.first < target->toLongLong(),
            qPrintable(QStringLiteral("killed at change %1 of %2: not in the middle")
                           .arg(state.first)
                           .arg(target->toLongLong())));
        // What was committed is exactly the changes up to the stored number.
        QCOMPARE(state.second, messageChangesUpTo(state.first));

        auto second = startReplica();
        QVERIFY(second->waitForStarted());
        const QByteArray done = "team: caught up to " + QByteArray::number(target->toLongLong());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += second->readAllStandardOutput()).contains(done), 120'000);
        QVERIFY(output.contains("team: connected"));
        QVERIFY(!output.contains(kAlicePassword.toUtf8()));
        second->terminate(); // SIGTERM: a clean stop
        QVERIFY(second->waitForFinished(10'000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);

        state = localState();
        QCOMPARE(state.first, target->toLongLong());
        QCOMPARE(state.second, qint64(kMessages));
        // No message counted twice: each was inserted once as unread.
        const QString path = m_data.path() + QStringLiteral("/inlet.sqlite");
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QCOMPARE(TeamDb::column(db, QStringLiteral("SELECT unread_count FROM conversations")),
                QStringList { QString::number(kMessages) });
            QCOMPARE(TeamDb::column(db, QStringLiteral("SELECT count(DISTINCT mid) FROM messages")),
                QStringList { QString::number(kMessages) });
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    // PostgreSQL really stopped (fast shutdown, connections broken) and started again under two
    // connected headless replicas: both reconnect and catch up with nothing missing. Then one is
    // stopped while 10,000 changes are written, and catches up when started again.
    void databaseStoppedUnderTwoReplicasThenTenThousandBehind()
    {
        QTemporaryDir dirA;
        QTemporaryDir dirB;
        QVERIFY(dirA.isValid() && dirB.isValid());
        auto a = startReplica(dirA.path());
        auto b = startReplica(dirB.path());
        QVERIFY(a->waitForStarted() && b->waitForStarted());
        QByteArray outA;
        QByteArray outB;
        const qint64 start = maxSeq();
        QVERIFY(caughtUpTo(*a, outA, start, 180'000));
        QVERIFY(caughtUpTo(*b, outB, start, 180'000));
        const qint64 messages = localState(dirA.path()).second;

        QVERIFY2(m_db.cluster.stop(), qPrintable(m_db.cluster.errorString()));
        QTest::qWait(2000); // the replicas notice and retry with their backoff
        QVERIFY2(m_db.cluster.start(), qPrintable(m_db.cluster.errorString()));
        m_db.server = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(m_db.server.isOpen());
        QVERIFY(addMessages(QStringLiteral("mid.after.restart."), 100));
        const qint64 afterRestart = maxSeq();
        QVERIFY(caughtUpTo(*a, outA, afterRestart, 60'000));
        QVERIFY(caughtUpTo(*b, outB, afterRestart, 60'000));
        // Each lost its connection and made it again (Offline, then Connected once more).
        QCOMPARE(outA.count("team: connected"), 2);
        QCOMPARE(outB.count("team: connected"), 2);
        QCOMPARE(localState(dirA.path()), std::make_pair(afterRestart, messages + 100));
        QCOMPARE(localState(dirB.path()), std::make_pair(afterRestart, messages + 100));

        b->terminate();
        QVERIFY(b->waitForFinished(10'000));
        QVERIFY(addMessages(QStringLiteral("mid.while.away."), 10'000));
        const qint64 target = maxSeq();
        QVERIFY(target - afterRestart >= 10'000);
        b = startReplica(dirB.path());
        QVERIFY(b->waitForStarted());
        outB.clear();
        QVERIFY(caughtUpTo(*b, outB, target, 120'000));
        QVERIFY(caughtUpTo(*a, outA, target, 60'000));
        QCOMPARE(localState(dirB.path()), std::make_pair(target, messages + 10'100));
        QCOMPARE(localState(dirA.path()), std::make_pair(target, messages + 10'100));
        for (auto *p : { a.get(), b.get() }) {
            p->terminate();
            QVERIFY(p->waitForFinished(10'000));
        }
    }
};

QTEST_GUILESS_MAIN(TstTeamReplicaCrash)
#include "tst_teamreplicacrash.moc"
