// The SavedReplies service: its list read through the store's reader pool at start and again
// after each write (its own, or any other commit that touched saved replies), import and export
// as JSON (a bad file is a value, the store untouched), and the agent's name.
#include "core/store/storetestutil.h"
#include "model/savedreplyjson.h"
#include "service/savedreplies.h"
#include "store/store.h"
#include "support/savedreplyfixture.h"

#include "support/await.h"
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using inlet::test::savedReply;

class TestSavedReplies : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto store = Store::open(m_dir->path());
        QVERIFY(store.has_value());
        m_store = std::move(*store);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void readsAndFollowsTheStore()
    {
        QVERIFY(awaitResult(m_store->saveReply(savedReply(QStringLiteral("Hours"), QStringLiteral("hours"),
                         QStringLiteral("9 to 5"))))
                    .has_value());
        SavedReplies replies(m_store.get());
        QVERIFY(!replies.isLoaded());
        QTRY_VERIFY(replies.isLoaded());
        QCOMPARE(replies.replies().size(), 1);

        QSignalSpy changed(&replies, &SavedReplies::repliesChanged);
        auto saved = awaitResult(replies.save(savedReply(
            QStringLiteral("Address"), QStringLiteral("addr"), QStringLiteral("Main St 1"))));
        QVERIFY(saved.has_value());
        QTRY_COMPARE(replies.replies().size(), 2);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(replies.replies().constFirst().title, QStringLiteral("Address"));

        // A write that did not go through this service (another window, an import) is seen too.
        QVERIFY(awaitResult(m_store->removeReply(*saved)).has_value());
        QTRY_COMPARE(replies.replies().size(), 1);

        const Status removed = awaitResult(replies.remove(*saved));
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, int(savedreply::NotFound));
    }

    void importAndExport()
    {
        SavedReplies replies(m_store.get());
        QTRY_VERIFY(replies.isLoaded());
        auto imported = awaitResult(replies.importJson(savedreplyjson::write({
            savedReply(QStringLiteral("Thanks"), QStringLiteral("ty"),
                QStringLiteral("Thank you, {first_name}!")),
            savedReply(QStringLiteral("Hours"), QString(), QStringLiteral("9 to 5")),
        })));
        QVERIFY(imported.has_value());
        QCOMPARE(*imported, 2);
        QTRY_COMPARE(replies.replies().size(), 2);

        auto exported = savedreplyjson::read(replies.exportJson());
        QVERIFY(exported.has_value());
        QCOMPARE(exported->size(), 2);
        QCOMPARE(exported->at(1).text, QStringLiteral("Thank you, {first_name}!"));

        // A broken file is an error value and changes nothing.
        auto broken = awaitResult(replies.importJson("{\"format\": 1"));
        QVERIFY(!broken);
        QCOMPARE(broken.error().kind, Error::Kind::Parse);
        auto refused = awaitResult(replies.importJson(R"([{"title":"A","shortcut":"hours","text":"x"},
                                                   {"title":"B","shortcut":"HOURS","text":"y"}])"));
        QVERIFY(refused.has_value()); // the second replaces the first: same shortcut
        QTRY_COMPARE(replies.replies().size(), 3);
    }

    void agentName()
    {
        SavedReplies replies(m_store.get());
        QSignalSpy named(&replies, &SavedReplies::agentNameChanged);
        replies.setAgentName(QStringLiteral("  Marta   S. "));
        QCOMPARE(replies.agentName(), QStringLiteral("Marta S."));
        replies.setAgentName(QStringLiteral("Marta S."));
        QCOMPARE(named.size(), 1);
        QCOMPARE(named.constFirst().at(0).toString(), QStringLiteral("Marta S."));
    }
};

QTEST_GUILESS_MAIN(TestSavedReplies)
#include "tst_savedreplies.moc"
