// An acknowledged write survives SIGKILL: a child process (this executable in child mode) applies
// batches and reports each one after its future finished; the parent kills it mid-ingest, reopens
// the file and finds every acknowledged event, nothing doubled and an intact database.
#include "store/database.h"
#include "store/sqlutil.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstdlib>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

const char *kChildVariable = "INLET_STORE_DURABILITY_CHILD";

QString midFor(int batch, int i) { return QStringLiteral("b%1-%2").arg(batch).arg(i); }

// Child mode: ingest until killed, printing "acked <batch>" after each committed batch.
[[noreturn]] void runChild(const QString &dataDir)
{
    auto store = Store::open(dataDir);
    if (!store) {
        std::fprintf(stderr, "child: %s\n", qPrintable(store.error().message));
        std::_Exit(2);
    }
    for (int batch = 0;; ++batch) {
        QList<InboundEvent> events;
        for (int i = 0; i < 20; ++i)
            events.append(message(midFor(batch, i), 1000 + qint64(batch) * 100 + i, QStringLiteral("payload %1").arg(i),
                                  QStringLiteral("cust%1").arg(i % 5)));
        // Two callers per round, so kills also land in the middle of grouped commits.
        auto f = (*store)->applyEvents(events);
        auto again = (*store)->applyEvents(events);
        if (!awaitResult(f) || !awaitResult(again))
            std::_Exit(3);
        std::printf("acked %d\n", batch);
        std::fflush(stdout);
    }
}

} // namespace

class TestStoreDurability : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet(kChildVariable))
            runChild(qEnvironmentVariable(kChildVariable));
    }

    void acknowledgedBatchesSurviveSigkill_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("early") << 3;
        QTest::newRow("later") << 40;
    }

    void acknowledgedBatchesSurviveSigkill()
    {
        QFETCH(int, killAfter);
        QTemporaryDir dir;
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildVariable), dir.path());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("inlet.*=false"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());

        int lastAcked = -1;
        QByteArray pending;
        while (lastAcked < killAfter) {
            QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable() > 0, "child died");
            child.waitForReadyRead(200);
            pending += child.readAllStandardOutput();
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                if (line.startsWith("acked "))
                    lastAcked = line.mid(6).toInt();
            }
        }
        child.kill(); // SIGKILL: no destructors, no checkpoint, maybe mid-transaction
        QVERIFY(child.waitForFinished(10000));
        // Acknowledgements printed before the kill landed still count.
        pending += child.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n'))
            if (line.startsWith("acked "))
                lastAcked = qMax(lastAcked, line.mid(6).toInt());

        auto store = Store::open(dir.path()); // quick_check included
        QVERIFY(ok(store));
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        QStringList mids;
        for (int b = 0; b <= lastAcked; ++b)
            for (int i = 0; i < 20; ++i)
                mids.append(midFor(b, i));
        auto known = (*reader)->knownMids(kAccount, mids);
        QVERIFY(ok(known));
        QCOMPARE(known->size(), mids.size());
        // Nothing doubled, and no half batch: the count is a whole number of batches.
        const qint64 count = (*reader)->counts()->messages;
        QVERIFY(count >= mids.size());
        QCOMPARE(count % 20, qint64(0));
        auto inbox = (*reader)->inbox({});
        QVERIFY(ok(inbox));
        qint64 unread = 0;
        for (const auto &c : *inbox)
            unread += c.unreadCount;
        QCOMPARE(unread, count);
        qInfo() << "killed after" << lastAcked + 1 << "acknowledged batches;" << count / 20 << "on disk";
    }
};

QTEST_GUILESS_MAIN(TestStoreDurability)
#include "tst_storedurability.moc"
