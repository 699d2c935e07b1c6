// The saved replies' list model (the editor's list, the composer's picker) under
// QAbstractItemModelTester: filled, filtered by shortcut or title, refilled, and its roles.
#include "models/savedreplymodel.h"
#include "support/savedreplyfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using inlet::test::savedReply;

namespace {

const QList<SavedReply> kReplies {
    savedReply(QStringLiteral("Thanks"), QStringLiteral("ty"), QStringLiteral("Thank you!"), 1),
    savedReply(
        QStringLiteral("Opening hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"), 2),
    savedReply(QStringLiteral("Address"), QString(), QStringLiteral("Main St 1"), 3),
};

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.data(model.index(row, 0), role).toString());
    return out;
}

} // namespace

class TestSavedReplyModel : public QObject {
    Q_OBJECT

private slots:
    void filledAndFiltered()
    {
        SavedReplyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setReplies(kReplies);
        QCOMPARE(column(model, SavedReplyModel::TitleRole),
            QStringList({ QStringLiteral("Address"), QStringLiteral("Opening hours"),
                QStringLiteral("Thanks") }));
        QCOMPARE(column(model, Qt::DisplayRole),
            QStringList({ QStringLiteral("Address"), QStringLiteral("Opening hours    /hours"),
                QStringLiteral("Thanks    /ty") }));

        // The shortcut starting with it first, then titles containing it.
        model.setFilter(QStringLiteral("h"));
        QCOMPARE(column(model, SavedReplyModel::TitleRole),
            QStringList({ QStringLiteral("Opening hours"), QStringLiteral("Thanks") }));
        model.setFilter(QStringLiteral("HOU"));
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.data(first, SavedReplyModel::IdRole).toLongLong(), 2);
        QCOMPARE(
            model.data(first, SavedReplyModel::ShortcutRole).toString(), QStringLiteral("hours"));
        QCOMPARE(model.data(first, SavedReplyModel::TextRole).toString(), QStringLiteral("9 to 5"));
        QCOMPARE(model.data(first, Qt::ToolTipRole).toString(), QStringLiteral("9 to 5"));
        QCOMPARE(model.replyAt(0).title, QStringLiteral("Opening hours"));
        QCOMPARE(model.replyAt(5), SavedReply());
        QCOMPARE(model.rowOf(2), 0);
        QCOMPARE(model.rowOf(1), -1);
        model.setFilter(QStringLiteral("nothing like it"));
        QCOMPARE(model.rowCount(), 0);
        model.setFilter({});
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.roleNames().contains(SavedReplyModel::ShortcutRole));
    }

    void refilledWhenTheListChanges()
    {
        SavedReplyModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(QStringLiteral("hours"));
        model.setReplies(kReplies);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // The same rows again: no reset (an open picker keeps its selection).
        model.setReplies(kReplies);
        QCOMPARE(reset.size(), 0);
        QList<SavedReply> more = kReplies;
        more.append(savedReply(QStringLiteral("Holiday hours"), QStringLiteral("holiday"),
            QStringLiteral("Closed"), 4));
        model.setReplies(more);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(column(model, SavedReplyModel::TitleRole),
            QStringList({ QStringLiteral("Opening hours"), QStringLiteral("Holiday hours") }));
        model.setReplies({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSavedReplyModel)
#include "tst_savedreplymodel.moc"
