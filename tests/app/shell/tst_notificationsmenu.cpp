// The Notifications menu toggles the notifier's settings: on/off, sound, mute per account.
#include "app/shell/notificationsmenu.h"
#include "app/shell/notifier.h"
#include "store/store.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestNotificationsMenu : public QObject {
    Q_OBJECT
private slots:
    void togglesSettings();
};

void TestNotificationsMenu::togglesSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = Store::open(dir.path());
    QVERIFY(store.has_value());
    QSettings settings(dir.filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
    Notifier notifier(store->get(), &settings);
    NotificationsMenu menu(&notifier, [] {
        return QList<std::pair<QString, QString>>{{QStringLiteral("a1"), QStringLiteral("Shop")},
                                                  {QStringLiteral("a2"), QString()}};
    });

    auto find = [&](const QString &text) -> QAction * {
        for (QAction *a : menu.actions())
            if (a->text() == text)
                return a;
        return nullptr;
    };
    QAction *enabled = find(QStringLiteral("Show &notifications"));
    QAction *sound = find(QStringLiteral("Play a &sound"));
    QAction *muteShop = find(QStringLiteral("Mute Shop"));
    QVERIFY(enabled && sound && muteShop);
    QVERIFY(find(QStringLiteral("Mute a2")));
    QVERIFY(enabled->isChecked());
    QVERIFY(!sound->isChecked());
    QVERIFY(!muteShop->isChecked());

    enabled->trigger();
    sound->trigger();
    muteShop->trigger();
    QVERIFY(!notifier.notificationsEnabled());
    QVERIFY(notifier.soundEnabled());
    QVERIFY(notifier.isAccountMuted(QStringLiteral("a1")));
    QVERIFY(!notifier.isAccountMuted(QStringLiteral("a2")));

    // Rebuilt from the settings when opened again.
    menu.refresh();
    QVERIFY(!find(QStringLiteral("Show &notifications"))->isChecked());
    QVERIFY(find(QStringLiteral("Mute Shop"))->isChecked());
}

QTEST_MAIN(TestNotificationsMenu)
#include "tst_notificationsmenu.moc"
