// The webhook server wired to the real Store, over loopback: an acknowledged event is on disk
// (fsync'ed: it survives a power cut), a redelivered batch changes nothing, a store that cannot
// write makes Meta retry (500).
#include "service/coreservices.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/testsupport.h"
#include "webhook/signatureverifier.h"
#include "webhook/webhookserver.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <sqlite3.h>
#include <thread>
#include <unordered_map>

using namespace inlet;
using inlet::test::awaitResult;

namespace {

const QByteArray kSecret = QByteArrayLiteral("integration-secret");
const QString kAccount = QStringLiteral("17841400000000001");

QByteArray fixture(const QString &name)
{
    QFile f(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A VFS over SQLite's default one that sees what a power cut would take away: bytes a commit wrote
// to a WAL file and did not fsync itself. Registered as the default VFS before any store opens, so
// Qt's SQLite driver (the same libsqlite3) goes through it. Only a sync from the thread that wrote
// counts: the Checkpointer's thread syncs the WAL too (before a checkpoint, at its own pace), which
// is no promise the commit made.
namespace walwatch {

struct File {
    sqlite3_file base; // pMethods: ours
    sqlite3_file *real; // the default VFS's file, allocated right after this struct
    bool wal;
};
static_assert(sizeof(File) % 8 == 0);

struct WalState {
    bool unsynced = false;
    std::thread::id writer;
};

std::mutex g_mutex;
std::unordered_map<const File *, WalState> g_wals;
int g_walWrites = 0;
sqlite3_vfs *g_default = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<File *>(f)->real;
}

// Whether some WAL holds bytes its writer did not sync; how many WAL writes there were.
bool anyUnsynced()
{
    std::lock_guard lock(g_mutex);
    for (const auto &[file, state] : g_wals) {
        if (state.unsynced)
            return true;
    }
    return false;
}
int walWrites()
{
    std::lock_guard lock(g_mutex);
    return g_walWrites;
}

int xClose(sqlite3_file *f)
{
    {
        std::lock_guard lock(g_mutex);
        g_wals.erase(reinterpret_cast<File *>(f));
    }
    return real(f)->pMethods->xClose(real(f));
}
int xWrite(sqlite3_file *f, const void *data, int amount, sqlite3_int64 offset)
{
    const int rc = real(f)->pMethods->xWrite(real(f), data, amount, offset);
    if (reinterpret_cast<File *>(f)->wal) {
        std::lock_guard lock(g_mutex);
        g_wals[reinterpret_cast<File *>(f)] = { true, std::this_thread::get_id() };
        ++g_walWrites;
    }
    return rc;
}
int xSync(sqlite3_file *f, int flags)
{
    const int rc = real(f)->pMethods->xSync(real(f), flags);
    if (rc == SQLITE_OK && reinterpret_cast<File *>(f)->wal) {
        std::lock_guard lock(g_mutex);
        WalState &state = g_wals[reinterpret_cast<File *>(f)];
        if (state.writer == std::this_thread::get_id())
            state.unsynced = false;
    }
    return rc;
}

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *outFlags)
{
    auto *file = reinterpret_cast<File *>(f);
    file->real = reinterpret_cast<sqlite3_file *>(file + 1);
    file->wal = (flags & SQLITE_OPEN_WAL) != 0;
    const int rc = g_default->xOpen(g_default, name, file->real, flags, outFlags);
    file->base.pMethods = file->real->pMethods ? &g_methods : nullptr;
    return rc;
}

void install()
{
    if (g_default)
        return;
    g_default = sqlite3_vfs_find(nullptr);
    g_vfs = *g_default;
    g_vfs.szOsFile = int(sizeof(File)) + g_default->szOsFile;
    g_vfs.zName = "inlet-walwatch";
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = xOpen;
    g_vfs.xDelete = [](sqlite3_vfs *, const char *name, int syncDir) {
        return g_default->xDelete(g_default, name, syncDir);
    };
    g_vfs.xAccess = [](sqlite3_vfs *, const char *name, int flags, int *out) {
        return g_default->xAccess(g_default, name, flags, out);
    };
    g_vfs.xFullPathname = [](sqlite3_vfs *, const char *name, int n, char *out) {
        return g_default->xFullPathname(g_default, name, n, out);
    };
    // Everything but close, write and sync goes straight through.
    g_methods.iVersion = 3;
    g_methods.xClose = xClose;
    g_methods.xRead = [](sqlite3_file *f, void *data, int amount, sqlite3_int64 offset) {
        return real(f)->pMethods->xRead(real(f), data, amount, offset);
    };
    g_methods.xWrite = xWrite;
    g_methods.xTruncate = [](sqlite3_file *f, sqlite3_int64 size) {
        return real(f)->pMethods->xTruncate(real(f), size);
    };
    g_methods.xSync = xSync;
    g_methods.xFileSize = [](sqlite3_file *f, sqlite3_int64 *size) {
        return real(f)->pMethods->xFileSize(real(f), size);
    };
    g_methods.xLock
        = [](sqlite3_file *f, int lock) { return real(f)->pMethods->xLock(real(f), lock); };
    g_methods.xUnlock
        = [](sqlite3_file *f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); };
    g_methods.xCheckReservedLock = [](sqlite3_file *f, int *out) {
        return real(f)->pMethods->xCheckReservedLock(real(f), out);
    };
    g_methods.xFileControl = [](sqlite3_file *f, int op, void *arg) {
        return real(f)->pMethods->xFileControl(real(f), op, arg);
    };
    g_methods.xSectorSize = [](sqlite3_file *f) { return real(f)->pMethods->xSectorSize(real(f)); };
    g_methods.xDeviceCharacteristics
        = [](sqlite3_file *f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); };
    g_methods.xShmMap = [](sqlite3_file *f, int region, int size, int extend, void volatile **out) {
        return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
    };
    g_methods.xShmLock = [](sqlite3_file *f, int offset, int n, int flags) {
        return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
    };
    g_methods.xShmBarrier = [](sqlite3_file *f) { real(f)->pMethods->xShmBarrier(real(f)); };
    g_methods.xShmUnmap = [](sqlite3_file *f, int deleteFlag) {
        return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
    };
    g_methods.xFetch = [](sqlite3_file *f, sqlite3_int64 offset, int amount, void **out) {
        return real(f)->pMethods->xFetch(real(f), offset, amount, out);
    };
    g_methods.xUnfetch = [](sqlite3_file *f, sqlite3_int64 offset, void *p) {
        return real(f)->pMethods->xUnfetch(real(f), offset, p);
    };
    sqlite3_vfs_register(&g_vfs, 1);
}

} // namespace walwatch

} // namespace

class TestWebhookStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<WebhookServer> m_server;
    QNetworkAccessManager m_nam;

    std::unique_ptr<CoreServices> m_core;

    bool startWith(const StoreOptions &options)
    {
        auto store = Store::open(m_dir.path(), options);
        if (!store) {
            qWarning("store: %s", qPrintable(store.error().message));
            return false;
        }
        m_store = std::move(*store);
        return serve(m_store.get());
    }

    bool serve(Store *s)
    {
        WebhookServerConfig config;
        config.appSecret = kSecret;
        m_server = std::make_unique<WebhookServer>(
            config, [s](const QList<InboundEvent> &events) { return s->applyEvents(events); });
        return m_server->start().has_value();
    }

    int post(const QByteArray &body)
    {
        QNetworkRequest req(m_server->callbackUrl());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("X-Hub-Signature-256", SignatureVerifier::sign(body, kSecret));
        QNetworkReply *reply = m_nam.post(req, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !spy.wait(10000))
            return -1;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    StoreCounts counts()
    {
        auto reader = StoreReader::open(m_store->databasePath());
        if (!reader)
            return {};
        return (*reader)->counts().value_or(StoreCounts{});
    }

private slots:
    void initTestCase() { walwatch::install(); }

    void cleanup()
    {
        m_server.reset();
        m_store.reset();
        m_core.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void acknowledgedMeansStored()
    {
        QVERIFY(startWith({}));
        QCOMPARE(post(fixture(QStringLiteral("text.json"))), 200);
        // No waiting: the 200 came after the commit, so a fresh reader sees the message.
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(reader.has_value());
        const QString mid = QStringLiteral(
            "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAxOjM0MDI4MjM2Njg0MTcxMDMwMTI0NDI1ODE4NzUxOTk3OTcyODI5MjozMjM4NzQ4MDk1NTU2NDIxMjIzNDE1NjY3NTg0NzY4NDA5NgZDZD");
        auto message = (*reader)->messageByMid(kAccount, mid);
        QVERIFY(message.has_value());
        QVERIFY(message->has_value());
        QCOMPARE((*message)->text, QStringLiteral("Hello \u00e4\u00f6\u00e5 \U0001F600"));
    }

    // The webhook commits into the store CoreServices opens, as the app and `inlet --headless` do:
    // its write connection runs synchronous=FULL, and when the 200 arrives every byte the commit
    // wrote to the WAL has been fsync'ed by it. With synchronous=NORMAL a commit leaves the WAL to
    // the OS until the next checkpoint, and an acknowledged event can roll back after a power cut.
    void acknowledgedMeansSyncedToDisk()
    {
        CoreOptions options;
        options.dataDir = m_dir.path();
        auto core = CoreServices::create(options);
        QVERIFY2(core, core ? "" : qPrintable(core.error().message));
        m_core = std::move(*core);
        const auto level = awaitResult(m_core->store()->synchronousLevel());
        QVERIFY(level.has_value());
        QCOMPARE(*level, 2); // FULL
        QVERIFY(serve(m_core->store()));

        for (const char *name : { "text.json", "batch_seconds.json", "reaction.json" }) {
            const int writesBefore = walwatch::walWrites();
            QCOMPARE(post(fixture(QString::fromLatin1(name))), 200);
            QVERIFY2(walwatch::walWrites() > writesBefore, "the commit wrote nothing to the WAL");
            QVERIFY2(!walwatch::anyUnsynced(), name);
        }
        auto reader = StoreReader::open(m_core->store()->databasePath());
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->counts()->messages, qint64(3)); // text.json, and the batch's two mids
    }

    void everyFixtureAndRedeliveryChangesNothing()
    {
        QVERIFY(startWith({}));
        const QStringList files = QDir(test::sourceDir() + QStringLiteral("/tests/fixtures/webhook"))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        auto postAll = [&] {
            for (const QString &name : files) {
                if (name == QLatin1String("not_instagram.json"))
                    continue;
                if (post(fixture(name)) != 200)
                    return false;
            }
            return true;
        };
        QVERIFY(postAll());
        const StoreCounts first = counts();
        QVERIFY(first.messages > 10);
        QVERIFY(first.unknownEvents >= 3); // optin, pass_thread_control, comments: kept raw
        QVERIFY(postAll()); // Meta redelivers everything
        const StoreCounts second = counts();
        QCOMPARE(second.messages, first.messages);
        QCOMPARE(second.conversations, first.conversations);
        QCOMPARE(second.unknownEvents, first.unknownEvents);
    }

    // One malformed entry among 1,000 valid ones: the 1,000 are stored, the bad one is kept raw
    // for inspection, and Meta gets its 200 (a 400 would make it redeliver the batch forever).
    void oneMalformedEntryDoesNotFailTheBatch()
    {
        QVERIFY(startWith({}));
        QByteArray body = R"({"object":"instagram","entry":[)";
        for (int i = 0; i < 1000; ++i) {
            body += QStringLiteral(R"({"id":"17841400000000001","time":1732900000,"messaging":[{"sender":{"id":"6%1"},)"
                                   R"("recipient":{"id":"17841400000000001"},"timestamp":%2,)"
                                   R"("message":{"mid":"mid.batch.%1","text":"n%1"}}]},)")
                        .arg(i)
                        .arg(1732900000000LL + i)
                        .toUtf8();
            if (i == 500)
                body += R"({"id":"17841400000000001","time":1732900000,"messaging":"not a list"},)";
        }
        body.chop(1);
        body += "]}";
        QCOMPARE(post(body), 200);
        const StoreCounts c = counts();
        QCOMPARE(c.messages, 1000);
        QCOMPARE(c.unknownEvents, 1);
        QCOMPARE(m_server->stats().eventsCommitted.load(), 1001);
    }

    void storeThatCannotWriteGets500()
    {
        StoreOptions options;
        options.maxPageCount = 56; // SQLITE_FULL soon after the schema (v10 takes more than 40)
        QVERIFY(startWith(options));
        QByteArray big = R"({"object":"instagram","entry":[{"id":"17841400000000001","time":1,"messaging":[)";
        for (int i = 0; i < 300; ++i) {
            big += (i ? "," : "")
                + QStringLiteral(R"({"sender":{"id":"5%1"},"recipient":{"id":"17841400000000001"},"timestamp":%2,)"
                                 R"("message":{"mid":"mid.full.%1","text":"%3"}})")
                      .arg(i)
                      .arg(1732900000000LL + i)
                      .arg(QString(200, QLatin1Char('x')))
                      .toUtf8();
        }
        big += "]}]}";
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("commit of 300 events failed")));
        QCOMPARE(post(big), 500);
        QCOMPARE(m_server->stats().commitFailures.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWebhookStore)
#include "tst_webhookstore.moc"
