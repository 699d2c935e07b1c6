// Assignment in the real inbox widgets (offscreen), in team mode against a real PostgreSQL
// server with two agents' desktops (each its own Store, TeamMode and InboxWidget): Ana assigns a
// conversation to Ben from the list's context menu, Ben's list shows it as his, his Mine view
// counts it, his header names the assignee; Ben hands it to nobody with the key's menu;
// replying to an unassigned conversation assigns it to the one replying. Solo mode shows none
// of the controls.
#include "app/inbox/assignactions.h"
#include "app/inbox/composer.h"
#include "app/inbox/conversationdelegate.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/triageactions.h"
#include "app/inbox/triagepanel.h"
#include "graph/graphclient.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/graphoutboxtransport.h"
#include "outbox/outbox.h"
#include "outbox/storeoutboxstorage.h"
#include "service/teammode.h"
#include "store/store.h"
#include "support/menus.h"
#include "support/teamdb.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using namespace inlet::app;
using namespace inlet::teamtest;
using inlet::test::visibleMenu;

namespace {
const QString kPassword = QStringLiteral("agent-pw-2");
const QString kAccount = QStringLiteral("17841400000000021");
const QString kCustomer1 = QStringLiteral("6000000000000021");
const QString kCustomer2 = QStringLiteral("6000000000000022");

QAction *entry(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}
} // namespace

// One agent's desktop: store, team mode (with its outbox handing replies to the team database,
// and presence) and the inbox.
struct Desk {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    GraphClient graph;
    std::unique_ptr<GraphOutboxTransport> transport;
    std::unique_ptr<StoreOutboxStorage> storage;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<TeamMode> team;
    std::unique_ptr<InboxWidget> inbox;

    bool open(const TeamDb &db, const QString &role, bool teamMode = true)
    {
        auto s = Store::open(dir.path());
        if (!s)
            return false;
        store = std::move(*s);
        team::TeamConnection c = db.agentConnection(role, QString());
        team::FollowerOptions options;
        options.pollIntervalMs = 200;
        InboxServices services;
        services.store = store.get();
        services.source = std::make_shared<StoreInboxSource>(store->readers());
        if (teamMode) {
            transport = std::make_unique<GraphOutboxTransport>(&graph, [](const QString &) {
                return QtFuture::makeReadyFuture(Result<QString>(
                    fail(Error::Kind::Invalid, QStringLiteral("no token in team mode"))));
            });
            storage = std::make_unique<StoreOutboxStorage>(store.get());
            outbox = std::make_unique<Outbox>(storage.get(), transport.get());
            team = std::make_unique<TeamMode>(store.get(), outbox.get(), nullptr, c, options);
            team->setPresenceEnabled(true);
            team->startWithPassword(kPassword);
            outbox->start();
            services.assigner = team.get();
            services.triageWrites = team.get(); // Done and Snooze: the team's
            services.outbox = outbox.get();
        }
        inbox = std::make_unique<InboxWidget>(services);
        if (team)
            inbox->setPresence(team->presence());
        feedModels(store.get(), inbox->conversations(), inbox->messages(), inbox->views());
        inbox->resize(1100, 700);
        inbox->show();
        return QTest::qWaitForWindowExposed(inbox.get());
    }
    ~Desk()
    {
        inbox.reset();
        team.reset();
        outbox.reset();
        storage.reset();
        transport.reset();
        store.reset();
    }
    int rowOf(const QString &customer) const
    {
        ConversationListModel *list = inbox->conversations();
        for (int i = 0; i < list->rowCount(); ++i)
            if (list->rowAt(i).customerId == customer)
                return i;
        return -1;
    }
    QString assigneeOf(const QString &customer) const
    {
        const int row = rowOf(customer);
        return row < 0 ? QStringLiteral("<no row>") : inbox->conversations()->rowAt(row).assignee;
    }
    // Whether the list (once the view's rows are loaded) holds `customer` with `status`.
    bool listsWith(const QString &customer, ConversationStatus status) const
    {
        const int row = rowOf(customer);
        return row >= 0 && !inbox->conversations()->isLoading()
            && inbox->conversations()->rowAt(row).status == status;
    }
    ConversationViewsModel *views() const { return inbox->triagePanel()->views(); }
    void openConversation(const QString &customer)
    {
        const int row = rowOf(customer);
        QVERIFY(row >= 0);
        inbox->conversationList()->setCurrentIndex(inbox->conversations()->index(row));
        QTRY_COMPARE(inbox->currentConversationId(), inbox->conversations()->rowAt(row).id);
    }
    // The list's context menu on `customer`'s row, its Assign submenu.
    QMenu *rowAssignMenu(const QString &customer)
    {
        QListView *list = inbox->conversationList();
        const QRect rect = list->visualRect(inbox->conversations()->index(rowOf(customer)));
        QContextMenuEvent event(
            QContextMenuEvent::Mouse, rect.center(), list->viewport()->mapToGlobal(rect.center()));
        QApplication::sendEvent(list->viewport(), &event);
        QMenu *menu = nullptr;
        if (!QTest::qWaitFor([&] {
                return (menu = visibleMenu(QStringLiteral("conversationMenu"))) != nullptr;
            }))
            return nullptr;
        return menu ? menu->findChild<QMenu *>(QStringLiteral("rowAssignMenu")) : nullptr;
    }
};

class TestAssignWidget : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        const qint64 account = m_db.addAccount(kAccount);
        const qint64 c1 = m_db.addConversation(account, kCustomer1);
        const qint64 c2 = m_db.addConversation(account, kCustomer2);
        QVERIFY2(c1 > 0 && c2 > 0, qPrintable(m_db.error()));
        // Written a minute ago (the messaging window is open: a reply may go), as the server's
        // ingest writes them.
        for (const qint64 conversation : { c1, c2 }) {
            QVERIFY(team::sql::exec(m_db.server,
                QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                               "outgoing, text, created_ms) VALUES (?, ?, ?, false, 'hello', ?)"),
                { account, conversation, QStringLiteral("mid.w%1").arg(conversation),
                    QDateTime::currentMSecsSinceEpoch() - 60'000 }));
        }
        for (const auto &[role, name] :
            { std::pair { QStringLiteral("ana"), QStringLiteral("Ana") },
                std::pair { QStringLiteral("ben"), QStringLiteral("Ben Okafor") } }) {
            auto added = team::admin::addAgent(m_db.server, role, kPassword, name);
            QVERIFY2(added, why(added).constData());
            auto granted = team::admin::grantAccount(m_db.server, role, account);
            QVERIFY2(granted, why(granted).constData());
        }
        // An agent of another account: never offered for these conversations.
        const qint64 other = m_db.addAccount(QStringLiteral("17841400000000099"));
        auto cy = team::admin::addAgent(
            m_db.server, QStringLiteral("cy"), kPassword, QStringLiteral("Cy Other"));
        QVERIFY2(cy, why(cy).constData());
        auto granted = team::admin::grantAccount(m_db.server, QStringLiteral("cy"), other);
        QVERIFY2(granted, why(granted).constData());
    }

    void assignFromTheListAndTheHeader()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, QStringLiteral("ana")));
        QVERIFY(ben.open(m_db, QStringLiteral("ben")));
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->conversations()->rowCount(), 2, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.inbox->conversations()->rowCount(), 2, 15'000);
        QVERIFY(ben.views()->rowOf(InboxView::Mine) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(ben.views()->counts().unassigned, 2, 10'000);
        QCOMPARE(ben.views()->counts().mine, 0);
        // The agents to pick from, once the follower is connected.
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->assignActions()->agents().size(), 3, 10'000);

        // Ana: the list's context menu, Assign > Ben Okafor.
        QMenu *assign = ana.rowAssignMenu(kCustomer1);
        QVERIFY(assign);
        QAction *toBen = entry(assign, QStringLiteral("Ben Okafor"));
        QVERIFY(toBen);
        QVERIFY(entry(assign, QStringLiteral("Nobody"))->isChecked());
        QVERIFY(!entry(assign, QStringLiteral("Cy Other"))); // not granted this account
        toBen->trigger();
        visibleMenu(QStringLiteral("conversationMenu"))->close();
        QTRY_COMPARE_WITH_TIMEOUT(ben.assigneeOf(kCustomer1), QStringLiteral("ben"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ana.assigneeOf(kCustomer1), QStringLiteral("ben"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.views()->counts().mine, 1, 10'000);
        QCOMPARE(ben.views()->counts().unassigned, 1);
        // The row names him (by display name once the agents are known).
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->assignActions()->nameOf(QStringLiteral("ben")),
            QStringLiteral("Ben Okafor"), 10'000);
        auto *delegate
            = qobject_cast<ConversationDelegate *>(ana.inbox->conversationList()->itemDelegate());
        QVERIFY(delegate);
        QCOMPARE(delegate->assigneeText(QStringLiteral("ben")), QStringLiteral("→ Ben Okafor"));

        // Ben's header says it is his; his key (Ctrl+Shift+O) opens the menu, Nobody hands it back.
        ben.openConversation(kCustomer1);
        QToolButton *button = ben.inbox->assignButton();
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Assigned to me"));
        bool listed = false;
        for (const auto &[keys, what] : InboxWidget::shortcutDescriptions())
            listed = listed || keys == AssignActions::menuKeys().toString(QKeySequence::NativeText);
        QVERIFY(listed); // in the shortcuts dialog
        ben.inbox->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(ben.inbox.get()));
        QTest::keyClick(ben.inbox.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QMenu *menu = ben.inbox->assignActions()->currentMenu();
        QTRY_VERIFY(menu->isVisible());
        QVERIFY(entry(menu, QStringLiteral("Ben Okafor (me)"))->isChecked());
        entry(menu, QStringLiteral("Nobody"))->trigger();
        menu->close();
        QTRY_COMPARE_WITH_TIMEOUT(ana.assigneeOf(kCustomer1), QString(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("Unassigned"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.views()->counts().mine, 0, 10'000);

        // Replying to an unassigned conversation assigns it to the one replying (the hook
        // InboxWidget::send calls once the reply is queued); not when switched off, nor when
        // someone has it.
        ana.openConversation(kCustomer2);
        AssignActions *actions = ana.inbox->assignActions();
        QVERIFY(actions->assignOnReply());
        actions->setAssignOnReply(false);
        actions->replied(ana.inbox->conversations()->rowAt(ana.rowOf(kCustomer2)));
        QTest::qWait(500);
        QCOMPARE(ben.assigneeOf(kCustomer2), QString());
        actions->setAssignOnReply(true);
        actions->replied(ana.inbox->conversations()->rowAt(ana.rowOf(kCustomer2)));
        QTRY_COMPARE_WITH_TIMEOUT(ben.assigneeOf(kCustomer2), QStringLiteral("ana"), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            ana.inbox->assignButton()->text(), QStringLiteral("Assigned to me"), 10'000);

        // Cleared for the next test.
        QFuture<Status> cleared = ana.team->assign(kAccount, kCustomer2, QString());
        QTRY_VERIFY_WITH_TIMEOUT(cleared.isFinished(), 10'000);
        QVERIFY(cleared.result());
    }

    // Presence and the collision guard: Ana sees Ben viewing, then typing; her reply asks first
    // (No keeps it in the composer, nothing goes to the team outbox), and again after Ben's reply
    // came in (the server recorded it as his); Yes sends it.
    void presenceAndCollisionGuard()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, QStringLiteral("ana")));
        QVERIFY(ben.open(m_db, QStringLiteral("ben")));
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->conversations()->rowCount(), 2, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.inbox->conversations()->rowCount(), 2, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->assignActions()->agents().size(), 3, 10'000);
        ana.openConversation(kCustomer1);
        QLabel *label = ana.inbox->presenceLabel();
        QVERIFY(label && !label->isVisible());
        ben.openConversation(kCustomer1);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("Ben Okafor is viewing"), 10'000);
        QVERIFY(label->isVisible());
        QTest::keyClicks(ben.inbox->composer()->editor(), QStringLiteral("On it"));
        QTRY_COMPARE_WITH_TIMEOUT(
            label->text(), QStringLiteral("Ben Okafor is typing a reply"), 10'000);

        QStringList asked;
        bool answer = false;
        ana.inbox->setConfirmation([&](const QString &question) {
            asked << question;
            return answer;
        });
        Composer *composer = ana.inbox->composer();
        composer->setText(QStringLiteral("Hello from Ana"));
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.constLast().contains(QStringLiteral("Ben Okafor is typing a reply")),
            qPrintable(asked.constLast()));
        QCOMPARE(composer->text(), QStringLiteral("Hello from Ana"));
        QTest::qWait(300);
        QCOMPARE(TeamDb::column(m_db.server, QStringLiteral("SELECT count(*) FROM inlet.outbox")),
            QStringList { QStringLiteral("0") });

        // Ben's reply, as the server records it once sent; Ben stops typing (leaves).
        const QString conversation = TeamDb::column(m_db.server,
            QStringLiteral("SELECT c.id FROM inlet.conversations c JOIN inlet.contacts p ON "
                           "p.id = c.contact_id WHERE p.igsid = ?"),
            { kCustomer1 })
                                         .value(0);
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("INSERT INTO inlet.messages (account_id, conversation_id, mid, "
                           "outgoing, text, created_ms, sent_by) SELECT account_id, id, "
                           "'mid.ben.1', true, 'Answered', ?, 'ben' FROM inlet.conversations "
                           "WHERE id = ?"),
            { QDateTime::currentMSecsSinceEpoch(), conversation.toLongLong() }));
        ben.inbox.reset();
        ben.team.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!label->isVisible(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(ana.inbox->messages()->rowCount() == 2, 10'000);
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QCOMPARE(asked.size(), 2);
        QVERIFY2(asked.constLast().contains(
                     QStringLiteral("Ben Okafor replied since you opened this conversation.")),
            qPrintable(asked.constLast()));
        answer = true;
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QCOMPARE(asked.size(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT agent_role || ':' || (body->>'text') FROM inlet.outbox")),
            QStringList { QStringLiteral("ana:Hello from Ana") }, 10'000);
        // Asked once about what it saw: the next reply goes without a question.
        QTRY_VERIFY_WITH_TIMEOUT(composer->text().isEmpty(), 5000);
        composer->setText(QStringLiteral("And one more"));
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QCOMPARE(asked.size(), 3);
    }

    // Done from the open conversation's action in team mode goes to the team database: Ben's
    // views count it Done, with Ana as who set it; Ben's Reopen opens it again for Ana.
    void doneIsTheTeams()
    {
        Desk ana;
        Desk ben;
        QVERIFY(ana.open(m_db, QStringLiteral("ana")));
        QVERIFY(ben.open(m_db, QStringLiteral("ben")));
        QTRY_COMPARE_WITH_TIMEOUT(ana.inbox->conversations()->rowCount(), 2, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(ben.inbox->conversations()->rowCount(), 2, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(ana.team->state() == TeamMode::State::Connected, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(ben.team->state() == TeamMode::State::Connected, 10'000);
        QCOMPARE(ben.views()->counts().done, 0);

        const qint64 benId = ben.inbox->conversations()->rowAt(ben.rowOf(kCustomer1)).id;
        ana.openConversation(kCustomer1);
        QAction *done = ana.inbox->triageActions()->doneAction();
        QVERIFY(done->isEnabled());
        done->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(ben.views()->counts().done, 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(ana.views()->counts().done, 1, 10'000);
        QCOMPARE(TeamDb::column(m_db.server,
                     QStringLiteral("SELECT changed_by FROM inlet.conversation_status")),
            QStringList { QStringLiteral("ana") });
        // Ben's header says who: "Done · by Ana"; Ana's says "by you".
        QTRY_COMPARE_WITH_TIMEOUT(ben.inbox->assignActions()->nameOf(QStringLiteral("ana")),
            QStringLiteral("Ana"), 10'000);
        ben.inbox->triagePanel()->setCurrentView(InboxView::Done);
        QTRY_VERIFY_WITH_TIMEOUT(ben.listsWith(kCustomer1, ConversationStatus::Done), 10'000);
        ben.openConversation(kCustomer1);
        QTRY_COMPARE_WITH_TIMEOUT(
            ben.inbox->statusLabel()->text(), QStringLiteral("Done · by Ana"), 10'000);
        QVERIFY(ben.inbox->statusLabel()->isVisible());
        ana.inbox->triagePanel()->setCurrentView(InboxView::Done);
        QTRY_VERIFY_WITH_TIMEOUT(ana.listsWith(kCustomer1, ConversationStatus::Done), 10'000);
        ana.openConversation(kCustomer1);
        QCOMPARE(ana.inbox->statusLabel()->text(), QStringLiteral("Done · by you"));
        ben.inbox->triagePanel()->setCurrentView(InboxView::All);
        ana.inbox->triagePanel()->setCurrentView(InboxView::All);

        // A snooze by Ana: Ben's header shows until when, and who.
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 3 * 3'600'000;
        QTRY_VERIFY_WITH_TIMEOUT(ana.listsWith(kCustomer2, ConversationStatus::Open), 10'000);
        ana.inbox->triageActions()->snooze(
            ana.inbox->conversations()->rowAt(ana.rowOf(kCustomer2)).id, until);
        ben.inbox->triagePanel()->setCurrentView(InboxView::Snoozed);
        QTRY_VERIFY_WITH_TIMEOUT(ben.listsWith(kCustomer2, ConversationStatus::Snoozed), 10'000);
        ben.openConversation(kCustomer2);
        const QString snoozed = QStringLiteral("Snoozed until ");
        QTRY_VERIFY_WITH_TIMEOUT(ben.inbox->statusLabel()->text().startsWith(snoozed), 10'000);
        const QString text = ben.inbox->statusLabel()->text();
        QVERIFY2(text.endsWith(QStringLiteral(" · by Ana")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(
                     QDateTime::fromMSecsSinceEpoch(until).time(), QLocale::ShortFormat)),
            qPrintable(text));
        ben.inbox->triageActions()->reopen(
            ben.inbox->conversations()->rowAt(ben.rowOf(kCustomer2)).id);
        ben.inbox->triagePanel()->setCurrentView(InboxView::All);
        QTRY_VERIFY_WITH_TIMEOUT(ana.listsWith(kCustomer2, ConversationStatus::Open), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(ben.listsWith(kCustomer2, ConversationStatus::Open), 10'000);

        // Ben reopens it (the row's Reopen; it left his inbox's list).
        QTRY_VERIFY_WITH_TIMEOUT(ben.rowOf(kCustomer1) < 0, 10'000);
        ben.inbox->triageActions()->reopen(benId);
        QTRY_COMPARE_WITH_TIMEOUT(ana.views()->counts().done, 0, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(ana.rowOf(kCustomer1) >= 0, 10'000);
    }

    // Solo mode: no Mine, no Unassigned, no Assign button, menu or shortcut.
    void soloModeHidesAssignment()
    {
        Desk solo;
        QVERIFY(solo.open(m_db, QString(), false));
        QCOMPARE(solo.views()->rowOf(InboxView::Mine), -1);
        QCOMPARE(solo.views()->rowOf(InboxView::Unassigned), -1);
        QVERIFY(!solo.inbox->assignActions());
        QVERIFY(!solo.inbox->assignButton());
        QVERIFY(!solo.inbox->findChild<QToolButton *>(QStringLiteral("assignButton")));
    }

private:
    TeamDb m_db;
};

QTEST_MAIN(TestAssignWidget)
#include "tst_assignwidget.moc"
