#include "graph/instagramhosts.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

class TestInstagramHosts : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreTheRealHosts()
    {
        const InstagramHosts hosts;
        QCOMPARE(hosts.authorizeEndpoint(), QUrl(QStringLiteral("https://www.instagram.com/oauth/authorize")));
        QCOMPARE(hosts.tokenEndpoint(), QUrl(QStringLiteral("https://api.instagram.com/oauth/access_token")));
        QCOMPARE(hosts.graphUrl(QStringLiteral("me")), QUrl(QStringLiteral("https://graph.instagram.com/v25.0/me")));
        QCOMPARE(hosts.graphUnversionedUrl(QStringLiteral("refresh_access_token")),
                 QUrl(QStringLiteral("https://graph.instagram.com/refresh_access_token")));
        QCOMPARE(hosts.facebookGraphUrl(QStringLiteral("123/subscriptions")),
                 QUrl(QStringLiteral("https://graph.facebook.com/v25.0/123/subscriptions")));
    }

    void allAtTheSandbox()
    {
        const InstagramHosts hosts = InstagramHosts::allAt(QUrl(QStringLiteral("http://127.0.0.1:4567")));
        QCOMPARE(hosts.graphUrl(QStringLiteral("me/messages")),
                 QUrl(QStringLiteral("http://127.0.0.1:4567/v25.0/me/messages")));
        QCOMPARE(hosts.authorizeEndpoint(), QUrl(QStringLiteral("http://127.0.0.1:4567/oauth/authorize")));
        // A base with a path prefix and trailing slash.
        const InstagramHosts prefixed = InstagramHosts::allAt(QUrl(QStringLiteral("http://h/ig/")));
        QCOMPARE(prefixed.tokenEndpoint(), QUrl(QStringLiteral("http://h/ig/oauth/access_token")));
    }

    void segmentsAreEncoded()
    {
        const InstagramHosts hosts;
        const QUrl url = hosts.graphUrl(InstagramHosts::encodeSegment(QStringLiteral("a/b+c=")));
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://graph.instagram.com/v25.0/a%2Fb%2Bc%3D"));
    }

    void settingsRoundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(InstagramHosts::load(settings), InstagramHosts());
        InstagramHosts hosts = InstagramHosts::allAt(QUrl(QStringLiteral("http://127.0.0.1:9")));
        hosts.apiVersion = QStringLiteral("v99.0");
        hosts.save(settings);
        settings.sync();
        QSettings again(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(InstagramHosts::load(again), hosts);
    }
};

QTEST_GUILESS_MAIN(TestInstagramHosts)
#include "tst_instagramhosts.moc"
