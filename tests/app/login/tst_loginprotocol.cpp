// What the app and its login window's process (inlet-login) say to each other, one JSON object a
// line: each message arrives as it was sent, one line each, and a line that is not one of them is
// refused rather than guessed at (the app ignores it; the window's process quits without a
// request).
#include "app/login/loginprotocol.h"

#include <QTest>

using namespace inlet;
using namespace inlet::app;
using namespace inlet::app::loginprotocol;

class TestLoginProtocol : public QObject {
    Q_OBJECT
private slots:
    void requestRoundTrip()
    {
        Request request;
        request.authorizeUrl = QUrl(QStringLiteral(
            "https://www.instagram.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2F"
            "localhost%2Fcb&state=a%2Bb%20c"));
        request.redirectUri = QUrl(QStringLiteral("https://localhost/inlet/callback"));
        request.dataDir = QStringLiteral("/home/ana/.local/share/Inlet/profile \"x\"");
        request.theme = QStringLiteral("dark");
        request.parentWindow = quintptr(0x3a00007);
        request.parentGeometry = QRect(-20, 40, 1200, 800);

        const QByteArray line = encode(request);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1); // one line, whatever the strings hold
        const auto decoded = decodeRequest(line);
        QVERIFY(decoded);
        QCOMPARE(decoded->authorizeUrl, request.authorizeUrl);
        QCOMPARE(decoded->redirectUri, request.redirectUri);
        QCOMPARE(decoded->dataDir, request.dataDir);
        QCOMPARE(decoded->theme, request.theme);
        QCOMPARE(decoded->parentWindow, request.parentWindow);
        QCOMPARE(decoded->parentGeometry, request.parentGeometry);
    }

    void requestWithoutValidUrlsIsRefused()
    {
        QVERIFY(!decodeRequest("not json"));
        QVERIFY(!decodeRequest("[1,2]"));
        QVERIFY(!decodeRequest("{\"authorizeUrl\":\"https://x/a\"}")); // no redirect URI
        QVERIFY(
            !decodeRequest("{\"authorizeUrl\":\"http://[::1\",\"redirectUri\":\"https://x/\"}"));
        // Nothing of the command line: a command is not a request.
        QVERIFY(!decodeRequest(encode(Command::Raise)));
    }

    void commandsRoundTrip()
    {
        QCOMPARE(decodeCommand(encode(Command::Raise)), std::optional(Command::Raise));
        QCOMPARE(decodeCommand(encode(Command::Cancel)), std::optional(Command::Cancel));
        QVERIFY(!decodeCommand("{\"command\":\"quit\"}"));
        QVERIFY(!decodeCommand("raise"));
        QVERIFY(!decodeCommand({}));
    }

    void eventsRoundTrip()
    {
        const auto opened = decodeEvent(encode(Event { Event::Type::Opened, {}, {} }));
        QVERIFY(opened && opened->type == Event::Type::Opened);
        const auto loaded = decodeEvent(encode(Event { Event::Type::Loaded, {}, {} }));
        QVERIFY(loaded && loaded->type == Event::Type::Loaded);

        const QUrl redirect(
            QStringLiteral("https://localhost/inlet/callback?code=AQ%2Bx_y#_&state=s"));
        const auto redirected = decodeEvent(encode(Event { Event::Type::Redirect, redirect, {} }));
        QVERIFY(redirected && redirected->type == Event::Type::Redirect);
        QCOMPARE(redirected->redirect, redirect);

        for (const auto kind : { Error::Kind::Cancelled, Error::Kind::Network }) {
            const Error error = Error::make(kind, QStringLiteral("Die Seite\nlud nicht (ü)"));
            const QByteArray line = encode(Event { Event::Type::Failed, {}, error });
            QCOMPARE(line.count('\n'), 1);
            const auto failed = decodeEvent(line);
            QVERIFY(failed && failed->type == Event::Type::Failed);
            QCOMPARE(failed->error.kind, kind);
            QCOMPARE(failed->error.message, error.message);
        }
    }

    void otherEventsAreRefused()
    {
        QVERIFY(!decodeEvent("{\"event\":\"closed\"}"));
        QVERIFY(!decodeEvent("{\"event\":\"redirect\",\"url\":\"http://[::1\"}"));
        QVERIFY(!decodeEvent("{\"event\":\"opened\"")); // cut off
        QVERIFY(!decodeEvent("inlet.app: a log line"));
    }
};

QTEST_APPLESS_MAIN(TestLoginProtocol)
#include "tst_loginprotocol.moc"
