// The customer simulator: deterministic for a seed, and its actions change the world the way the
// Graph API then reports it.
#include "sandbox/customersimulator.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/world.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace inlet::sandbox;
using inlet::test::HttpResult;
using inlet::test::SandboxTestClient;

namespace {

// What the world looks like, without timestamps (they follow the wall clock).
QStringList fingerprint(Sandbox &sandbox)
{
    QStringList out;
    for (const WorldMessage &m : sandbox.world().messages())
        out.append(QStringLiteral("%1|%2|%3|%4|%5|%6").arg(m.mid, m.customerIgsid, m.text).arg(m.fromCustomer).arg(m.deleted).arg(m.customerReaction));
    return out;
}

std::unique_ptr<Sandbox> makeSandbox(quint32 seed)
{
    SandboxOptions options;
    options.customers = 6;
    options.eventsPerMinute = 0;
    options.seed = seed;
    auto sandbox = std::make_unique<Sandbox>(options);
    if (!sandbox->start())
        return nullptr;
    return sandbox;
}

} // namespace

class TestSandboxSimulator : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameActions()
    {
        auto a = makeSandbox(7);
        auto b = makeSandbox(7);
        QVERIFY(a && b);
        QCOMPARE(fingerprint(*a), fingerprint(*b));
        QSignalSpy actedA(&a->simulator(), &CustomerSimulator::acted);
        QSignalSpy actedB(&b->simulator(), &CustomerSimulator::acted);
        for (int i = 0; i < 60; ++i) {
            a->simulator().step();
            b->simulator().step();
        }
        QVERIFY(actedA.size() > 40);
        QCOMPARE(actedA.size(), actedB.size());
        for (qsizetype i = 0; i < actedA.size(); ++i)
            QCOMPARE(actedA.at(i), actedB.at(i));
        QCOMPARE(fingerprint(*a), fingerprint(*b));

        auto c = makeSandbox(8);
        QVERIFY(c);
        QVERIFY(fingerprint(*a) != fingerprint(*c));
    }

    void actionsAreVariedAndVisibleThroughGraph()
    {
        auto sandbox = makeSandbox(3);
        QVERIFY(sandbox);
        SandboxTestClient client{sandbox->baseUrl()};
        const QString token = sandbox->issueToken();
        QSignalSpy acted(&sandbox->simulator(), &CustomerSimulator::acted);
        for (int i = 0; i < 200; ++i)
            sandbox->simulator().step();
        QSet<QString> kinds;
        for (const QList<QVariant> &args : std::as_const(acted))
            kinds.insert(args.at(0).toString());
        for (const char *kind : {"text", "image", "read", "reaction", "reply"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), kind);

        // The conversation updated last is the one a simulated customer touched last with a message.
        const HttpResult list = client.get(QStringLiteral("/me/conversations?platform=instagram&limit=1"), token);
        const QString conv = list.json()[QStringLiteral("data")][0][QStringLiteral("id")].toString();
        const QString igsid = sandbox->world().customerForConversation(conv);
        QVERIFY(!igsid.isEmpty());
        const HttpResult messages = client.get(QStringLiteral("/%1?fields=messages{id,message,from}").arg(conv), token);
        const QJsonObject newest = messages.json()[QStringLiteral("messages")][QStringLiteral("data")][0].toObject();
        QCOMPARE(newest.value(QStringLiteral("id")).toString(), sandbox->world().conversation(igsid).first()->mid);
    }

    void timerDrivesTheSimulator()
    {
        auto sandbox = makeSandbox(5);
        QVERIFY(sandbox);
        QSignalSpy acted(&sandbox->simulator(), &CustomerSimulator::acted);
        sandbox->simulator().setRate(6000); // one every 10 ms on average
        QTRY_VERIFY_WITH_TIMEOUT(acted.size() >= 5, 5000);
        sandbox->simulator().setRate(0);
        const qsizetype stopped = acted.size();
        QTest::qWait(100);
        QCOMPARE(acted.size(), stopped);
    }
};

QTEST_GUILESS_MAIN(TestSandboxSimulator)
#include "tst_sandboxsimulator.moc"
