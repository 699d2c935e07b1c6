// Labels in the models over a real Store: ConversationViewsModel lists one view per label after
// the fixed ones, with its count, following the store (a label put on, taken off, deleted); the
// conversation list in a label's view and with the label filter holds the right conversations,
// gains and loses rows as labels are put on and taken off (InboxFilter::accepts agrees with the
// query); the rows carry their label ids. Both models under QAbstractItemModelTester.
#include "core/store/storetestutil.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/storeinboxsource.h"
#include "store/store.h"
#include "support/await.h"
#include "support/inboxrows.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using inlet::test::customersIn;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;

QString customer(int n)
{
    return QStringLiteral("60000000000%1").arg(n, 5, 10, QLatin1Char('0'));
}

InboundEvent message(const QString &mid, qint64 ts, int who)
{
    return storetest::message(mid, ts, QStringLiteral("text %1").arg(mid), customer(who));
}

} // namespace

class TestLabelModels : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<StoreInboxSource> m_source;
    qint64 m_vip = 0;
    qint64 m_invoice = 0;

    qint64 idOf(int who)
    {
        auto row = m_source->inboxPage({}, std::nullopt, 100);
        for (const ConversationRow &r : *row)
            if (r.customerId == customer(who))
                return r.id;
        return 0;
    }

    void put(int who, qint64 label, bool on = true)
    {
        QVERIFY(awaitResult(m_store->setConversationLabel(idOf(who), label, on)).has_value());
    }

    QList<Label> labels()
    {
        return { { m_invoice, QStringLiteral("Invoice"), QStringLiteral("#388e3c") },
            { m_vip, QStringLiteral("VIP"), QStringLiteral("#d32f2f") } };
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        StoreOptions options;
        options.clock = [] { return kNow; };
        auto opened = Store::open(m_dir->path(), options);
        QVERIFY(opened.has_value());
        m_store = std::move(*opened);
        QVERIFY(
            awaitResult(m_store->applyEvents({ message(QStringLiteral("c1"), kNow - 4 * kHour, 1),
                            message(QStringLiteral("c2"), kNow - 3 * kHour, 2),
                            message(QStringLiteral("c3"), kNow - 2 * kHour, 3) }))
                .has_value());
        m_source = std::make_shared<StoreInboxSource>(m_store->readers());
        m_vip = *awaitResult(
            m_store->saveLabel({ 0, QStringLiteral("VIP"), QStringLiteral("#d32f2f") }));
        m_invoice = *awaitResult(
            m_store->saveLabel({ 0, QStringLiteral("Invoice"), QStringLiteral("#388e3c") }));
        put(1, m_vip);
        put(2, m_vip);
        put(2, m_invoice);
    }

    void cleanup()
    {
        m_source.reset();
        m_store.reset();
        m_dir.reset();
    }

    void oneViewPerLabelWithItsCount()
    {
        ConversationViewsModel views(m_source);
        QAbstractItemModelTester tester(
            &views, QAbstractItemModelTester::FailureReportingMode::QtTest);
        views.setClock([] { return kNow; });
        views.setCoalesceInterval(0);
        connect(m_store.get(), &Store::changed, &views, &ConversationViewsModel::applyStoreChange);
        const int fixed = views.rowCount();
        views.setLabels(labels());
        QCOMPARE(views.rowCount(), fixed + 2);
        const int vipRow = views.rowOfLabel(m_vip);
        QCOMPARE(vipRow, fixed + 1); // by name: Invoice, VIP
        QCOMPARE(views.viewAt(vipRow), InboxView::Label);
        QCOMPARE(views.labelAt(vipRow), m_vip);
        QCOMPARE(views.labelAt(views.rowOf(InboxView::All)), qint64(0));
        const QModelIndex vip = views.index(vipRow);
        QCOMPARE(vip.data().toString(), QStringLiteral("VIP"));
        QCOMPARE(
            vip.data(ConversationViewsModel::ColourRole).toString(), QStringLiteral("#d32f2f"));
        QCOMPARE(vip.data(ConversationViewsModel::LabelIdRole).toLongLong(), m_vip);

        QSignalSpy counted(&views, &ConversationViewsModel::countsChanged);
        views.setFilter({});
        QVERIFY(counted.wait(5000));
        QCOMPARE(vip.data(ConversationViewsModel::CountRole).toInt(), 2);
        QCOMPARE(views.index(views.rowOfLabel(m_invoice))
                     .data(ConversationViewsModel::CountRole)
                     .toInt(),
            1);
        QCOMPARE(vip.data(Qt::AccessibleTextRole).toString(), QStringLiteral("VIP (2)"));

        // Put on, taken off, done: the counts follow the store.
        put(3, m_vip);
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().ofLabel(m_vip), 3, 5000);
        put(1, m_vip, false);
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().ofLabel(m_vip), 2, 5000);
        QVERIFY(awaitResult(m_store->setConversationStatus(idOf(2), ConversationStatus::Done))
                    .has_value());
        QTRY_COMPARE_WITH_TIMEOUT(views.counts().ofLabel(m_vip), 1, 5000);
        QCOMPARE(views.counts().ofLabel(m_invoice), 0);

        // The label filter narrows the per-label counts too.
        InboxFilter onlyInvoice;
        onlyInvoice.labelId = m_invoice;
        QSignalSpy recounted(&views, &ConversationViewsModel::countsChanged);
        views.setFilter(onlyInvoice);
        QVERIFY(recounted.wait(5000));
        QCOMPARE(views.counts().all, 0);
        QCOMPARE(views.counts().done, 1);
        QCOMPARE(views.counts().ofLabel(m_vip), 0);

        // A deleted label's view goes.
        views.setLabels({ labels().constFirst() });
        QCOMPARE(views.rowCount(), fixed + 1);
        QCOMPARE(views.rowOfLabel(m_vip), -1);
    }

    void labelViewAndFilterSelectTheRightRows()
    {
        ConversationListModel model(m_source);
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return kNow; });
        connect(m_store.get(), &Store::changed, &model, &ConversationListModel::applyStoreChange);
        QSignalSpy loaded(&model, &ConversationListModel::loaded);

        InboxFilter vipView;
        vipView.view = InboxView::Label;
        vipView.viewLabelId = m_vip;
        model.setFilter(vipView);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model), QStringList({ QStringLiteral("2"), QStringLiteral("1") }));
        QList<qint64> onTwo
            = model.index(0).data(ConversationListModel::LabelIdsRole).value<QList<qint64>>();
        std::sort(onTwo.begin(), onTwo.end());
        QCOMPARE(onTwo, (QList<qint64> { m_vip, m_invoice }));

        // Put on: the row comes in; taken off: it goes.
        put(3, m_vip);
        QTRY_COMPARE_WITH_TIMEOUT(customersIn(model),
            QStringList({ QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1") }), 5000);
        put(1, m_vip, false);
        QTRY_COMPARE_WITH_TIMEOUT(
            customersIn(model), QStringList({ QStringLiteral("3"), QStringLiteral("2") }), 5000);

        // The label filter with the All view.
        InboxFilter invoice;
        invoice.view = InboxView::All;
        invoice.labelId = m_invoice;
        loaded.clear();
        model.setFilter(invoice);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(customersIn(model), QStringList({ QStringLiteral("2") }));
        put(1, m_invoice);
        QTRY_COMPARE_WITH_TIMEOUT(
            customersIn(model), QStringList({ QStringLiteral("2"), QStringLiteral("1") }), 5000);

        // Deleting the label empties its filter.
        QVERIFY(awaitResult(m_store->removeLabel(m_invoice)).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 5000);
    }

    void acceptsAgreesWithTheQuery()
    {
        ConversationRow row;
        row.labelIds = { m_vip };
        InboxFilter f;
        QVERIFY(f.accepts(row, kNow));
        f.labelId = m_invoice;
        QVERIFY(!f.accepts(row, kNow));
        f.labelId = m_vip;
        QVERIFY(f.accepts(row, kNow));
        f = {};
        f.view = InboxView::Label;
        f.viewLabelId = m_vip;
        QVERIFY(f.accepts(row, kNow));
        row.status = ConversationStatus::Done;
        QVERIFY(!f.accepts(row, kNow)); // the label's view lists open ones
        QCOMPARE(f.withoutView().viewLabelId, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestLabelModels)
#include "tst_labelmodels.moc"
