// OutboxService: the production wiring (Store, GraphClient, TokenVault) sends end to end.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "outbox/senderactions.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "store/store.h"

using namespace inlet;

class TestOutboxService : public QObject
{
    Q_OBJECT
private slots:
    void sendsWithTheTokenFromTheVault()
    {
        QTemporaryDir dir;
        sandbox::SandboxOptions options;
        options.customers = 2;
        options.eventsPerMinute = 0;
        sandbox::Sandbox sandbox(options);
        const auto base = sandbox.start();
        QVERIFY(base.has_value());
        const QString igsid = sandbox.world().customers().first().profile.igsid;
        QVERIFY(sandbox.injectEvent({{QStringLiteral("kind"), QStringLiteral("text")},
                                     {QStringLiteral("customer"), igsid},
                                     {QStringLiteral("text"), QStringLiteral("hi")}}));

        TokenVault vault;
        vault.setSessionOnlyFallback(true); // in memory: no keyring needed for this test
        auto written = vault.write(TokenVault::accountKey(options.businessId), sandbox.issueToken());
        QTRY_VERIFY(written.isFinished());
        QVERIFY(written.result().has_value());

        auto store = Store::open(dir.path());
        QVERIFY(store.has_value());
        GraphClient client(InstagramHosts::allAt(*base));
        OutboxService service(store->get(), &client, &vault);
        service.outbox()->start();
        QSignalSpy sent(service.outbox(), &Outbox::sent);
        OutgoingMessage m;
        m.accountId = options.businessId;
        m.customerId = igsid;
        m.text = QStringLiteral("Hello from the service");
        service.outbox()->send(m);
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY(service.senderActions()->markSeen(options.businessId, igsid));
        QTRY_COMPARE(sandbox.sentMessages().size(), 2);
        QCOMPARE(sandbox.sentMessages().first().value(QStringLiteral("message_id")).toString(), sent[0][1].toString());
    }
};

QTEST_GUILESS_MAIN(TestOutboxService)
#include "tst_outboxservice.moc"
