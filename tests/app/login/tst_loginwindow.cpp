#include "app/asanwebengine.h"
#include "app/login/loginpage.h"
#include "app/login/loginprofile.h"
#include "app/login/loginwindow.h"
#include "auth/oauthflow.h"
#include "core/graph/graphtestutil.h"
#include "graph/graphclient.h"
#include "sandbox/sandbox.h"
#include "support/testsupport.h"

#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QHttpServer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkCookie>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebEngineCookieStore>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <memory>
#include <optional>

using namespace inlet;
using namespace inlet::app;
using inlet::test::await;

// Receives what the desktop would open in the system browser.
class BrowserSink : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl &url) { opened.append(url); }
};

// The real login window (Qt WebEngine, offscreen) against the sandbox's consent page.
class TestLoginWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<GraphClient> m_client;
    QWebEngineProfile *m_profile = nullptr;
    // Stands where the redirect URI points: it must never see a request.
    QHttpServer m_redirectTarget;
    int m_redirectHits = 0;
    QUrl m_redirectUri;
    BrowserSink m_browser;

    OAuthConfig config() const
    {
        return OAuthConfig{m_sandbox->options().appId, m_sandbox->options().appSecret,
                           m_redirectUri.toString()};
    }

    std::unique_ptr<LoginWindow> window(const QUrl &authorizeUrl, OAuthFlow &flow)
    {
        auto w = std::make_unique<LoginWindow>(m_profile, authorizeUrl, m_redirectUri,
                                               [&flow](const QUrl &url) {
                                                   return flow.handleRedirect(url);
                                               });
        w->show();
        return w;
    }

    // Waits for the consent page, then clicks one of its buttons like the manager would.
    bool click(LoginWindow &w, const QString &id)
    {
        QSignalSpy loaded(w.view()->page(), &QWebEnginePage::loadFinished);
        if (!loaded.wait(15000) || !loaded.first().first().toBool())
            return false;
        w.view()->page()->runJavaScript(
            QStringLiteral("document.getElementById('%1').click();").arg(id));
        return true;
    }

    // The result of a script in the page (invalid on timeout).
    static QVariant evaluate(QWebEnginePage *page, const QString &script)
    {
        auto result = std::make_shared<std::optional<QVariant>>();
        page->runJavaScript(script, [result](const QVariant &value) { *result = value; });
        (void)QTest::qWaitFor([&result] { return result->has_value(); }, 10000);
        return result->value_or(QVariant());
    }

    // Every file under the login profile's data directory.
    QStringList filesUnderDataDir() const
    {
        QStringList files;
        QDirIterator it(
            m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        options.customers = 2;
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        QVERIFY(base);
        m_client = std::make_unique<GraphClient>(InstagramHosts::allAt(*base));
        m_client->setTransferTimeout(std::chrono::seconds(5));
        m_profile = createLoginProfile(m_dir.path(), this);

        m_redirectTarget.route(QStringLiteral("/<arg>"), [this](const QString &) {
            ++m_redirectHits;
            return QStringLiteral("the redirect must never load");
        });
        m_redirectTarget.setMissingHandler([this](const QHttpServerRequest &, QHttpServerResponder &&r) {
            ++m_redirectHits;
            r.write(QHttpServerResponder::StatusCode::NotFound);
        });
        const quint16 port = m_redirectTarget.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        m_redirectUri = QUrl(QStringLiteral("http://127.0.0.1:%1/oauth/callback").arg(port));
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        delete m_profile; // after every window and page is gone
        m_profile = nullptr;
    }

    void redirectMatching_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("matches");
        QTest::newRow("same") << "https://localhost/inlet/callback?code=x#_" << true;
        QTest::newRow("trailing slash") << "https://localhost/inlet/callback/?code=x" << true;
        QTest::newRow("default port") << "https://localhost:443/inlet/callback" << true;
        QTest::newRow("host case") << "https://LOCALHOST/inlet/callback" << true;
        QTest::newRow("other port") << "https://localhost:8443/inlet/callback" << false;
        QTest::newRow("other scheme") << "http://localhost/inlet/callback" << false;
        QTest::newRow("other path") << "https://localhost/inlet/other" << false;
        QTest::newRow("other host") << "https://evil.example/inlet/callback" << false;
        QTest::newRow("prefix path") << "https://localhost/inlet/callbackx" << false;
    }

    void redirectMatching()
    {
        QFETCH(QString, candidate);
        QFETCH(bool, matches);
        const QUrl redirect(QStringLiteral("https://localhost/inlet/callback"));
        QCOMPARE(LoginPage::matchesRedirect(QUrl(candidate), redirect), matches);
    }

    void allowCapturesRedirectBeforeItLoads()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy code(w.get(), &LoginWindow::codeReceived);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        w->start();
        QVERIFY(click(*w, QStringLiteral("allow")));
        QVERIFY(code.wait(15000));
        QCOMPARE(failed.count(), 0);
        const QString received = code.first().first().toString();
        QVERIFY(!received.isEmpty());
        QVERIFY(!received.contains(QLatin1Char('#')));
        QTRY_VERIFY(!w->isVisible()); // the window closes itself
        QVERIFY(w->isFinished());

        // The code is real: the exchange with the sandbox succeeds.
        const auto signedIn = await(flow.signIn(received));
        QVERIFY(signedIn && *signedIn);
        QCOMPARE((*signedIn)->account.id, m_sandbox->options().businessId);

        // Nothing ever reached the redirect URI: a request of our own, sent after everything
        // above, is the first and only one it answered.
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> marker(
            network.get(QNetworkRequest(m_redirectUri.resolved(QUrl(QStringLiteral("/marker"))))));
        QTRY_VERIFY(marker->isFinished());
        QCOMPARE(m_redirectHits, 1);
        m_redirectHits = 0; // ours
        QCOMPARE(code.count(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void denyEndsWithClearError()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy code(w.get(), &LoginWindow::codeReceived);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        w->start();
        QVERIFY(click(*w, QStringLiteral("deny")));
        QVERIFY(failed.wait(15000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind, Error::Kind::Auth);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(code.count(), 0);
        QCOMPARE(m_redirectHits, 0);
    }

    void wrongStateEndsWithError()
    {
        OAuthFlow flow(m_client.get(), config());
        QUrl authorize = flow.authorizeUrl();
        QUrlQuery query(authorize);
        query.removeQueryItem(QStringLiteral("state"));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-state"));
        authorize.setQuery(query);
        auto w = window(authorize, flow);
        QSignalSpy code(w.get(), &LoginWindow::codeReceived);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        w->start();
        QVERIFY(click(*w, QStringLiteral("allow")));
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Auth);
        QCOMPARE(code.count(), 0);
        QCOMPARE(m_redirectHits, 0);
    }

    void closingTheWindowCancels()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        QSignalSpy loaded(w->view()->page(), &QWebEnginePage::loadFinished);
        w->start();
        QVERIFY(loaded.wait(15000));
        w->close();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::Cancelled);
        QVERIFY(w->isFinished());
        w->close(); // a second close reports nothing more
        QCOMPARE(failed.count(), 1);
    }

    void unreachableHostEndsWithNetworkError()
    {
        OAuthFlow flow(m_client.get(), config());
        QUrl authorize = flow.authorizeUrl();
        const QUrl closed = test::closedPortUrl();
        authorize.setPort(closed.port());
        auto w = window(authorize, flow);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        w->start();
        QVERIFY(failed.wait(15000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind, Error::Kind::Network);
        QVERIFY(!error.message.isEmpty());
    }

    void newWindowLinksGoToTheSystemBrowser()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        QSignalSpy loaded(w->view()->page(), &QWebEnginePage::loadFinished);
        w->start();
        QVERIFY(loaded.wait(15000));
        m_browser.opened.clear();
        w->view()->page()->runJavaScript(
            QStringLiteral("window.open('https://help.instagram.com/inlet-test', '_blank');"));
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 10000);
        QCOMPARE(m_browser.opened.first(), QUrl(QStringLiteral("https://help.instagram.com/inlet-test")));
        QVERIFY(!w->isFinished());
        QCOMPARE(failed.count(), 0);
        w->close();
    }

    void navigationPolicy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("mainFrame");
        QTest::addColumn<int>("decision");
        const int load = int(LoginNavigation::Decision::Load);
        const int external = int(LoginNavigation::Decision::OpenExternally);
        const int refuse = int(LoginNavigation::Decision::Refuse);
        // The authorize URL is http://127.0.0.1:8765/oauth/authorize (the sandbox).
        QTest::newRow("authorize origin")
            << "http://127.0.0.1:8765/oauth/authorize/allow?x=1" << true << load;
        QTest::newRow("instagram") << "https://www.instagram.com/accounts/login/" << true << load;
        QTest::newRow("instagram apex") << "https://instagram.com/" << true << load;
        QTest::newRow("accounts centre") << "https://accountscenter.instagram.com/" << true << load;
        QTest::newRow("facebook") << "https://www.facebook.com/login.php" << true << load;
        QTest::newRow("facebook mobile") << "https://m.facebook.com/" << true << load;
        QTest::newRow("meta") << "https://auth.meta.com/" << true << load;
        QTest::newRow("http instagram") << "http://www.instagram.com/" << true << external;
        QTest::newRow("look-alike") << "https://instagram.com.evil.example/" << true << external;
        QTest::newRow("suffix trick") << "https://evilinstagram.com/" << true << external;
        QTest::newRow("other port") << "http://127.0.0.1:8766/oauth/authorize" << true << external;
        QTest::newRow("other site") << "https://example.com/privacy" << true << external;
        QTest::newRow("file") << "file:///etc/passwd" << true << refuse;
        QTest::newRow("javascript") << "javascript:alert(1)" << true << refuse;
        QTest::newRow("custom scheme") << "intent://x" << true << refuse;
        QTest::newRow("frame https")
            << "https://www.google.com/recaptcha/api2/anchor" << false << load;
        QTest::newRow("frame about") << "about:blank" << false << load;
        QTest::newRow("frame http") << "http://example.com/" << false << refuse;
        QTest::newRow("frame file") << "file:///etc/passwd" << false << refuse;
    }

    void navigationPolicy()
    {
        QFETCH(QString, url);
        QFETCH(bool, mainFrame);
        QFETCH(int, decision);
        const LoginNavigation navigation(
            QUrl(QStringLiteral("http://127.0.0.1:8765/oauth/authorize?client_id=1")));
        QCOMPARE(int(navigation.decide(QUrl(url), mainFrame)), decision);
    }

    // Issue 12: a link on the consent page to another site (the app's privacy policy) never
    // loads in the login view; it is handed to the system browser.
    void linksLeavingInstagramGoToTheOpener()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QList<QUrl> opened;
        auto *page = qobject_cast<LoginPage *>(w->view()->page());
        QVERIFY(page);
        page->setExternalOpener([&opened](const QUrl &url) { opened.append(url); });
        QSignalSpy failed(w.get(), &LoginWindow::failed);
        w->start();
        QVERIFY(click(*w, QStringLiteral("privacy")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(opened.first(), QUrl(QStringLiteral("https://example.com/inlet-sandbox/privacy")));
        // The opener was the answer to the link's navigation request; a round trip through the
        // page after it finds the consent page still there.
        QCOMPARE(evaluate(page, QStringLiteral("document.getElementById('allow') !== null")),
            QVariant(true));
        QCOMPARE(w->view()->url().host(), flow.authorizeUrl().host());
        QCOMPARE(w->view()->url().port(), flow.authorizeUrl().port());
        QVERIFY(!w->isFinished());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(opened.size(), 1);
        w->close();
    }

    // Issue 12: the login profile is off the record and forgets the session after a sign-in.
    // The sandbox logs the browser in with a persistent sessionid cookie on Allow (as Instagram
    // does); nothing of it reaches the disk, and the next sign-in sees the login again.
    void signInLeavesNoSessionBehind()
    {
        QVERIFY(m_profile->isOffTheRecord());
        QSignalSpy cookies(m_profile->cookieStore(), &QWebEngineCookieStore::cookieAdded);
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy code(w.get(), &LoginWindow::codeReceived);
        w->start();
        QVERIFY(click(*w, QStringLiteral("allow")));
        QVERIFY(code.wait(15000));
        // The sandbox did log the browser in (so the checks below are not vacuous). The cookie
        // store hears of it from Chromium's network process, possibly after the redirect.
        const auto session = [&cookies] {
            for (const QList<QVariant> &args : cookies) {
                if (args.first().value<QNetworkCookie>().name() == "sessionid")
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(session(), 10000);
        QTRY_VERIFY(!w->isVisible());
        w.reset();

        OAuthFlow second(m_client.get(), config());
        auto again = window(second.authorizeUrl(), second);
        QSignalSpy loaded(again->view()->page(), &QWebEnginePage::loadFinished);
        again->start();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(evaluate(again->view()->page(),
                     QStringLiteral("document.getElementById('session') === null "
                                    "&& document.getElementById('login') !== null")),
            QVariant(true));
        again->close();
        QCOMPARE(filesUnderDataDir(), QStringList());
    }

    void useAnotherAccountReloadsTheLoginPage()
    {
        OAuthFlow flow(m_client.get(), config());
        auto w = window(flow.authorizeUrl(), flow);
        QSignalSpy code(w.get(), &LoginWindow::codeReceived);
        w->start();
        QSignalSpy loaded(w->view()->page(), &QWebEnginePage::loadFinished);
        QVERIFY(loaded.wait(15000));
        w->useAnotherAccount();
        QVERIFY(click(*w, QStringLiteral("allow")));
        QVERIFY(code.wait(15000));

        // Screenshot of a consent page for the docs (a fresh window, page loaded).
        OAuthFlow second(m_client.get(), config());
        auto shot = window(second.authorizeUrl(), second);
        QSignalSpy shotLoaded(shot->view()->page(), &QWebEnginePage::loadFinished);
        shot->start();
        QVERIFY(shotLoaded.wait(15000));
        QTest::qWait(300); // let the compositor paint the page
        const QString dir = test::screenshotDir();
        QDir().mkpath(dir);
        QVERIFY(shot->grab().save(dir + QStringLiteral("/login-window.png")));
        shot->close();
    }
};

QTEST_MAIN(TestLoginWindow)
#include "tst_loginwindow.moc"
