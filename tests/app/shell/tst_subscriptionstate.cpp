// The accounts panel says how each account's messages arrive, and the words follow the state the
// core reports (SubscriptionKeeper): live with the age of the last event, subscription off,
// polling, failed; the "… ago" part ages by itself.
#include "app/shell/accountspanel.h"
#include "app/shell/avatarloader.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestSubscriptionState : public QObject {
    Q_OBJECT
private slots:
    void textFollowsTheState()
    {
        QNetworkAccessManager network;
        AvatarLoader avatars(&network);
        AccountsPanel panel(&avatars);
        qint64 now = 1'700'000'000'000;
        panel.setClock([&now] { return now; });
        Account account;
        account.id = QStringLiteral("17841400000000001");
        account.username = QStringLiteral("inlet.coffee");
        panel.setAccounts({ account });
        AccountRow *row = panel.row(account.id);
        QVERIFY(row);
        QVERIFY(row->subscriptionText().isEmpty()); // nothing reported yet

        using State = SubscriptionKeeper::State;
        SubscriptionKeeper::Status status;
        status.state = State::Live;
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(), QStringLiteral("Live (no event yet)"));

        status.lastEventMs = now - 2 * 60'000;
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(), QStringLiteral("Live (last event 2 min ago)"));
        now += 60LL * 60'000; // an hour later, the panel refreshes the age itself
        panel.setClock([&now] { return now; });
        QCOMPARE(row->subscriptionText(), QStringLiteral("Live (last event 1 h ago)"));

        status.state = State::SubscriptionOff;
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(), QStringLiteral("Subscription off: re-subscribing"));

        status.state = State::Live;
        status.lastEventMs = now - 5'000;
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(), QStringLiteral("Live (last event just now)"));

        status.state = State::Polling;
        status.pollIntervalMs = 30'000;
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(), QStringLiteral("No public URL: polling every 30 s"));

        status.state = State::Failed;
        status.error = Error::make(Error::Kind::Network, QStringLiteral("Connection refused"));
        panel.setSubscriptionStatus(account.id, status);
        QCOMPARE(row->subscriptionText(),
            QStringLiteral("Webhook subscription failed: Instagram could not be reached. "
                           "(Connection refused)"));

        // Rows made again (accounts reloaded) keep the state.
        panel.setAccounts({});
        panel.setAccounts({ account });
        QCOMPARE(panel.row(account.id)->subscriptionText(),
            QStringLiteral("Webhook subscription failed: Instagram could not be reached. "
                           "(Connection refused)"));
    }
};

QTEST_MAIN(TestSubscriptionState)
#include "tst_subscriptionstate.moc"
