// Notifier against a real Store: a customer's new message raises the unread count and a
// notification; echoes, muted accounts, old (backfilled) messages and switched-off notifications
// stay quiet.
#include "app/shell/notifier.h"
#include "store/store.h"
#include "support/await.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::app;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const QString kOther = QStringLiteral("17841400000000002");
const QString kCustomer = QStringLiteral("6000000000001");
const qint64 kNow = 1'780'000'000'000;

InboundEvent message(const QString &account, const QString &mid, qint64 ts, const QString &text,
                     bool outgoing = false)
{
    InboundEvent e;
    e.kind = InboundEvent::Kind::Message;
    e.accountId = account;
    e.customerId = kCustomer;
    e.outgoing = outgoing;
    e.timestampMs = ts;
    e.mid = mid;
    e.text = text;
    e.rawJson = "{}";
    return e;
}

} // namespace

class TestNotifier : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void inboundMessageCountsAndNotifies();
    void echoDoesNotNotify();
    void mutedAccountDoesNotNotify();
    void switchedOffDoesNotNotify();
    void oldMessagesDoNotNotify();
    void burstBecomesOneSummary();
    void bigBatchReadsOnlyTheNewest();
    void titleWithCount();

private:
    void apply(const QList<InboundEvent> &events, bool expectChange = true);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Notifier> m_notifier;
};

void TestNotifier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Store::open(m_dir->path());
    QVERIFY(opened.has_value());
    m_store = std::move(*opened);
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("inlet.ini")),
                                             QSettings::IniFormat);
    Contact contact;
    contact.id = kCustomer;
    contact.name = QStringLiteral("Ada Customer");
    QVERIFY(awaitResult(m_store->upsertContact(contact)).has_value());
    m_notifier = std::make_unique<Notifier>(m_store.get(), m_settings.get());
    m_notifier->setNotifyFromMs(kNow - 60'000);
    QCOMPARE(m_notifier->unreadCount(), -1); // counted on the store's reader thread
    QTRY_COMPARE(m_notifier->unreadCount(), 0);
}

void TestNotifier::cleanup()
{
    m_notifier.reset();
    m_settings.reset();
    m_store.reset();
    m_dir.reset();
}

// Waits until the notifier has read and acted on the commit's Store::changed.
void TestNotifier::apply(const QList<InboundEvent> &events, bool expectChange)
{
    QSignalSpy handled(m_notifier.get(), &Notifier::changeHandled);
    QVERIFY(awaitResult(m_store->applyEvents(events)).has_value());
    if (expectChange)
        QTRY_VERIFY(handled.count() >= 1);
    QCoreApplication::processEvents();
}

void TestNotifier::inboundMessageCountsAndNotifies()
{
    QCOMPARE(m_notifier->unreadCount(), 0);
    QSignalSpy unread(m_notifier.get(), &Notifier::unreadCountChanged);
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);

    apply({message(kAccount, QStringLiteral("m1"), kNow, QStringLiteral("Is the blue one in stock?"))});

    QCOMPARE(m_notifier->unreadCount(), 1);
    QCOMPARE(unread.count(), 1);
    QCOMPARE(unread.at(0).at(0).toInt(), 1);
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Ada Customer"));
    QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("Is the blue one in stock?"));

    // The same message redelivered changes nothing and does not notify again.
    apply({message(kAccount, QStringLiteral("m1"), kNow, QStringLiteral("Is the blue one in stock?"))},
          false);
    QCOMPARE(notified.count(), 1);

    // A second account's conversation counts too.
    apply({message(kOther, QStringLiteral("m2"), kNow + 1, QStringLiteral("Hello"))});
    QCOMPARE(m_notifier->unreadCount(), 2);
    QCOMPARE(notified.count(), 2);
}

void TestNotifier::echoDoesNotNotify()
{
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    apply({message(kAccount, QStringLiteral("e1"), kNow, QStringLiteral("Thanks!"), true)});
    QCOMPARE(notified.count(), 0);
    QCOMPARE(m_notifier->unreadCount(), 0);
}

void TestNotifier::mutedAccountDoesNotNotify()
{
    m_notifier->setAccountMuted(kAccount, true);
    QVERIFY(m_notifier->isAccountMuted(kAccount));
    QVERIFY(!m_notifier->isAccountMuted(kOther));
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);

    apply({message(kAccount, QStringLiteral("m1"), kNow, QStringLiteral("muted"))});
    QCOMPARE(notified.count(), 0);
    QCOMPARE(m_notifier->unreadCount(), 1); // still counted

    apply({message(kOther, QStringLiteral("m2"), kNow, QStringLiteral("not muted"))});
    QCOMPARE(notified.count(), 1);

    m_notifier->setAccountMuted(kAccount, false);
    apply({message(kAccount, QStringLiteral("m3"), kNow + 5, QStringLiteral("unmuted"))});
    QCOMPARE(notified.count(), 2);
}

void TestNotifier::switchedOffDoesNotNotify()
{
    QVERIFY(m_notifier->notificationsEnabled());
    QVERIFY(!m_notifier->soundEnabled());
    m_notifier->setNotificationsEnabled(false);
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    apply({message(kAccount, QStringLiteral("m1"), kNow, QStringLiteral("quiet"))});
    QCOMPARE(notified.count(), 0);
    QCOMPARE(m_notifier->unreadCount(), 1);
    QCOMPARE(m_settings->value(QStringLiteral("notifications/enabled")).toBool(), false);
}

void TestNotifier::oldMessagesDoNotNotify()
{
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    apply({message(kAccount, QStringLiteral("old"), kNow - 86'400'000, QStringLiteral("yesterday"))});
    QCOMPARE(notified.count(), 0);
}

void TestNotifier::burstBecomesOneSummary()
{
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    QList<InboundEvent> burst;
    for (int i = 0; i < 5; ++i)
        burst.append(message(kAccount, QStringLiteral("b%1").arg(i), kNow + i, QStringLiteral("x")));
    apply(burst);
    QCOMPARE(notified.count(), 1);
    QVERIFY(notified.at(0).at(1).toString().contains(QLatin1String("5")));
}

// A backfill-sized commit: one summary, and old history in it stays quiet.
void TestNotifier::bigBatchReadsOnlyTheNewest()
{
    QSignalSpy notified(m_notifier.get(), &Notifier::notified);
    QList<InboundEvent> old;
    for (int i = 0; i < 200; ++i)
        old.append(message(kAccount, QStringLiteral("old%1").arg(i), kNow - 86'400'000 + i, QStringLiteral("x")));
    apply(old);
    QCOMPARE(notified.count(), 0);

    QList<InboundEvent> fresh;
    for (int i = 0; i < 120; ++i)
        fresh.append(message(kAccount, QStringLiteral("new%1").arg(i), kNow + i, QStringLiteral("y")));
    apply(fresh);
    QCOMPARE(notified.count(), 1);
}

void TestNotifier::titleWithCount()
{
    QCOMPARE(Notifier::titleWithCount(QStringLiteral("Inlet"), 0), QStringLiteral("Inlet"));
    QCOMPARE(Notifier::titleWithCount(QStringLiteral("Inlet"), 3), QStringLiteral("Inlet (3)"));
}

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
