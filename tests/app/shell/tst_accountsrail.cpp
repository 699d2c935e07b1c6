// Issue 14 §6: the accounts are a narrow rail (one avatar per account with its unread badge), and
// the full list (names, state, Reconnect, Disconnect, Connect another) opens over the window from
// an avatar, View > Accounts or Ctrl+Shift+A; every action of the old accounts panel works there.
#include "app/shell/accountspanel.h"
#include "app/shell/accountsrail.h"
#include "app/shell/shortcutsdialog.h"
#include "app/shell/theme.h"
#include "support/testsupport.h"
#include "support/windowfixture.h"

#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;
using inlet::test::WindowFixture;

namespace {

const QString kShop = QStringLiteral("17841400000000001");
const QString kCafe = QStringLiteral("17841400000000002");
const qint64 kT0 = 1'780'000'000'000;

} // namespace

class TestAccountsRail : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WindowFixture> m_app;

    AccountsRail *rail() const { return m_app->window->accountsRail(); }
    AccountsDrawer *drawer() const { return m_app->window->accountsDrawer(); }
    int unreadOf(const QString &accountId) const
    {
        const RailButton *button = rail()->button(accountId);
        return button ? button->unread() : -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::initialize();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_app = std::make_unique<WindowFixture>(m_dir->path());
        QVERIFY2(m_app->error.isEmpty(), qPrintable(m_app->error));
        QVERIFY(m_app->addAccount(kShop, QStringLiteral("myshop"), QStringLiteral("My Shop")));
        QVERIFY(m_app->addAccount(kCafe, QStringLiteral("cafe"), QStringLiteral("The Café")));
        QVERIFY(m_app->customerWrites(kShop, QStringLiteral("6001"), kT0));
        QVERIFY(m_app->customerWrites(kShop, QStringLiteral("6002"), kT0 + 1000));
        QVERIFY(m_app->load());
        m_app->window->resize(1100, 700);
        m_app->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window.get()));
    }

    void cleanup()
    {
        m_app.reset();
        m_dir.reset();
    }

    void railShowsOneAvatarPerAccountWithItsUnreadBadge()
    {
        QVERIFY(!m_app->window->isShowingWelcome());
        QVERIFY(rail()->isVisible());
        QVERIFY(rail()->width() <= 64);
        const QList<RailButton *> buttons = rail()->buttons();
        QCOMPARE(buttons.size(), 2);
        QCOMPARE(buttons.at(0)->account().id, m_app->accounts->accounts().at(0).id);
        QTRY_COMPARE(unreadOf(kShop), 2);
        QCOMPARE(unreadOf(kCafe), 0);
        QCOMPARE(m_app->window->unreadCount(), 2); // the title's count is the badges' sum
        QVERIFY2(rail()->button(kShop)->accessibleName().contains(QLatin1String("2 unread")),
            qPrintable(rail()->button(kShop)->accessibleName()));
        QVERIFY(rail()->button(kShop)->toolTipText().contains(QLatin1String("@myshop")));
        QVERIFY(rail()->button(kShop)->toolTipText().contains(QLatin1String("My Shop")));

        // A customer writes to the other account: its badge follows.
        QVERIFY(m_app->customerWrites(kCafe, QStringLiteral("6003"), kT0 + 2000));
        QTRY_COMPARE(unreadOf(kCafe), 1);
        QTRY_COMPARE(m_app->window->unreadCount(), 3);

        // The state the accounts panel shows is in the tooltip; needing sign-in too.
        SubscriptionKeeper::Status live;
        live.state = SubscriptionKeeper::State::Polling;
        live.pollIntervalMs = 30'000;
        m_app->window->accountsPanel()->setSubscriptionStatus(kShop, live);
        QVERIFY2(rail()->button(kShop)->toolTipText().contains(QLatin1String("polling every 30 s")),
            qPrintable(rail()->button(kShop)->toolTipText()));
        m_app->accounts->markNeedsSignIn(kCafe, QStringLiteral("test: token revoked"));
        QVERIFY(rail()->button(kCafe)->account().needsSignIn);
        QVERIFY(rail()->button(kCafe)->toolTipText().contains(QLatin1String("Needs sign-in")));
        QVERIFY(rail()->button(kCafe)->accessibleName().contains(QLatin1String("needs sign-in")));
    }

    void avatarOpensTheFullListAndItsActionsWork()
    {
        QVERIFY(!drawer()->isOpen());
        QVERIFY(!m_app->window->accountsPanel()->isVisible());
        QTest::mouseClick(rail()->button(kShop), Qt::LeftButton);
        QVERIFY(drawer()->isOpen());
        AccountsPanel *panel = m_app->window->accountsPanel();
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->rowCount(), 2);
        AccountRow *shopRow = panel->row(kShop);
        AccountRow *cafeRow = panel->row(kCafe);
        QVERIFY(shopRow && cafeRow);
        QVERIFY(shopRow->isVisible());
        QVERIFY(panel->width() >= 300); // the names and the state have room there
        QVERIFY(panel->geometry().translated(drawer()->pos()).left() >= rail()->width() - 1);
        const QString shots = test::screenshotDir();
        QDir().mkpath(shots);
        QVERIFY(m_app->window->grab().save(shots + QStringLiteral("/window-1100-accounts.png")));

        // Disconnect asks; cancelled, the account stays; the list closed for the prompt.
        bool asked = false;
        m_app->window->setDisconnectPrompt([&asked](const Account &) {
            asked = true;
            return std::optional<bool>();
        });
        QTest::mouseClick(shopRow->disconnectButton(), Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(!drawer()->isOpen());
        QCOMPARE(rail()->buttons().size(), 2);

        // Disconnect, confirmed: the account leaves the rail and the list.
        drawer()->open();
        m_app->window->setDisconnectPrompt(
            [](const Account &) { return std::optional<bool>(false); });
        QTest::mouseClick(cafeRow->disconnectButton(), Qt::LeftButton);
        QTRY_COMPARE(rail()->buttons().size(), 1);
        QCOMPARE(panel->rowCount(), 1);
        QVERIFY(!rail()->button(kCafe));

        // Reconnect from the needs-sign-in banner starts a sign-in.
        m_app->accounts->markNeedsSignIn(kShop, QStringLiteral("test: token revoked"));
        drawer()->open();
        QCOMPARE(panel->row(kShop), shopRow);
        QVERIFY(shopRow->bannerVisible());
        QVERIFY(shopRow->reconnectButton()->isVisible());
        QTest::mouseClick(shopRow->reconnectButton(), Qt::LeftButton);
        QVERIFY(!drawer()->isOpen());
        QVERIFY2(m_app->window->statusText().contains(QLatin1String("reconnect")),
            qPrintable(m_app->window->statusText()));
        m_app->signInFlow->abortSignIn(Error::make(Error::Kind::Cancelled, QStringLiteral("test")));

        // Connect another account: without an app configured, Settings opens to ask for it.
        drawer()->open();
        auto *connect = panel->findChild<QPushButton *>(QStringLiteral("connectButton"));
        QVERIFY(connect && connect->isVisible());
        QTest::mouseClick(connect, Qt::LeftButton);
        QVERIFY(!drawer()->isOpen());
        QTRY_VERIFY(m_app->window->settingsDialog() != nullptr);
        m_app->window->settingsDialog()->close();
        // The rail's "+" does the same.
        QTRY_VERIFY(m_app->window->settingsDialog() == nullptr);
        QTest::mouseClick(rail()->connectButton(), Qt::LeftButton);
        QTRY_VERIFY(m_app->window->settingsDialog() != nullptr);
        m_app->window->settingsDialog()->close();
    }

    void dimmedPartClosesTheList()
    {
        QTest::mouseClick(rail()->button(kCafe), Qt::LeftButton);
        QVERIFY(drawer()->isOpen());
        QTest::mouseClick(drawer(), Qt::LeftButton, {}, QPoint(drawer()->width() - 20, 200));
        QVERIFY(!drawer()->isOpen());
        // The avatar toggles it.
        QTest::mouseClick(rail()->button(kCafe), Qt::LeftButton);
        QVERIFY(drawer()->isOpen());
        QTest::mouseClick(rail()->button(kCafe), Qt::LeftButton);
        QVERIFY(!drawer()->isOpen());
    }

    void keyboardReachesTheRailAndTheList()
    {
        m_app->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_app->window.get()));
        // The avatars take the keyboard focus (Tab) and Space opens the list.
        RailButton *shop = rail()->button(kShop);
        QVERIFY(shop->focusPolicy() & Qt::TabFocus);
        QVERIFY(rail()->connectButton()->focusPolicy() & Qt::TabFocus);
        shop->setFocus(Qt::TabFocusReason);
        QTest::keyClick(shop, Qt::Key_Space);
        QVERIFY(drawer()->isOpen());
        // Focus is in the list, on its first action; Esc closes it and gives the focus back.
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus && m_app->window->accountsPanel()->isAncestorOf(focus));
        QTest::keyClick(focus, Qt::Key_Escape);
        QVERIFY(!drawer()->isOpen());
        QCOMPARE(QApplication::focusWidget(), shop);

        // Ctrl+Shift+A from anywhere in the window (View > Accounts).
        m_app->inbox->searchBox()->setFocus();
        QTest::keyClick(
            m_app->inbox->searchBox(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(drawer()->isOpen());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QVERIFY(!drawer()->isOpen());
        QCOMPARE(QApplication::focusWidget(), m_app->inbox->searchBox());
    }

    void shortcutsDialogListsTheNewKeys()
    {
        m_app->window->showShortcuts();
        auto *dialog = qobject_cast<ShortcutsDialog *>(m_app->window->shortcutsDialog());
        QVERIFY(dialog);
        QStringList keys;
        for (int row = 0; row < dialog->table()->rowCount(); ++row)
            keys << dialog->table()->item(row, 0)->text();
        QVERIFY(keys.contains(
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A).toString(QKeySequence::NativeText)));
        QVERIFY(
            keys.contains(QKeySequence(Qt::CTRL | Qt::Key_I).toString(QKeySequence::NativeText)));
    }
};

QTEST_MAIN(TestAccountsRail)
#include "tst_accountsrail.moc"
