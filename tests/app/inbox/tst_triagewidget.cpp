// Triage in the real inbox widgets (offscreen) over a real Store: the keys mark the open
// conversation Done / snoozed / unread, the view list's counts follow, the header's buttons and
// the list's context menu do the same, reading clears the unread mark, and the Reply window view
// lists the soonest to close first with the countdown painted on each row. Screenshots of the new
// list in light and dark.
#include "app/inbox/conversationdelegate.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/triageactions.h"
#include "app/inbox/triagepanel.h"
#include "app/shell/theme.h"
#include "core/store/storetestutil.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "store/guithread.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/menus.h"
#include "support/testsupport.h"
#include "support/themeshots.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace inlet;
using inlet::test::awaitResult;
using inlet::test::visibleMenu;
using namespace inlet::app;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kNow = 1'780'000'000'000;
const qint64 kHour = 3600LL * 1000;

QString customer(int n)
{
    return QStringLiteral("600000000000%1").arg(n);
}

InboundEvent message(
    const QString &mid, qint64 ts, const QString &text, int who, bool outgoing = false)
{
    return storetest::message(mid, ts, text, customer(who), outgoing);
}

QAction *actionStartingWith(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text().startsWith(text))
            return a;
    return nullptr;
}

} // namespace

class TestTriageWidget : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<InboxWidget> m_widget;

    void apply(const QList<InboundEvent> &events)
    {
        const Status s = awaitResult(m_store->applyEvents(events));
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
    }

    // What the store holds (a test's own read on the GUI thread).
    StoredConversation stored(int who)
    {
        return guithread::allowed([&] {
            auto reader = StoreReader::open(m_store->databasePath());
            return (*(*reader)->conversationFor(kAccount, customer(who))).value();
        });
    }

    int rowOf(int who) const
    {
        ConversationListModel *list = m_widget->conversations();
        for (int i = 0; i < list->rowCount(); ++i)
            if (list->rowAt(i).customerId == customer(who))
                return i;
        return -1;
    }

    QStringList order() const
    {
        QStringList who;
        for (int i = 0; i < m_widget->conversations()->rowCount(); ++i)
            who << m_widget->conversations()->rowAt(i).customerId.right(1);
        return who;
    }

    ConversationViewsModel *views() const { return m_widget->triagePanel()->views(); }

    void open(int who)
    {
        const int row = rowOf(who);
        QVERIFY(row >= 0);
        m_widget->conversationList()->setCurrentIndex(m_widget->conversations()->index(row));
        QTRY_COMPARE(m_widget->currentConversationId(), m_widget->conversations()->rowAt(row).id);
    }

    void chooseView(InboxView view)
    {
        QListView *list = m_widget->triagePanel()->viewList();
        const QRect rect = list->visualRect(views()->index(views()->rowOf(view)));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_widget->triagePanel()->currentView(), view);
        QTRY_VERIFY(!m_widget->conversations()->isLoading());
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
        Account account;
        account.id = kAccount;
        account.username = QStringLiteral("shop");
        QVERIFY(awaitResult(m_store->upsertAccount(account)).has_value());
        const QStringList names { QStringLiteral("Ana Souza"), QStringLiteral("Ben Okafor"),
            QStringLiteral("Chloé Martin"), QStringLiteral("Dev Patel") };
        for (int who = 1; who <= 4; ++who) {
            Contact c;
            c.id = customer(who);
            c.name = names.at(who - 1);
            c.username = c.name.toLower().remove(QLatin1Char(' '));
            QVERIFY(awaitResult(m_store->upsertContact(c)).has_value());
        }
        // 1 wrote 23 h ago (1 h left of the 24 h), 2 3 h ago, 3 1 h ago; 4 was answered.
        apply({ message(QStringLiteral("a.1"), kNow - 23 * kHour,
                    QStringLiteral("hi, question about my order"), 1),
            message(
                QStringLiteral("a.2"), kNow - 3 * kHour, QStringLiteral("is this in stock?"), 2),
            message(QStringLiteral("a.3"), kNow - 1 * kHour, QStringLiteral("thanks!"), 3),
            message(QStringLiteral("a.4"), kNow - 5 * kHour,
                QStringLiteral("do you ship to Porto?"), 4),
            message(QStringLiteral("a.4r"), kNow - 4 * kHour, QStringLiteral("We do!"), 4, true) });

        InboxServices services;
        services.store = m_store.get();
        services.source = std::make_shared<StoreInboxSource>(m_store->readers());
        m_widget = std::make_unique<InboxWidget>(services);
        feedModels(
            m_store.get(), m_widget->conversations(), m_widget->messages(), m_widget->views());
        m_widget->setClock([] { return kNow; });
        m_widget->setAccounts({ { kAccount, QStringLiteral("My Shop") } });
        m_widget->resize(1200, 760);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 4);
        QTRY_VERIFY(views()->hasCounts());
    }

    void cleanup()
    {
        m_widget.reset();
        m_store.reset();
        m_dir.reset();
    }

    void keysMarkDoneAndTheCountsFollow()
    {
        QCOMPARE(m_widget->triagePanel()->currentView(), InboxView::All);
        QCOMPARE(views()->counts().all, 4);
        QCOMPARE(views()->counts().needsReply, 3);
        QCOMPARE(views()->counts().done, 0);

        open(3);
        QVERIFY(!m_widget->statusLabel()->isVisible()); // open: nothing to say
        QTest::keyClick(m_widget.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(stored(3).status, ConversationStatus::Done);
        QTRY_COMPARE(rowOf(3), -1); // out of All
        QTRY_COMPARE(views()->counts().done, 1);
        QCOMPARE(views()->counts().needsReply, 2);
        QCOMPARE(views()->counts().all, 3);
        const QModelIndex doneRow = views()->index(views()->rowOf(InboxView::Done));
        QCOMPARE(doneRow.data(ConversationViewsModel::CountRole).toInt(), 1);

        // The Done view lists it; the same key reopens it.
        chooseView(InboxView::Done);
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("3") }));
        open(3);
        QCOMPARE(m_widget->triageActions()->doneAction()->text(), QStringLiteral("Reopen"));
        // The header says so; solo mode names nobody.
        QCOMPARE(m_widget->statusLabel()->text(), QStringLiteral("Done"));
        QVERIFY(m_widget->statusLabel()->isVisible());
        QTest::keyClick(m_widget.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(stored(3).status, ConversationStatus::Open);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 0);
        QTRY_COMPARE(views()->counts().done, 0);

        // Done with the header's button, then the customer writes: back in Needs reply.
        chooseView(InboxView::NeedsReply);
        QTRY_COMPARE(order(),
            QStringList({ QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1") }));
        open(2);
        auto *doneButton = m_widget->findChild<QToolButton *>(QStringLiteral("doneButton"));
        QVERIFY(doneButton && doneButton->isVisible());
        QTest::mouseClick(doneButton, Qt::LeftButton);
        QTRY_COMPARE(stored(2).status, ConversationStatus::Done);
        QTRY_COMPARE(rowOf(2), -1);
        QTRY_COMPARE(views()->counts().needsReply, 2);
        apply({ message(QStringLiteral("a.2b"), kNow - 60'000, QStringLiteral("hello?"), 2) });
        QTRY_COMPARE(rowOf(2), 0);
        QCOMPARE(stored(2).status, ConversationStatus::Open);
        QTRY_COMPARE(views()->counts().needsReply, 3);
    }

    void snoozeFromTheKeyAndTheMenu()
    {
        // The header's buttons wait for a conversation, Snooze (a menu button) included.
        auto *snoozeButton = m_widget->findChild<QToolButton *>(QStringLiteral("snoozeButton"));
        auto *doneButton = m_widget->findChild<QToolButton *>(QStringLiteral("doneButton"));
        QVERIFY(snoozeButton && doneButton);
        QVERIFY(!doneButton->isEnabled());
        QVERIFY(!snoozeButton->isEnabled());
        open(2);
        QVERIFY(snoozeButton->isEnabled());
        QTest::keyClick(m_widget.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QMenu *menu = m_widget->triageActions()->snoozeMenu();
        QTRY_VERIFY(menu->isVisible());
        QStringList entries;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                entries << a->text().section(QLatin1Char('\t'), 0, 0);
        QVERIFY2(entries.contains(QStringLiteral("In 1 hour")), qPrintable(entries.join(u", ")));
        QVERIFY(entries.contains(QStringLiteral("Tomorrow morning")));
        QVERIFY(entries.contains(QStringLiteral("Next week")));
        QVERIFY(entries.contains(QStringLiteral("Custom date and time…")));
        actionStartingWith(menu, QStringLiteral("In 1 hour"))->trigger();
        menu->close();
        QTRY_COMPARE(stored(2).status, ConversationStatus::Snoozed);
        QCOMPARE(stored(2).snoozedUntilMs, kNow + kHour);
        QTRY_COMPARE(rowOf(2), -1);
        QTRY_COMPARE(views()->counts().snoozed, 1);

        // The Snoozed view shows until when; Open now from the menu brings it back.
        chooseView(InboxView::Snoozed);
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("2") }));
        QCOMPARE(m_widget->conversations()
                     ->index(0)
                     .data(ConversationListModel::SnoozedUntilRole)
                     .toLongLong(),
            kNow + kHour);
        open(2);
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(kNow + kHour);
        const QString time = QLocale().toString(until.time(), QLocale::ShortFormat);
        QCOMPARE(m_widget->statusLabel()->text(),
            QStringLiteral("Snoozed until %1")
                .arg(until.date() == QDateTime::fromMSecsSinceEpoch(kNow).date()
                        ? time
                        : QLocale().dayName(until.date().dayOfWeek(), QLocale::ShortFormat) + u' '
                            + time));
        // The closed popup took the activation with it (offscreen): the window's keys need it back.
        QApplication::setActiveWindow(m_widget.get());
        QTRY_VERIFY(m_widget->isActiveWindow());
        QTest::keyClick(m_widget.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(menu->isVisible());
        QAction *openNow = actionStartingWith(menu, QStringLiteral("Open now"));
        QVERIFY(openNow);
        openNow->trigger();
        menu->close();
        QTRY_COMPARE(stored(2).status, ConversationStatus::Open);
        QTRY_COMPARE(views()->counts().snoozed, 0);
    }

    void markUnreadAndReadingClearsIt()
    {
        open(3);
        QTRY_COMPARE(stored(3).unreadCount, 0);
        QTest::keyClick(m_widget.get(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(stored(3).markedUnread);
        QTRY_VERIFY(m_widget->conversations()
                        ->index(rowOf(3))
                        .data(ConversationListModel::IsUnreadRole)
                        .toBool());
        // Elsewhere and back: reading it clears the mark.
        open(2);
        open(3);
        QTRY_VERIFY(!stored(3).markedUnread);
        QTRY_VERIFY(!m_widget->conversations()
                         ->index(rowOf(3))
                         .data(ConversationListModel::IsUnreadRole)
                         .toBool());
    }

    void contextMenuOnARow()
    {
        QListView *list = m_widget->conversationList();
        const QRect rect = list->visualRect(m_widget->conversations()->index(rowOf(1)));
        QContextMenuEvent event(
            QContextMenuEvent::Mouse, rect.center(), list->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(list->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = visibleMenu(QStringLiteral("conversationMenu"))) != nullptr);
        QVERIFY(actionStartingWith(menu, QStringLiteral("Snooze")));
        QVERIFY(actionStartingWith(menu, QStringLiteral("Mark as unread")));
        // Without opening the conversation: Done on that row.
        QCOMPARE(m_widget->currentConversationId(), qint64(0));
        actionStartingWith(menu, QStringLiteral("Done"))->trigger();
        menu->close();
        QTRY_COMPARE(stored(1).status, ConversationStatus::Done);
        QCOMPARE(m_widget->currentConversationId(), qint64(0));
    }

    void replyWindowCountdownOrder()
    {
        chooseView(InboxView::ReplyWindow);
        // The soonest to close first: 1 (1 h left), 2 (21 h), 3 (23 h); 4 is answered.
        QTRY_COMPARE(order(),
            QStringList({ QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }));
        QTRY_COMPARE(views()->counts().replyWindow, 3);
        QCOMPARE(m_widget->conversations()
                     ->index(0)
                     .data(ConversationListModel::WindowTimeLeftRole)
                     .toLongLong(),
            kHour);
        // The delegate paints the countdown, one timer repaints the visible rows.
        auto *delegate
            = qobject_cast<ConversationDelegate *>(m_widget->conversationList()->itemDelegate());
        QVERIFY(delegate && delegate->countdown());
        QVERIFY(m_widget->countdownTimer()->isActive());
        QCOMPARE(
            ConversationDelegate::countdownText(kHour, int(MessagingWindow::State::ClosingSoon)),
            QStringLiteral("1:00:00"));
        QCOMPARE(ConversationDelegate::countdownText(
                     21 * kHour + 61'000, int(MessagingWindow::State::Open)),
            QStringLiteral("21:01:01"));
        QCOMPARE(ConversationDelegate::countdownText(
                     5 * 24 * kHour + 3 * kHour, int(MessagingWindow::State::HumanAgent)),
            QStringLiteral("5 d 3 h"));

        // A reply takes it out of the view; the rest keep their order.
        apply({ message(
            QStringLiteral("r.1"), kNow - 60'000, QStringLiteral("On its way!"), 1, true) });
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("2"), QStringLiteral("3") }));

        chooseView(InboxView::All);
        QVERIFY(!delegate->countdown());
        QVERIFY(!m_widget->countdownTimer()->isActive());
        QTRY_COMPARE(order().constFirst(), QStringLiteral("1"));
    }

    void filtersNarrowTheListAndTheCounts()
    {
        InboundEvent story = message(QStringLiteral("s.1"), kNow - 30 * 60'000, QString(), 2);
        AttachmentData mention;
        mention.type = QStringLiteral("story_mention");
        mention.url = QStringLiteral("https://cdn.example/story.jpg");
        story.attachments.append(mention);
        apply({ story });
        m_widget->triagePanel()->storyFilter()->setChecked(true);
        QTRY_COMPARE(order(), QStringList({ QStringLiteral("2") }));
        QTRY_COMPARE(views()->counts().all, 1);
        m_widget->triagePanel()->attachmentFilter()->setChecked(true);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 0);
        m_widget->triagePanel()->storyFilter()->setChecked(false);
        m_widget->triagePanel()->attachmentFilter()->setChecked(false);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 4);
        QTRY_COMPARE(views()->counts().all, 4);
    }

    // With many labels the views are taller than the window: the list shrinks to a few rows and
    // scrolls (the conversations keep their room); given the room, it shows every view unscrolled.
    void viewListScrollsWhenTallerThanTheWindow()
    {
        QList<Label> labels;
        for (int i = 1; i <= 30; ++i)
            labels.append({ i, QStringLiteral("Label %1").arg(i, 2, 10, QLatin1Char('0')),
                QStringLiteral("#3366cc") });
        m_widget->triagePanel()->setLabels(labels);
        QListView *list = m_widget->triagePanel()->viewList();
        const int rows = views()->rowCount();
        QCOMPARE(rows, views()->rowOf(InboxView::All) + 1 + 30);
        const int rowHeight = list->sizeHintForRow(0);
        QVERIFY(rowHeight > 0);

        m_widget->resize(1200, 600);
        QTRY_VERIFY(list->height() < rows * rowHeight);
        QVERIFY(list->height() >= 4 * rowHeight);
        QTRY_VERIFY(list->verticalScrollBar()->isVisible()); // laid out on the next events
        QTRY_VERIFY(list->verticalScrollBar()->maximum() > 0);
        QTRY_VERIFY(m_widget->conversationList()->height() >= 120);
        // The last label's view is reachable: scrolled to the end, it is in sight, and it can be
        // chosen.
        const QModelIndex last = views()->index(rows - 1);
        list->verticalScrollBar()->setValue(list->verticalScrollBar()->maximum());
        QTRY_VERIFY(list->visualRect(last).top() >= 0
            && list->visualRect(last).bottom() <= list->viewport()->rect().bottom());
        list->setCurrentIndex(last);
        QCOMPARE(m_widget->triagePanel()->currentViewLabel(), 30);

        m_widget->resize(1200, 2400);
        QTRY_VERIFY(list->height() >= rows * rowHeight);
        QTRY_VERIFY(!list->verticalScrollBar()->isVisible());
    }

    void dateFilterNarrowsToLocalDays()
    {
        // Last activity: 1 at kNow - 23 h, 2 at - 3 h, 3 at - 1 h, 4 at - 4 h.
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(kNow);
        const qint64 today = now.date().startOfDay().toMSecsSinceEpoch();
        const qint64 yesterday = now.date().addDays(-1).startOfDay().toMSecsSinceEpoch();
        const std::pair<QString, qint64> last[] = { { QStringLiteral("1"), kNow - 23 * kHour },
            { QStringLiteral("2"), kNow - 3 * kHour }, { QStringLiteral("3"), kNow - kHour },
            { QStringLiteral("4"), kNow - 4 * kHour } };
        auto expected = [&](qint64 from, qint64 until) {
            QStringList rows;
            for (const auto &[who, at] : last) {
                if (at >= from && (until == 0 || at < until))
                    rows << who;
            }
            return rows;
        };
        auto sorted = [](QStringList l) {
            l.sort();
            return l;
        };
        QComboBox *dates = m_widget->triagePanel()->dateFilter();
        QCOMPARE(dates->count(), 6);
        QCOMPARE(dates->currentText(), QStringLiteral("Any time"));
        dates->setCurrentIndex(dates->findText(QStringLiteral("Today")));
        QTRY_COMPARE(sorted(order()), expected(today, 0));
        QTRY_COMPARE(views()->counts().all, int(expected(today, 0).size()));
        dates->setCurrentIndex(dates->findText(QStringLiteral("Yesterday")));
        QTRY_COMPARE(sorted(order()), expected(yesterday, today));
        dates->setCurrentIndex(dates->findText(QStringLiteral("Older than 30 days")));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 0);
        // A new message moves its conversation into the range it now belongs to, live.
        dates->setCurrentIndex(dates->findText(QStringLiteral("Last 7 days")));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 4);
        dates->setCurrentIndex(dates->findText(QStringLiteral("Yesterday")));
        QTRY_COMPARE(sorted(order()), expected(yesterday, today));
        if (!expected(yesterday, today).isEmpty()) {
            const QString who = expected(yesterday, today).constFirst();
            apply({ message(QStringLiteral("d.1"), kNow - 60'000, QStringLiteral("still there?"),
                who.toInt()) });
            QTRY_VERIFY(!order().contains(who));
        }
        dates->setCurrentIndex(0);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 4);
    }

    void shortcutsAreListedAndFree()
    {
        const auto shortcuts = InboxWidget::shortcutDescriptions();
        QStringList keys;
        for (const auto &entry : shortcuts) {
            QVERIFY2(!keys.contains(entry.first), qPrintable(entry.first)); // no key twice
            keys << entry.first;
        }
        const QList<QKeySequence> ours { TriageActions::doneKeys(), TriageActions::snoozeKeys(),
            TriageActions::unreadKeys() };
        // The main window's own keys (ui/mainwindow.ui, mainwindow.cpp).
        QList<QKeySequence> taken { QKeySequence(QStringLiteral("Ctrl+N")),
            QKeySequence(QStringLiteral("Ctrl+/")) };
        taken += QKeySequence::keyBindings(QKeySequence::Preferences);
        taken += QKeySequence::keyBindings(QKeySequence::Quit);
        for (const QKeySequence &k : ours) {
            QVERIFY2(keys.contains(k.toString(QKeySequence::NativeText)), qPrintable(k.toString()));
            QVERIFY(!taken.contains(k));
            // No standard key (text editing in the composer and the search box must keep theirs).
            for (int standard = QKeySequence::HelpContents; standard <= QKeySequence::Cancel;
                 ++standard)
                QVERIFY2(
                    !QKeySequence::keyBindings(QKeySequence::StandardKey(standard)).contains(k),
                    qPrintable(k.toString() + QStringLiteral(" is standard key %1").arg(standard)));
        }
    }

    void screenshots()
    {
        // The new list in both themes, for docs/ (Fusion, as the app runs it): a busy Needs reply.
        apply({ message(QStringLiteral("x.1"), kNow - 10 * 60'000,
            QStringLiteral("Can I still change the size?"), 2) });
        QVERIFY(awaitResult(m_store->setConversationStatus(stored(4).id, ConversationStatus::Done))
                    .has_value());
        chooseView(InboxView::ReplyWindow);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 3);
        open(1);
        QTRY_VERIFY(m_widget->messages()->rowCount() >= 1);
        QTRY_COMPARE(views()->counts().done, 1);
        const QString dir = test::screenshotDir();
        QVERIFY(QDir().mkpath(dir));
        Theme::initialize();
        const std::pair<ThemeMode, QString> shots[]
            = { { ThemeMode::Light, QStringLiteral("triage-light.png") },
                  { ThemeMode::Dark, QStringLiteral("triage-dark.png") } };
        for (const auto &[mode, name] : shots) {
            Theme::apply(mode);
            QTest::qWait(50);
            const QImage shot = m_widget->grab().toImage();
            QVERIFY(shot.save(dir + QLatin1Char('/') + name));
            qInfo("screenshot: %s", qPrintable(dir + QLatin1Char('/') + name));
            const QColor background = shot.pixelColor(shot.width() / 2, shot.height() - 150);
            QVERIFY2((mode == ThemeMode::Dark) == (background.lightness() < 128),
                qPrintable(name + QStringLiteral(": lightness %1").arg(background.lightness())));
        }
        // The filters: today's conversations of every status but Done.
        chooseView(InboxView::All);
        QComboBox *dates = m_widget->triagePanel()->dateFilter();
        dates->setCurrentIndex(dates->findText(QStringLiteral("Today")));
        QTRY_VERIFY(m_widget->conversations()->rowCount() >= 1);
        QVERIFY(test::saveInBothThemes(m_widget.get(), QStringLiteral("filters")));
    }
};

QTEST_MAIN(TestTriageWidget)
#include "tst_triagewidget.moc"
