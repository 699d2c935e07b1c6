// AccountSync: the production wiring of one account's sync runs a backfill end to end.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "store/store.h"
#include "store/storereader.h"
#include "sync/accountsync.h"
#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/syncengine.h"

using namespace inlet;

class TestAccountSync : public QObject
{
    Q_OBJECT
private slots:
    void backfillAtTwoCallsPerSecond()
    {
        QTemporaryDir dir;
        sandbox::SandboxOptions options;
        options.customers = 1;
        options.eventsPerMinute = 0;
        options.seed = 11;
        sandbox::Sandbox sandbox(options);
        const auto base = sandbox.start();
        QVERIFY(base.has_value());
        auto store = Store::open(dir.path());
        QVERIFY(store.has_value());
        GraphClient client(InstagramHosts::allAt(*base));
        AccountSync sync(&client, store->get(), options.businessId, sandbox.issueToken(), dir.path());
        QCOMPARE(sync.pacer()->minIntervalMs(), 500); // Conversations API: 2 calls/s per account
        sync.pacer()->setMinIntervalMs(25);           // keep the test short
        QSignalSpy finished(sync.engine(), &SyncEngine::finished);
        sync.engine()->start();
        QVERIFY(finished.wait(20000));
        const SyncReport report = finished.first().first().value<SyncReport>();
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.conversations, 1);
        const QString igsid = sandbox.world().customers().first().profile.igsid;
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->counts()->messages,
                 qint64(std::min<qsizetype>(20, sandbox.world().conversation(igsid).size())));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sync.profiles()->avatarPath(igsid)), 10000);
    }
};

QTEST_GUILESS_MAIN(TestAccountSync)
#include "tst_accountsync.moc"
