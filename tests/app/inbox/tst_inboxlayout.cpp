// Issue 14 §6: on an 1100-pixel window the conversation gets the room (it used to get 250 px:
// a 320 px accounts panel for one account, a 320 px list, the contact panel); the contact panel
// collapses from the header or Ctrl+I; the panes' widths and the panel's state are kept in the
// profile's inlet.ini and come back on the next start with the same data dir.
#include "app/inbox/contactpanel.h"
#include "app/shell/accountsrail.h"
#include "app/shell/theme.h"
#include "models/conversationlistmodel.h"
#include "support/testsupport.h"
#include "support/windowfixture.h"

#include <QListView>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace inlet;
using namespace inlet::app;
using inlet::test::WindowFixture;

namespace {

const QString kShop = QStringLiteral("17841400000000001");
const qint64 kT0 = 1'780'000'000'000;
// What the conversation gets at least on an 1100 px window, with the contact panel open and
// with it collapsed.
constexpr int kRoomWithPanel = 520;
constexpr int kRoomCollapsed = 720;

} // namespace

class TestInboxLayout : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TokenVault> m_keychain; // outlives the app's starts, as the system's does
    std::unique_ptr<WindowFixture> m_app;

    // Starts the app on the data dir (again), 1100 x 700, with the newest conversation open.
    void start()
    {
        m_app = std::make_unique<WindowFixture>(m_dir->path(), m_keychain.get());
        QVERIFY2(m_app->error.isEmpty(), qPrintable(m_app->error));
        QVERIFY(m_app->load());
        m_app->window->resize(1100, 700);
        m_app->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window.get()));
        ConversationListModel *list = m_app->inbox->conversations();
        QTRY_VERIFY(list->rowCount() > 0);
        m_app->inbox->openConversation(list->rowAt(0).id);
        QTRY_VERIFY(m_app->inbox->currentConversationId() != 0);
    }

    ContactPanel *contact() const { return m_app->inbox->contactPanel(); }
    int conversationWidth() const { return m_app->inbox->conversationPane()->width(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Theme::initialize();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_keychain = std::make_unique<TokenVault>(QStringLiteral("inlet-test"));
        m_keychain->setSessionOnlyFallback(true);
        {
            WindowFixture first(m_dir->path(), m_keychain.get());
            QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
            QVERIFY(first.addAccount(kShop, QStringLiteral("myshop"), QStringLiteral("My Shop")));
            for (int n = 1; n <= 3; ++n)
                QVERIFY(
                    first.customerWrites(kShop, QStringLiteral("600%1").arg(n), kT0 + n * 1000));
        }
        start();
    }

    void cleanup()
    {
        m_app.reset();
        m_keychain.reset();
        m_dir.reset();
    }

    void conversationGetsTheRoomAt1100()
    {
        QCOMPARE(m_app->window->width(), 1100);
        QVERIFY(contact()->isVisible()); // open by default
        QVERIFY2(conversationWidth() >= kRoomWithPanel,
            qPrintable(QStringLiteral("conversation %1 px").arg(conversationWidth())));
        QVERIFY(m_app->window->accountsRail()->width() <= 64);

        m_app->inbox->setContactPanelOpen(false);
        QTRY_VERIFY2(conversationWidth() >= kRoomCollapsed,
            qPrintable(QStringLiteral("conversation %1 px").arg(conversationWidth())));

        // The screenshots of the whole window (docs/screenshots with INLET_UPDATE_SCREENSHOTS).
        m_app->inbox->setContactPanelOpen(true);
        // The open conversation is read: two unread left, in the title and on the rail's avatar.
        QTRY_COMPARE(m_app->window->unreadCount(), 2);
        const auto railBadge = [this] {
            const RailButton *shop = m_app->window->accountsRail()->button(kShop);
            return shop ? shop->unread() : -1;
        };
        QTRY_COMPARE(railBadge(), 2);
        const QString dir = test::screenshotDir();
        QDir().mkpath(dir);
        const std::pair<ThemeMode, QString> shots[]
            = { { ThemeMode::Light, QStringLiteral("window-1100-light.png") },
                  { ThemeMode::Dark, QStringLiteral("window-1100-dark.png") } };
        for (const auto &[mode, name] : shots) {
            Theme::apply(mode);
            QTest::qWait(50);
            QVERIFY(m_app->window->grab().save(dir + QLatin1Char('/') + name));
        }
        Theme::apply(ThemeMode::System);
    }

    void contactPanelCollapsesFromTheHeaderAndTheKeyboard()
    {
        QToolButton *toggle = m_app->inbox->contactToggle();
        QVERIFY(toggle->isVisible());
        QVERIFY(toggle->isChecked());
        QVERIFY(contact()->isVisible());
        const int before = conversationWidth();

        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(!contact()->isVisible());
        QVERIFY(!toggle->isChecked());
        QVERIFY(!m_app->inbox->isContactPanelOpen());
        QTRY_VERIFY2(conversationWidth() > before, // the conversation takes its room
            qPrintable(QStringLiteral("%1 -> %2 px").arg(before).arg(conversationWidth())));

        // Ctrl+I brings it back at its width; Esc closes it.
        m_app->window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_app->window.get()));
        QTest::keyClick(m_app->inbox->conversationList(), Qt::Key_I, Qt::ControlModifier);
        QVERIFY(contact()->isVisible());
        QVERIFY(toggle->isChecked());
        QTRY_COMPARE(conversationWidth(), before);
        QTest::keyClick(m_app->inbox->conversationList(), Qt::Key_Escape);
        QVERIFY(!contact()->isVisible());
        QVERIFY(!toggle->isChecked());

        // Closed stays closed for the next conversation (it used to come back with each one).
        m_app->inbox->openConversation(m_app->inbox->conversations()->rowAt(1).id);
        QTRY_COMPARE(
            m_app->inbox->currentConversationId(), m_app->inbox->conversations()->rowAt(1).id);
        QVERIFY(!contact()->isVisible());
    }

    void widthsAndStateSurviveARestart()
    {
        QSplitter *splitter = m_app->inbox->splitter();
        // The manager drags the list's edge 40 px to the right and the contact panel's 30 px
        // to the left.
        // (Events straight to the handle: QTest's go through the window, where a neighbour's
        // edge may take them.)
        const auto drag = [splitter](int handle, int dx) {
            QWidget *h = splitter->handle(handle);
            const QPointF from = QRectF(h->rect()).center();
            const auto send = [h](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
                QMouseEvent event(type, at, h->mapToGlobal(at), Qt::LeftButton, buttons, {});
                QApplication::sendEvent(h, &event);
            };
            send(QEvent::MouseButtonPress, from, Qt::LeftButton);
            send(QEvent::MouseMove, from + QPointF(dx, 0), Qt::LeftButton);
            send(QEvent::MouseButtonRelease, from + QPointF(dx, 0), Qt::NoButton);
        };
        const QList<int> before = splitter->sizes();
        // The splitter shows the contact panel's handle once it has laid the panel out.
        QTRY_VERIFY(splitter->handle(2)->isVisible());
        drag(1, 40);
        drag(2, -30);
        const QList<int> after = splitter->sizes();
        QCOMPARE(after.at(0), before.at(0) + 40);
        QCOMPARE(after.at(2), before.at(2) + 30);
        m_app->inbox->setContactPanelOpen(false);
        QCOMPARE(m_app->settings.value(QStringLiteral("layout/contactPanelOpen")).toBool(), false);

        m_app.reset(); // quit
        start();
        QVERIFY(!m_app->inbox->isContactPanelOpen());
        QVERIFY(!contact()->isVisible());
        QVERIFY(!m_app->inbox->contactToggle()->isChecked());
        QCOMPARE(m_app->inbox->splitter()->sizes().at(0), after.at(0));
        m_app->inbox->setContactPanelOpen(true);
        QTRY_COMPARE(contact()->width(), after.at(2));
        QCOMPARE(m_app->inbox->splitter()->sizes().at(0), after.at(0));

        // Another profile (data dir) has its own layout: the defaults.
        QTemporaryDir other;
        WindowFixture fresh(other.path());
        QCOMPARE(fresh.inbox->layoutState(), InboxLayout());
    }
};

QTEST_MAIN(TestInboxLayout)
#include "tst_inboxlayout.moc"
