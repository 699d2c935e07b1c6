// Labels in the store (schema v10): added, renamed, recoloured and deleted through the writer,
// names unique ignoring case, refused labels as values, put on and taken off conversations (each
// commit announced with the rows it touched), deleting a label or a conversation's account takes
// it off, the per-label view, filter and counts, and the migration of a version 9 file with its
// data kept.
#include "store/database.h"
#include "store/schema.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;
const QString kOther = QStringLiteral("6000000000000002");
const QString kThird = QStringLiteral("6000000000000003");

int problem(const Result<qint64> &saved)
{
    return saved ? 0 : (saved.error().kind == Error::Kind::Invalid ? saved.error().code : -1);
}

Label makeLabel(
    const QString &name, const QString &colour = QStringLiteral("#1976d2"), qint64 id = 0)
{
    return { id, name, colour };
}

InboxQuery query(std::optional<InboxView> view, qint64 labelId = 0, qint64 viewLabelId = 0)
{
    InboxQuery q;
    q.view = view;
    q.labelId = labelId;
    q.viewLabelId = viewLabelId;
    q.nowMs = kNow;
    return q;
}

int labelsVersion()
{
    for (const schema::Step &step : schema::steps()) {
        if (step.description == QLatin1String("labels"))
            return step.version;
    }
    return 0;
}

} // namespace

class TestLabelStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;

    QList<Label> all()
    {
        auto list = m_reader->labels();
        if (!list)
            qFatal("labels not read: %s", qPrintable(list.error().message));
        return *list;
    }

    StoredConversation conversationOf(const QString &who)
    {
        auto c = m_reader->conversationFor(kAccount, who);
        if (!c || !*c)
            qFatal("no conversation for %s", qPrintable(who));
        return **c;
    }

    qint64 addLabel(const QString &name)
    {
        auto id = awaitResult(m_store->saveLabel(makeLabel(name)));
        if (!id)
            qFatal("label not saved: %s", qPrintable(id.error().message));
        return *id;
    }

    void put(const QString &who, qint64 labelId, bool on = true)
    {
        QVERIFY(
            ok(awaitResult(m_store->setConversationLabel(conversationOf(who).id, labelId, on))));
    }

    QList<qint64> inboxIds(const InboxQuery &query)
    {
        auto rows = m_reader->inbox(query);
        if (!rows)
            qFatal("inbox not read: %s", qPrintable(rows.error().message));
        QList<qint64> ids;
        for (const StoredConversation &c : std::as_const(*rows))
            ids.append(c.id);
        return ids;
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

    void threeConversations()
    {
        QVERIFY(ok(awaitResult(m_store->applyEvents(
            { message(QStringLiteral("m1"), kNow - 3 * kHour, QStringLiteral("one")),
                message(QStringLiteral("m2"), kNow - 2 * kHour, QStringLiteral("two"), kOther),
                message(QStringLiteral("m3"), kNow - kHour, QStringLiteral("three"), kThird) }))));
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

    void addRenameRecolourDelete()
    {
        QSignalSpy changed(m_store.get(), &Store::changed);
        auto id = awaitResult(m_store->saveLabel(makeLabel(QStringLiteral("  VIP   client "))));
        QVERIFY(ok(id));
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().labelsChanged);
        QCOMPARE(all(),
            QList<Label> {
                makeLabel(QStringLiteral("VIP client"), QStringLiteral("#1976d2"), *id) });

        QVERIFY(ok(awaitResult(m_store->saveLabel(
            makeLabel(QStringLiteral("Wholesale"), QStringLiteral("#D32F2F"), *id)))));
        QCOMPARE(all(),
            QList<Label> {
                makeLabel(QStringLiteral("Wholesale"), QStringLiteral("#d32f2f"), *id) });

        changed.clear();
        QVERIFY(ok(awaitResult(m_store->removeLabel(*id))));
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().labelsChanged);
        QVERIFY(all().isEmpty());
    }

    void listedByName()
    {
        addLabel(QStringLiteral("returns"));
        addLabel(QStringLiteral("Invoice"));
        addLabel(QStringLiteral("VIP"));
        QStringList names;
        for (const Label &l : all())
            names << l.name;
        QCOMPARE(names,
            (QStringList {
                QStringLiteral("Invoice"), QStringLiteral("returns"), QStringLiteral("VIP") }));
    }

    void refusedAsValues()
    {
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        QCOMPARE(problem(awaitResult(m_store->saveLabel(makeLabel(QStringLiteral("vip"))))),
            int(label::NameTaken));
        QCOMPARE(problem(awaitResult(m_store->saveLabel(makeLabel(QStringLiteral("   "))))),
            int(label::NameMissing));
        QCOMPARE(problem(awaitResult(
                     m_store->saveLabel(makeLabel(QStringLiteral("Red"), QStringLiteral("red"))))),
            int(label::BadColour));
        QCOMPARE(problem(awaitResult(m_store->saveLabel(
                     makeLabel(QStringLiteral("Gone"), QStringLiteral("#000000"), vip + 100)))),
            int(label::NotFound));
        // Its own name in another case is a rename, not a clash.
        QVERIFY(ok(awaitResult(
            m_store->saveLabel(makeLabel(QStringLiteral("vip"), QStringLiteral("#000000"), vip)))));
        QCOMPARE(all().size(), 1);
        QCOMPARE(all().constFirst().name, QStringLiteral("vip"));

        threeConversations();
        auto onMissing = awaitResult(
            m_store->setConversationLabel(conversationOf(kCustomer).id, vip + 100, true));
        QVERIFY(!onMissing);
        QCOMPARE(onMissing.error().code, int(label::NotFound));
    }

    void putOnAndTakeOff()
    {
        threeConversations();
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        const qint64 invoice = addLabel(QStringLiteral("Invoice"));
        const qint64 id = conversationOf(kCustomer).id;

        QSignalSpy changed(m_store.get(), &Store::changed);
        put(kCustomer, vip);
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        QVERIFY(changed.constLast().at(0).value<StoreChange>().conversationIds.contains(id));
        put(kCustomer, invoice);
        put(kCustomer, vip); // again: no change, no error
        QList<qint64> on = conversationOf(kCustomer).labelIds;
        std::sort(on.begin(), on.end());
        QCOMPARE(on, (QList<qint64> { vip, invoice }));
        QVERIFY(conversationOf(kOther).labelIds.isEmpty());

        put(kCustomer, vip, false);
        QCOMPARE(conversationOf(kCustomer).labelIds, QList<qint64> { invoice });
        put(kCustomer, vip, false); // already off
        QCOMPARE(conversationOf(kCustomer).labelIds, QList<qint64> { invoice });
    }

    void deletingTakesItOffEveryConversation()
    {
        threeConversations();
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        const qint64 invoice = addLabel(QStringLiteral("Invoice"));
        put(kCustomer, vip);
        put(kOther, vip);
        put(kOther, invoice);

        QSignalSpy changed(m_store.get(), &Store::changed);
        QVERIFY(ok(awaitResult(m_store->removeLabel(vip))));
        QVERIFY(changed.wait(5000) || !changed.isEmpty());
        const StoreChange change = changed.constLast().at(0).value<StoreChange>();
        QVERIFY(change.conversationIds.contains(conversationOf(kCustomer).id));
        QVERIFY(change.conversationIds.contains(conversationOf(kOther).id));
        QVERIFY(conversationOf(kCustomer).labelIds.isEmpty());
        QCOMPARE(conversationOf(kOther).labelIds, QList<qint64> { invoice });

        auto left = m_reader->viewCounts(query(std::nullopt));
        QVERIFY(ok(left));
        QVERIFY(!left->labels.contains(vip));
        QCOMPARE(left->ofLabel(invoice), 1);
    }

    void removingTheAccountRemovesItsLabelsRows()
    {
        threeConversations();
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        put(kCustomer, vip);
        QVERIFY(ok(awaitResult(m_store->removeAccount(kAccount, true))));
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        {
            db.setDatabaseName(m_store->databasePath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM conversation_labels")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM labels")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1); // the label itself stays
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void viewFilterAndCountsPerLabel()
    {
        threeConversations();
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        const qint64 invoice = addLabel(QStringLiteral("Invoice"));
        put(kCustomer, vip);
        put(kOther, vip);
        put(kOther, invoice);
        put(kThird, invoice);
        // Done conversations leave the label's view (it lists open ones, as All does).
        QVERIFY(ok(awaitResult(
            m_store->setConversationStatus(conversationOf(kThird).id, ConversationStatus::Done))));

        InboxQuery view = query(InboxView::Label, 0, vip);
        QCOMPARE(inboxIds(view),
            (QList<qint64> { conversationOf(kOther).id, conversationOf(kCustomer).id }));
        view.viewLabelId = invoice;
        QCOMPARE(inboxIds(view), QList<qint64> { conversationOf(kOther).id });

        // The filter, with any view: Done shows the done one carrying it.
        InboxQuery filtered = query(InboxView::Done, invoice);
        QCOMPARE(inboxIds(filtered), QList<qint64> { conversationOf(kThird).id });
        filtered.view = InboxView::All;
        QCOMPARE(inboxIds(filtered), QList<qint64> { conversationOf(kOther).id });

        auto counts = m_reader->viewCounts(query(std::nullopt));
        QVERIFY(ok(counts));
        QCOMPARE(counts->all, 2);
        QCOMPARE(counts->ofLabel(vip), 2);
        QCOMPARE(counts->ofLabel(invoice), 1);
        // Counts follow the filters: with the invoice filter, VIP holds only the one carrying both.
        auto both = m_reader->viewCounts(query(std::nullopt, invoice));
        QVERIFY(ok(both));
        QCOMPARE(both->all, 1);
        QCOMPARE(both->ofLabel(vip), 1);
        QCOMPARE(both->done, 1);
    }

    void migratesFromTheVersionBeforeKeepingData()
    {
        const int version = labelsVersion();
        QVERIFY(version > 1);
        // A version 9 file with a conversation and a saved reply in it.
        threeConversations();
        QVERIFY(ok(awaitResult(m_store->saveReply({ 0, QStringLiteral("Hours"),
            QStringLiteral("hours"), QStringLiteral("9 to 5"), 0 }))));
        m_reader.reset();
        m_store.reset();
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("before"));
            db.setDatabaseName(Database::pathInDataDir(m_dir->path()));
            QVERIFY(db.open());
            QSqlQuery q(db);
            // Back past the labels step and the steps after it (team assignment, Done history, team
            // triage).
            for (const QString &sql : { QStringLiteral("DROP TABLE conversation_labels"),
                     QStringLiteral("DROP TABLE labels"),
                     QStringLiteral("DROP TABLE IF EXISTS conversation_done"),
                     QStringLiteral("DROP INDEX IF EXISTS conversations_assignee"),
                     QStringLiteral("ALTER TABLE conversations DROP COLUMN assignee"),
                     QStringLiteral("ALTER TABLE conversations DROP COLUMN status_by"),
                     QStringLiteral("PRAGMA user_version = %1").arg(version - 1) })
                QVERIFY2(q.exec(sql), qPrintable(sql));
            QVERIFY(!db.tables().contains(QStringLiteral("labels")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("before"));
        openStore();
        QCOMPARE(conversationOf(kOther).lastMessagePreview, QStringLiteral("two"));
        auto replies = m_reader->savedReplies();
        QVERIFY(ok(replies));
        QCOMPARE(replies->size(), 1);
        const qint64 vip = addLabel(QStringLiteral("VIP"));
        put(kOther, vip);
        QCOMPARE(conversationOf(kOther).labelIds, QList<qint64> { vip });
    }
};

QTEST_GUILESS_MAIN(TestLabelStore)
#include "tst_labelstore.moc"
