// The store's one reader pool (store/readerpool.h) and the check that no SQL runs on the thread
// the composition root declared as the GUI thread (store/guithread.h).
#include "store/guithread.h"
#include "store/readerpool.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

class TestReaderPool : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

private slots:
    void initTestCase()
    {
        // The check is on in every build for this test (debug builds have it anyway).
        qputenv("INLET_CHECK_GUI_SQL", "1");
        QVERIFY(guithread::checking());
        auto store = Store::open(m_dir.path());
        QVERIFY(ok(store));
        m_store = std::move(*store);
        QVERIFY(ok(awaitResult(
            m_store->applyEvents({ message(QStringLiteral("m1"), 1000, QStringLiteral("hi")) }))));
    }

    void cleanup() { guithread::clear(); }

    void cleanupTestCase() { m_store.reset(); }

    void oneReaderPerThread()
    {
        ReaderPool &pool = *m_store->readers();
        auto here = pool.reader();
        QVERIFY(ok(here));
        auto again = pool.reader();
        QVERIFY(ok(again));
        QCOMPARE(*again, *here);

        StoreReader *there = nullptr;
        QThread *thread = QThread::create([&pool, &there] {
            auto r = pool.reader();
            if (r)
                there = *r;
        });
        thread->start();
        QVERIFY(thread->wait(5000));
        delete thread;
        QVERIFY(there != nullptr);
        QVERIFY(there != *here);
    }

    void readRunsOnThePoolsThreadInOrder()
    {
        guithread::declare(QThread::currentThread());
        ReaderPool &pool = *m_store->readers();
        QList<QFuture<Result<int>>> futures;
        QList<int> order;
        QMutex mutex;
        QSet<QThread *> threads;
        for (int i = 0; i < 5; ++i) {
            futures.append(
                pool.read<int>([i, &order, &mutex, &threads](StoreReader &r) -> Result<int> {
                    auto accounts = r.accounts(); // a real query, refused on the GUI thread
                    if (!accounts)
                        return std::unexpected(accounts.error());
                    QMutexLocker lock(&mutex);
                    order.append(i);
                    threads.insert(QThread::currentThread());
                    return i;
                }));
        }
        for (auto &f : futures)
            QVERIFY(ok(awaitResult(f)));
        QCOMPARE(order, (QList<int> { 0, 1, 2, 3, 4 }));
        QCOMPARE(threads.size(), 1);
        QVERIFY(!threads.contains(QThread::currentThread()));
    }

    void anAllowanceLetsATestReadOnTheGuiThread()
    {
        guithread::declare(QThread::currentThread());
        QVERIFY(guithread::isCurrent());
        guithread::Allowance allow;
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(ok(reader));
        auto conversation = (*reader)->conversationFor(kAccount, kCustomer);
        QVERIFY(ok(conversation));
        QVERIFY(conversation->has_value());
    }

    // The check itself: a query on the declared GUI thread aborts (in a child process).
    void aQueryOnTheGuiThreadAborts()
    {
        if (qEnvironmentVariableIsSet("INLET_READERPOOL_CHILD")) {
            guithread::declare(QThread::currentThread());
            auto reader = StoreReader::open(qEnvironmentVariable("INLET_READERPOOL_CHILD"));
            // Not reached: opening checks the schema with a query.
            QFAIL("the query on the GUI thread ran");
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INLET_READERPOOL_CHILD"), m_store->databasePath());
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
            { QStringLiteral("aQueryOnTheGuiThreadAborts") });
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(
            child.exitStatus() == QProcess::CrashExit || child.exitCode() != 0, output.constData());
        QVERIFY2(output.contains("SQL on the GUI thread"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestReaderPool)
#include "tst_readerpool.moc"
