// Labels in the real inbox widgets (offscreen) over a real Store: a label put on a row from the
// list's context menu shows as a chip painted in the row, in the open conversation's header, and
// in its view's count; the key opens the open conversation's label menu; the per-label view and
// the label filter narrow the list; the shortcut is listed.
#include "app/inbox/inboxwidget.h"
#include "app/inbox/labelactions.h"
#include "app/inbox/labelchips.h"
#include "app/inbox/triagepanel.h"
#include "core/store/storetestutil.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "service/labels.h"
#include "store/store.h"
#include "support/await.h"
#include "support/inboxrows.h"
#include "support/menus.h"
#include "support/pixels.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QListView>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::app;
using inlet::test::actionNamed;
using inlet::test::pixelsOf;
using inlet::test::visibleMenu;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;
const QString kRed = QStringLiteral("#d32f2f");

QString customer(int n)
{
    return QStringLiteral("600000000000%1").arg(n);
}

} // namespace

class TestLabelWidget : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Labels> m_labels;
    std::unique_ptr<InboxWidget> m_widget;
    qint64 m_vip = 0;

    StoredConversation stored(int who)
    {
        return test::storedConversation(*m_store, kAccount, customer(who));
    }

    int rowOf(int who) const
    {
        return test::rowOfCustomer(*m_widget->conversations(), customer(who));
    }

    QStringList order() const { return test::customersIn(*m_widget->conversations()); }

    ConversationViewsModel *views() const { return m_widget->triagePanel()->views(); }

    QImage rowImage(int who)
    {
        QListView *list = m_widget->conversationList();
        const QRect rect = list->visualRect(m_widget->conversations()->index(rowOf(who)));
        return list->viewport()->grab(rect).toImage();
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
        QVERIFY(awaitResult(
            m_store->applyEvents({ storetest::message(QStringLiteral("a.1"), kNow - 3 * kHour,
                                       QStringLiteral("hello"), customer(1)),
                storetest::message(
                    QStringLiteral("a.2"), kNow - 2 * kHour, QStringLiteral("price?"), customer(2)),
                storetest::message(
                    QStringLiteral("a.3"), kNow - kHour, QStringLiteral("thanks"), customer(3)) }))
                    .has_value());
        auto vip = awaitResult(m_store->saveLabel({ 0, QStringLiteral("VIP"), kRed }));
        QVERIFY(vip.has_value());
        m_vip = *vip;
        m_labels = std::make_unique<Labels>(m_store.get());
        QTRY_VERIFY(m_labels->isLoaded());

        InboxServices services;
        services.store = m_store.get();
        services.source = std::make_shared<StoreInboxSource>(m_store->readers());
        services.labels = m_labels.get();
        m_widget = std::make_unique<InboxWidget>(services);
        feedModels(
            m_store.get(), m_widget->conversations(), m_widget->messages(), m_widget->views());
        m_widget->setClock([] { return kNow; });
        m_widget->resize(1200, 760);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 3);
        QTRY_VERIFY(views()->hasCounts());
    }

    void cleanup()
    {
        m_widget.reset();
        m_labels.reset();
        m_store.reset();
        m_dir.reset();
    }

    void contextMenuPutsALabelAndTheChipShows()
    {
        const int vipView = views()->rowOfLabel(m_vip);
        QVERIFY(vipView >= 0);
        QCOMPARE(views()->index(vipView).data(ConversationViewsModel::CountRole).toInt(), 0);
        QCOMPARE(pixelsOf(rowImage(2), QColor(kRed)), 0);

        QListView *list = m_widget->conversationList();
        const QRect rect = list->visualRect(m_widget->conversations()->index(rowOf(2)));
        QContextMenuEvent event(
            QContextMenuEvent::Mouse, rect.center(), list->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(list->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = visibleMenu(QStringLiteral("conversationMenu"))) != nullptr);
        QAction *labelsItem = actionNamed(menu, QStringLiteral("Labels"));
        QVERIFY(labelsItem && labelsItem->menu());
        QAction *vip = actionNamed(labelsItem->menu(), QStringLiteral("VIP"));
        QVERIFY(vip && vip->isCheckable() && !vip->isChecked());
        QVERIFY(actionNamed(labelsItem->menu(), QStringLiteral("Manage labels…")));
        vip->trigger();
        menu->close();

        QTRY_COMPARE(stored(2).labelIds, QList<qint64> { m_vip });
        // The row carries it and paints a chip in its colour; its view counts it.
        QTRY_COMPARE(m_widget->conversations()
                         ->index(rowOf(2))
                         .data(ConversationListModel::LabelIdsRole)
                         .value<QList<qint64>>(),
            QList<qint64> { m_vip });
        QTRY_VERIFY(pixelsOf(rowImage(2), QColor(kRed)) > 20);
        QCOMPARE(pixelsOf(rowImage(1), QColor(kRed)), 0);
        QTRY_COMPARE(views()->index(vipView).data(ConversationViewsModel::CountRole).toInt(), 1);

        // Open it: the header shows the chip.
        list->setCurrentIndex(m_widget->conversations()->index(rowOf(2)));
        QTRY_COMPARE(m_widget->currentConversationId(), stored(2).id);
        QVERIFY(m_widget->headerLabels()->isVisible());
        QCOMPARE(m_widget->headerLabels()->labels().size(), 1);
        QCOMPARE(m_widget->headerLabels()->labels().constFirst().name, QStringLiteral("VIP"));

        // The same menu takes it off again.
        QApplication::sendEvent(list->viewport(), &event);
        QTRY_VERIFY((menu = visibleMenu(QStringLiteral("conversationMenu"))) != nullptr);
        vip = actionNamed(
            actionNamed(menu, QStringLiteral("Labels"))->menu(), QStringLiteral("VIP"));
        QVERIFY(vip->isChecked());
        vip->trigger();
        menu->close();
        QTRY_VERIFY(stored(2).labelIds.isEmpty());
        QTRY_VERIFY(!m_widget->headerLabels()->isVisible());
        QTRY_COMPARE(views()->index(vipView).data(ConversationViewsModel::CountRole).toInt(), 0);
    }

    void keyOpensTheOpenConversationsLabelMenu()
    {
        auto *button = m_widget->findChild<QToolButton *>(QStringLiteral("labelsButton"));
        QVERIFY(button && !button->isEnabled()); // no conversation open yet
        QListView *list = m_widget->conversationList();
        list->setCurrentIndex(m_widget->conversations()->index(rowOf(1)));
        QTRY_COMPARE(m_widget->currentConversationId(), stored(1).id);
        QVERIFY(m_widget->labelActions()->menuAction()->isEnabled());
        QVERIFY(button->isEnabled());
        QTest::keySequence(m_widget.get(), LabelActions::menuKeys());
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = visibleMenu(QStringLiteral("labelMenu"))) != nullptr);
        QAction *vip = actionNamed(menu, QStringLiteral("VIP"));
        QVERIFY(vip);
        vip->trigger();
        menu->close();
        QTRY_COMPARE(stored(1).labelIds, QList<qint64> { m_vip });
        QTRY_COMPARE(m_widget->headerLabels()->labels().size(), 1);

        bool listed = false;
        for (const auto &[keys, what] : InboxWidget::shortcutDescriptions())
            listed = listed || keys == LabelActions::menuKeys().toString(QKeySequence::NativeText);
        QVERIFY(listed);
    }

    void labelViewAndFilterNarrowTheList()
    {
        QVERIFY(awaitResult(m_store->setConversationLabel(stored(1).id, m_vip, true)).has_value());
        QVERIFY(awaitResult(m_store->setConversationLabel(stored(3).id, m_vip, true)).has_value());
        QTRY_COMPARE(views()->counts().ofLabel(m_vip), 2);

        QListView *viewList = m_widget->triagePanel()->viewList();
        const QRect rect = viewList->visualRect(views()->index(views()->rowOfLabel(m_vip)));
        QVERIFY(viewList->viewport()->rect().contains(rect.center())); // the list grew to show it
        QTest::mouseClick(viewList->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_widget->triagePanel()->currentView(), InboxView::Label);
        QCOMPARE(m_widget->triagePanel()->currentViewLabel(), m_vip);
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("3"), QStringLiteral("1") }));

        m_widget->triagePanel()->setCurrentView(InboxView::All);
        QTRY_COMPARE(order().size(), 3);
        QComboBox *filter = m_widget->triagePanel()->labelFilter();
        QVERIFY(filter->isVisible());
        filter->setCurrentIndex(filter->findData(m_vip));
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("3"), QStringLiteral("1") }));
        QTRY_COMPARE(views()->counts().all, 2);

        // The label deleted: its view and filter choice go, the list shows everything again.
        QVERIFY(awaitResult(m_store->removeLabel(m_vip)).has_value());
        QTRY_COMPARE(views()->rowOfLabel(m_vip), -1);
        QTRY_COMPARE(filter->currentData().toLongLong(), qint64(0));
        QTRY_COMPARE(order().size(), 3);
    }
};

QTEST_MAIN(TestLabelWidget)
#include "tst_labelwidget.moc"
