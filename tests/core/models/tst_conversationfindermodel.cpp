// The quick switcher's model over a real store: name/username lookup that ignores case and
// accents, prefix matches before substrings, newest first, stale answers dropped.
#include "models/conversationfindermodel.h"
#include "models/conversationlistmodel.h"
#include "models/storeinboxsource.h"
#include "store/textfold.h"
#include "support/contactinbox.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using Fixture = inlet::test::ContactInbox;

class TestConversationFinderModel : public QObject {
    Q_OBJECT
private:
    static constexpr int kCount = 600;
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<StoreInboxSource> m_source;

    static int numberOf(const ConversationRow &row) { return row.customerId.mid(1).toInt(); }

    static bool lookup(ConversationFinderModel &model, const QString &text)
    {
        QSignalSpy loaded(&model, &ConversationFinderModel::loaded);
        model.setQuery(text);
        return loaded.wait(10'000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = Store::open(m_dir.path());
        QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
        m_store = std::move(*opened);
        const QString failed = Fixture::fill(*m_store, kCount);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_source = std::make_shared<StoreInboxSource>(m_store->readers());
    }

    void cleanupTestCase()
    {
        m_source.reset();
        m_store.reset();
    }

    void emptyQueryListsTheMostRecent()
    {
        ConversationFinderModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(20);
        QVERIFY(lookup(model, QString()));
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(numberOf(model.rowAt(0)), kCount);
        QCOMPARE(numberOf(model.rowAt(19)), kCount - 19);
        QCOMPARE(model.data(model.index(0), ConversationListModel::NameRole).toString(),
            Fixture::name(kCount));
        QCOMPARE(model.data(model.index(0), ConversationListModel::UsernameRole).toString(),
            Fixture::username(kCount));
        QCOMPARE(model.data(model.index(0), ConversationListModel::AccountIdRole).toString(),
            Fixture::kAccount);
    }

    // A keystroke's answer replaces the rows in place (rows removed or inserted at the end, the
    // others changed), never a model reset: the view keeps its layout (docs/benchmarks-ui.md).
    void keystrokesChangeRowsInPlaceWithoutAReset()
    {
        ConversationFinderModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(50);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(lookup(model, QString()));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(lookup(model, QStringLiteral("shopper_59"))); // 59, 590..599: 11 rows
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(numberOf(model.rowAt(0)), 599);
        QCOMPARE(model.data(model.index(0), ConversationListModel::UsernameRole).toString(),
            Fixture::username(599));
        QVERIFY(lookup(model, QStringLiteral("shopper_599")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(numberOf(model.rowAt(0)), 599);
        QVERIFY(lookup(model, QStringLiteral("nobody by that name")));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(lookup(model, QStringLiteral("shopper_5")));
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(numberOf(model.rowAt(49)), 550); // 599..550
        QCOMPARE(resets.size(), 0);
    }

    void ignoresCaseAndAccents()
    {
        ConversationFinderModel model(m_source);
        model.setLimit(kCount);
        for (const QString &typed :
            { QStringLiteral("jose"), QStringLiteral("JOSÉ"), QStringLiteral("José") }) {
            QVERIFY(lookup(model, typed));
            QCOMPARE(model.rowCount(), kCount / 12); // every 12th first name is José
            for (int i = 0; i < model.rowCount(); ++i)
                QVERIFY(model.rowAt(i).name.startsWith(QStringLiteral("José")));
        }
        QVERIFY(lookup(model, QStringLiteral("muller")));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowAt(0).name.contains(QStringLiteral("Müller")));
    }

    void prefixMatchesFirstThenSubstringsEachNewestFirst()
    {
        ConversationFinderModel model(m_source);
        model.setLimit(kCount);
        // "an": Anna is a word start; Jansen only contains it.
        QVERIFY(lookup(model, QStringLiteral("an")));
        QVERIFY(model.rowCount() > 0);
        bool inSubstrings = false;
        int previous = INT_MAX;
        int prefixRows = 0;
        for (int i = 0; i < model.rowCount(); ++i) {
            const ConversationRow row = model.rowAt(i);
            const auto match = qMax(textfold::match(row.name, QStringLiteral("an")),
                textfold::match(row.username, QStringLiteral("an")));
            QVERIFY(match != textfold::Match::None);
            if (match == textfold::Match::Substring && !inSubstrings) {
                inSubstrings = true;
                previous = INT_MAX; // the order starts over in the second group
            }
            QVERIFY2(!(inSubstrings && match == textfold::Match::Prefix),
                "a prefix match after a substring one");
            prefixRows += match == textfold::Match::Prefix;
            QVERIFY(numberOf(row) < previous);
            previous = numberOf(row);
        }
        QVERIFY(prefixRows > 0);
        QVERIFY(inSubstrings);
    }

    void usernamesWithOrWithoutTheAt()
    {
        ConversationFinderModel model(m_source);
        model.setLimit(5);
        QVERIFY(lookup(model, QStringLiteral("@shopper_12")));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowAt(0).username, QStringLiteral("shopper_129")); // newest of 12, 120..129
        QVERIFY(lookup(model, QStringLiteral("shopper_599")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(numberOf(model.rowAt(0)), 599);
        QVERIFY(lookup(model, QStringLiteral("nobody by that name")));
        QCOMPARE(model.rowCount(), 0);
    }

    void onlyTheLatestKeystrokeIsShown()
    {
        ConversationFinderModel model(m_source);
        QSignalSpy loaded(&model, &ConversationFinderModel::loaded);
        model.setQuery(QStringLiteral("j"));
        model.setQuery(QStringLiteral("jo"));
        model.setQuery(QStringLiteral("shopper_42"));
        QVERIFY(model.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 10'000);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model.query(), QStringLiteral("shopper_42"));
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.rowAt(0).username, QStringLiteral("shopper_429"));
    }

    // The answers of the snapshot are those of the scan it replaced: every conversation's
    // name and username matched with textfold (word starts first, then substrings, each newest
    // first), non-ASCII names and typed accents included.
    void findsWhatAScanOfEveryNameFinds()
    {
        ConversationFinderModel model(m_source);
        model.setLimit(kCount);
        QVERIFY(lookup(model, QString())); // the switcher opening: the snapshot is read
        for (const QString &typed : { QStringLiteral("jose"), QStringLiteral("JOSÉ"),
                 QStringLiteral("zoe"), QStringLiteral("Zoë"), QStringLiteral("ömer"),
                 QStringLiteral("omer"), QStringLiteral("müll"), QStringLiteral("ELOD"),
                 QStringLiteral("an"), QStringLiteral("e"), QStringLiteral("@shopper_1"),
                 QStringLiteral("ia 1"), QStringLiteral("sofia martin"), QStringLiteral("ø") }) {
            QList<int> expectedPrefix;
            QList<int> expectedSubstring;
            const QString needle
                = textfold::fold(typed.startsWith(QLatin1Char('@')) ? typed.mid(1) : typed);
            for (int n = kCount; n >= 1; --n) { // newest first
                const auto match = qMax(textfold::match(Fixture::name(n), needle),
                    textfold::match(Fixture::username(n), needle));
                if (match == textfold::Match::Prefix)
                    expectedPrefix.append(n);
                else if (match == textfold::Match::Substring)
                    expectedSubstring.append(n);
            }
            QVERIFY(lookup(model, typed));
            QList<int> got;
            for (int i = 0; i < model.rowCount(); ++i)
                got.append(numberOf(model.rowAt(i)));
            QCOMPARE(got, expectedPrefix + expectedSubstring);
        }
    }

    // Keystrokes match the names read when the switcher opened (no scan of every name per
    // keystroke); the next opening reads them again.
    void keystrokesMatchTheSnapshotTakenAtOpening()
    {
        ConversationFinderModel model(m_source);
        QVERIFY(lookup(model, QString()));
        QVERIFY(lookup(model, QStringLiteral("Bartholomew")));
        QCOMPARE(model.rowCount(), 0);
        Contact renamed;
        renamed.id = Fixture::customerId(7);
        renamed.name = QStringLiteral("Bartholomew Ñúñez");
        renamed.username = Fixture::username(7);
        auto written = m_store->upsertContact(renamed);
        written.waitForFinished();
        QVERIFY(written.result().has_value());
        QVERIFY(lookup(model, QStringLiteral("Bartholomew")));
        QCOMPARE(model.rowCount(), 0); // still the names of the opening
        QVERIFY(lookup(model, QString())); // opened again
        QVERIFY(lookup(model, QStringLiteral("bartholomew nunez")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(numberOf(model.rowAt(0)), 7);
        QCOMPARE(model.rowAt(0).name, QStringLiteral("Bartholomew Ñúñez"));
        // Put back for the other tests.
        Contact original = renamed;
        original.name = Fixture::name(7);
        auto back = m_store->upsertContact(original);
        back.waitForFinished();
        QVERIFY(back.result().has_value());
    }

    void accountFilterApplies()
    {
        ConversationFinderModel model(m_source);
        model.setAccountFilter(QStringLiteral("another-account"));
        QVERIFY(lookup(model, QStringLiteral("jose")));
        QCOMPARE(model.rowCount(), 0);
        model.setAccountFilter(Fixture::kAccount);
        QVERIFY(lookup(model, QStringLiteral("jose")));
        QVERIFY(model.rowCount() > 0);
    }

    // A label's name finds the conversations carrying it (issue 13), after the names matching at
    // a word start, newest first; the rows carry their label ids for the chips.
    void labelNamesFindTheirConversations()
    {
        ConversationFinderModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLimit(kCount);
        QList<qint64> ids;
        for (const QString &user : { Fixture::username(300), Fixture::username(301) }) {
            QVERIFY(lookup(model, user));
            QCOMPARE(model.rowCount(), 1);
            ids.append(model.rowAt(0).id);
        }
        auto saved = m_store->saveLabel(
            { 0, QStringLiteral("Wholesale Ünion"), QStringLiteral("#2e7d32") });
        saved.waitForFinished();
        QVERIFY(saved.result().has_value());
        const qint64 label = *saved.result();
        for (qint64 id : ids) {
            auto on = m_store->setConversationLabel(id, label, true);
            on.waitForFinished();
            QVERIFY(on.result().has_value());
        }

        QVERIFY(lookup(model, QString())); // the switcher opening: names and labels read
        for (const QString &typed :
            { QStringLiteral("wholes"), QStringLiteral("WHOLESALE"), QStringLiteral("union") }) {
            QVERIFY(lookup(model, typed));
            QCOMPARE(model.rowCount(), 2);
            QCOMPARE(numberOf(model.rowAt(0)), 301);
            QCOMPARE(numberOf(model.rowAt(1)), 300);
            QCOMPARE(model.data(model.index(0), ConversationListModel::LabelIdsRole)
                         .value<QList<qint64>>(),
                QList<qint64> { label });
        }
        // "sal" starts no word of the label: a substring, after the names' word starts.
        QVERIFY(lookup(model, QStringLiteral("olesale")));
        QCOMPARE(model.rowCount(), 2);

        // Put on a conversation whose name also matches "an" at a word start, the label named
        // "Anchor" keeps the names first: rows matched by name, then those matched only by label.
        auto anchor
            = m_store->saveLabel({ 0, QStringLiteral("Anchor"), QStringLiteral("#1565c0") });
        anchor.waitForFinished();
        QVERIFY(anchor.result().has_value());
        auto on = m_store->setConversationLabel(ids.at(0), *anchor.result(), true);
        on.waitForFinished();
        QVERIFY(on.result().has_value());
        QVERIFY(lookup(model, QString()));
        QVERIFY(lookup(model, QStringLiteral("anch")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(numberOf(model.rowAt(0)), 300);
        QVERIFY(lookup(model, QStringLiteral("an")));
        int labelRow = -1;
        for (int i = 0; i < model.rowCount(); ++i) {
            const ConversationRow row = model.rowAt(i);
            const auto byName = qMax(textfold::match(row.name, QStringLiteral("an")),
                textfold::match(row.username, QStringLiteral("an")));
            if (numberOf(row) == 300 && byName != textfold::Match::Prefix)
                labelRow = i;
            else if (labelRow >= 0)
                QVERIFY2(byName != textfold::Match::Prefix, "a name's word start after a label's");
        }
        QVERIFY(labelRow >= 0
            || textfold::match(Fixture::name(300), QStringLiteral("an"))
                == textfold::Match::Prefix);

        for (qint64 id : { label, *anchor.result() }) {
            auto removed = m_store->removeLabel(id);
            removed.waitForFinished();
            QVERIFY(removed.result().has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestConversationFinderModel)
#include "tst_conversationfindermodel.moc"
