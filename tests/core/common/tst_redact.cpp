#include "common/redact.h"

#include <QTest>

using namespace inlet;

class TestRedact : public QObject {
    Q_OBJECT
private slots:
    void secretKeepsOnlyAPrefix()
    {
        const QString token = QStringLiteral("IGAAsecretsecretsecretsecret");
        const QString shown = redactSecret(token);
        QVERIFY(!shown.contains(QStringLiteral("secretsecret")));
        QVERIFY(shown.startsWith(QStringLiteral("IGAA")));
        QCOMPARE(redactSecret(QString()), QStringLiteral("(empty)"));
    }

    void urlQueryValuesAreMasked()
    {
        const QUrl url(QStringLiteral(
            "https://graph.instagram.com/v25.0/me?fields=id&access_token=IGAAtok123&client_secret=s3"));
        const QString shown = redactUrl(url);
        QVERIFY(!shown.contains(QStringLiteral("IGAAtok123")));
        QVERIFY(!shown.contains(QStringLiteral("s3")));
        QVERIFY(shown.contains(QStringLiteral("fields=id")));
        QVERIFY(shown.contains(QStringLiteral("access_token=REDACTED")));
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
