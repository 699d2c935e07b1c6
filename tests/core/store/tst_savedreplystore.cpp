// Saved replies in the store (schema v8): added, changed and deleted through the writer, each
// commit announced (StoreChange::savedRepliesChanged), shortcuts unique ignoring case, refused
// replies as values, an import all or nothing that replaces replies by shortcut, and the migration
// of a file from the version before.
#include "store/database.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "storetestutil.h"
#include "support/savedreplyfixture.h"

#include "support/await.h"
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;
using inlet::test::savedReply;

namespace {

const qint64 kNow = 1'780'000'000'000;

int problem(const Result<qint64> &saved)
{
    return saved ? 0 : (saved.error().kind == Error::Kind::Invalid ? saved.error().code : -1);
}

// The schema step that adds the saved replies (its number is kept in schema.cpp only).
int savedRepliesVersion()
{
    for (const schema::Step &step : schema::steps()) {
        if (step.description == QLatin1String("saved replies"))
            return step.version;
    }
    return 0;
}

} // namespace

class TestSavedReplyStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;

    QList<SavedReply> all()
    {
        auto list = m_reader->savedReplies();
        if (!list)
            qFatal("saved replies not read: %s", qPrintable(list.error().message));
        return *list;
    }

    void openStore()
    {
        StoreOptions options;
        options.clock = [] { return kNow; };
        auto store = Store::open(m_dir->path(), options);
        QVERIFY(ok(store));
        m_store = std::move(*store);
        auto reader = StoreReader::open(m_store->databasePath());
        QVERIFY(ok(reader));
        m_reader = std::move(*reader);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        openStore();
    }

    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
        m_dir.reset();
    }

    void addChangeDelete()
    {
        QCOMPARE(all().size(), 0);
        QSignalSpy changed(m_store.get(), &Store::changed);
        auto saved = awaitResult(m_store->saveReply(savedReply(QStringLiteral("  Thanks  "),
            QStringLiteral("/thanks"), QStringLiteral("Thank you, {first_name}!"))));
        QVERIFY(ok(saved));
        QVERIFY(*saved > 0);
        QTRY_VERIFY(!changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().savedRepliesChanged);
        QCOMPARE(all().size(), 1);
        SavedReply stored = all().constFirst();
        QCOMPARE(stored.id, *saved);
        QCOMPARE(stored.title, QStringLiteral("Thanks")); // trimmed
        QCOMPARE(stored.shortcut, QStringLiteral("thanks")); // without the "/"
        QCOMPARE(stored.text, QStringLiteral("Thank you, {first_name}!"));
        QCOMPARE(stored.updatedMs, kNow);

        stored.text = QStringLiteral("Many thanks, {first_name}.");
        stored.shortcut = QStringLiteral("ty");
        QCOMPARE(awaitResult(m_store->saveReply(stored)).value_or(0), stored.id);
        QCOMPARE(all().size(), 1);
        QCOMPARE(all().constFirst().text, QStringLiteral("Many thanks, {first_name}."));
        QCOMPARE(all().constFirst().shortcut, QStringLiteral("ty"));

        changed.clear();
        QVERIFY(ok(awaitResult(m_store->removeReply(stored.id))));
        QTRY_VERIFY(!changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().savedRepliesChanged);
        QCOMPARE(all().size(), 0);
        // Gone already: a value, not a crash.
        const Status again = awaitResult(m_store->removeReply(stored.id));
        QVERIFY(!again);
        QCOMPARE(again.error().code, int(savedreply::NotFound));
    }

    void listedByTitle()
    {
        for (const QString &title : { QStringLiteral("shipping"), QStringLiteral("Address"),
                 QStringLiteral("Opening hours") })
            QVERIFY(ok(awaitResult(m_store->saveReply(savedReply(title, {}, QStringLiteral("text"))))));
        QStringList titles;
        for (const SavedReply &r : all())
            titles.append(r.title);
        QCOMPARE(titles,
            QStringList({ QStringLiteral("Address"), QStringLiteral("Opening hours"),
                QStringLiteral("shipping") }));
    }

    void refusedAsValues()
    {
        QCOMPARE(problem(awaitResult(m_store->saveReply(savedReply({}, {}, QStringLiteral("text"))))),
            int(savedreply::TitleMissing));
        QCOMPARE(problem(awaitResult(
                     m_store->saveReply(savedReply(QStringLiteral("T"), {}, QStringLiteral(" "))))),
            int(savedreply::TextMissing));
        QCOMPARE(problem(awaitResult(m_store->saveReply(savedReply(
                     QStringLiteral("T"), QStringLiteral("two words"), QStringLiteral("x"))))),
            int(savedreply::ShortcutHasSpace));
        QVERIFY(ok(awaitResult(m_store->saveReply(savedReply(
            QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"))))));
        // Another reply cannot take the shortcut, whatever its case.
        QCOMPARE(problem(awaitResult(m_store->saveReply(savedReply(
                     QStringLiteral("Hours 2"), QStringLiteral("/HOURS"), QStringLiteral("x"))))),
            int(savedreply::ShortcutTaken));
        SavedReply ghost = savedReply(QStringLiteral("Ghost"), {}, QStringLiteral("x"));
        ghost.id = 999;
        QCOMPARE(problem(awaitResult(m_store->saveReply(ghost))), int(savedreply::NotFound));
        QCOMPARE(all().size(), 1);
        // Replies without a shortcut do not collide with each other.
        QVERIFY(
            ok(awaitResult(m_store->saveReply(savedReply(QStringLiteral("A"), {}, QStringLiteral("a"))))));
        QVERIFY(
            ok(awaitResult(m_store->saveReply(savedReply(QStringLiteral("B"), {}, QStringLiteral("b"))))));
        QCOMPARE(all().size(), 3);
    }

    void importReplacesByShortcut()
    {
        QVERIFY(ok(awaitResult(m_store->saveReply(savedReply(
            QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"))))));
        auto imported = awaitResult(m_store->importReplies({
            savedReply(QStringLiteral("Opening hours"), QStringLiteral("Hours"),
                QStringLiteral("10 to 6")),
            savedReply(
                QStringLiteral("Address"), QStringLiteral("addr"), QStringLiteral("Main St 1")),
            savedReply(QStringLiteral("No shortcut"), {}, QStringLiteral("plain")),
        }));
        QVERIFY(ok(imported));
        QCOMPARE(*imported, 3);
        const QList<SavedReply> list = all();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list.at(0).title, QStringLiteral("Address"));
        QCOMPARE(list.at(1).title, QStringLiteral("No shortcut"));
        QCOMPARE(list.at(2).title, QStringLiteral("Opening hours"));
        QCOMPARE(list.at(2).text, QStringLiteral("10 to 6"));
    }

    void importIsAllOrNothing()
    {
        QVERIFY(ok(awaitResult(m_store->saveReply(savedReply(
            QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"))))));
        auto imported = awaitResult(m_store->importReplies({
            savedReply(
                QStringLiteral("Address"), QStringLiteral("addr"), QStringLiteral("Main St 1")),
            savedReply(QStringLiteral("Broken"), {}, QString()),
        }));
        QVERIFY(!imported);
        QCOMPARE(imported.error().code, int(savedreply::TextMissing));
        QCOMPARE(all().size(), 1);
        QCOMPARE(all().constFirst().title, QStringLiteral("Hours"));
    }

    void migratesFromTheVersionBefore()
    {
        const int version = savedRepliesVersion();
        QVERIFY(version > 1);
        cleanup();
        m_dir = std::make_unique<QTemporaryDir>();
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("before"));
            db.setDatabaseName(Database::pathInDataDir(m_dir->path()));
            QVERIFY(db.open());
            QVERIFY(ok(schema::migrate(db, schema::steps(), version - 1)));
            QVERIFY(!db.tables().contains(QStringLiteral("saved_replies")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("before"));
        openStore();
        QVERIFY(ok(awaitResult(m_store->saveReply(savedReply(
            QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"))))));
        QCOMPARE(all().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSavedReplyStore)
#include "tst_savedreplystore.moc"
