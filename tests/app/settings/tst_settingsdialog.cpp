#include "app/settings/settingsdialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

// The settings dialog edits values only: hosts default to Instagram, bad input is refused with a
// reason, and the secret is returned to the caller (for the keychain), never pre-filled.
class TestSettingsDialog : public QObject {
    Q_OBJECT
private:
    static QLineEdit *edit(SettingsDialog &dialog, const QString &accessibleName)
    {
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>()) {
            if (e->accessibleName() == accessibleName)
                return e;
        }
        return nullptr;
    }

private slots:
    void roundTripsTheConfig()
    {
        AppConfig config;
        config.appId = QStringLiteral("123");
        config.metaAppId = QStringLiteral("456");
        config.redirectUri = QUrl(QStringLiteral("https://example.com/cb"));
        config.hosts = InstagramHosts::allAt(QUrl(QStringLiteral("http://127.0.0.1:9000")));
        SettingsDialog dialog(config, true, nullptr);
        QCOMPARE(dialog.config(), config);
        QVERIFY(!dialog.newSecret()); // an empty field keeps the stored secret
        QVERIFY(edit(dialog, QStringLiteral("Instagram App Secret"))->text().isEmpty());
        QVERIFY(!dialog.newMetaSecret());
        QVERIFY(edit(dialog, QStringLiteral("Meta App Secret"))->text().isEmpty());
    }

    // Both pairs of a Meta app, each with where Meta's dashboard shows it; the Meta pair is
    // optional and its secret is handed to the caller (for the keychain), never pre-filled.
    void asksForBothPairsAndSaysWhereEachIs()
    {
        SettingsDialog dialog(AppConfig {}, false, nullptr);
        QLineEdit *metaId = edit(dialog, QStringLiteral("Meta App ID"));
        QLineEdit *metaSecret = edit(dialog, QStringLiteral("Meta App Secret"));
        QVERIFY(metaId && metaSecret);
        QCOMPARE(metaSecret->echoMode(), QLineEdit::Password);
        QStringList texts;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            texts.append(label->text());
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("Instagram > API setup with Instagram login")),
            qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("App settings > Basic")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("keychain")), qPrintable(all));

        metaId->setText(QStringLiteral(" 2345678901234567 "));
        metaSecret->setText(QStringLiteral("  meta-s3cret "));
        QCOMPARE(dialog.config().metaAppId, QStringLiteral("2345678901234567"));
        QCOMPARE(dialog.newMetaSecret().value_or(QString()), QStringLiteral("meta-s3cret"));
        QVERIFY(!dialog.newSecret()); // the Instagram one stays as it was

        dialog.setHasMetaSecret(true);
        QVERIFY(metaSecret->placeholderText().contains(QLatin1String("keychain")));
    }

    void resetToInstagram()
    {
        AppConfig config;
        config.hosts = InstagramHosts::allAt(QUrl(QStringLiteral("http://127.0.0.1:9000")));
        SettingsDialog dialog(config, false, nullptr);
        dialog.resetHostsToInstagram();
        QCOMPARE(dialog.config().hosts, InstagramHosts());
    }

    void newSecretIsReturned()
    {
        SettingsDialog dialog(AppConfig{}, false, nullptr);
        QLineEdit *secret = edit(dialog, QStringLiteral("Instagram App Secret"));
        QVERIFY(secret);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        secret->setText(QStringLiteral("  s3cret  "));
        QCOMPARE(dialog.newSecret().value_or(QString()), QStringLiteral("s3cret"));
    }

    void invalidInputIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("app id not a number") << "Instagram App ID" << "abc";
        QTest::newRow("meta app id not a number") << "Meta App ID"
                                                  << "12ab";
        QTest::newRow("meta secret without its id") << "Meta App Secret"
                                                    << "s3cret";
        QTest::newRow("redirect not a URL") << "Redirect URI" << "not a url";
        QTest::newRow("redirect custom scheme") << "Redirect URI" << "inlet://callback";
        QTest::newRow("host without scheme") << "Graph API host" << "graph.instagram.com";
        QTest::newRow("media upload without public") << "Media upload URL" << "https://media.example.com/dav";
        QTest::newRow("media public without upload") << "Media public URL" << "https://media.example.com/p";
        QTest::newRow("media not a URL") << "Media upload URL" << "media host";
    }

    void invalidInputIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        SettingsDialog dialog(AppConfig{}, false, nullptr);
        dialog.show();
        edit(dialog, field)->setText(value);
        dialog.accept();
        QVERIFY(dialog.isVisible()); // stays open
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QLabel *error = nullptr;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->accessibleName() == QLatin1String("Settings error"))
                error = label;
        }
        QVERIFY(error && error->isVisible() && !error->text().isEmpty());
    }

    void validInputIsAccepted()
    {
        SettingsDialog dialog(AppConfig{}, false, nullptr);
        dialog.show();
        edit(dialog, QStringLiteral("Instagram App ID"))->setText(QStringLiteral("1234567890"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.config().appId, QStringLiteral("1234567890"));
        QVERIFY(dialog.config().isComplete());
        QVERIFY(!dialog.config().hasMetaApp()); // the Instagram pair alone is enough
    }

    void mediaHostRoundTripsAndExplains()
    {
        AppConfig config;
        config.mediaUploadUrl = QUrl(QStringLiteral("https://media.example.com/dav/inlet"));
        config.mediaPublicUrl = QUrl(QStringLiteral("https://cdn.example.com/inlet"));
        SettingsDialog dialog(config, false, nullptr);
        QCOMPARE(dialog.config(), config);
        QVERIFY(dialog.config().hasMediaHost());
        QCOMPARE(edit(dialog, QStringLiteral("Media upload URL"))->text(), config.mediaUploadUrl.toString());

        // The one line that says why a public HTTPS address is needed.
        bool explained = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            explained = explained || label->text().contains(QStringLiteral("public HTTPS address"));
        QVERIFY(explained);

        // Emptying both turns attachments from a file off; the token is a password field that
        // is never pre-filled and handed back only when typed.
        edit(dialog, QStringLiteral("Media upload URL"))->clear();
        edit(dialog, QStringLiteral("Media public URL"))->clear();
        QVERIFY(!dialog.config().hasMediaHost());
        QLineEdit *token = edit(dialog, QStringLiteral("Media host access token"));
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog.newMediaToken());
        dialog.setHasMediaToken(true);
        QVERIFY(token->text().isEmpty());
        QVERIFY(token->placeholderText().contains(QStringLiteral("keychain")));
        token->setText(QStringLiteral(" t0ken "));
        QCOMPARE(dialog.newMediaToken().value_or(QString()), QStringLiteral("t0ken"));
    }

    void publicMediaUrlMustBeHttps()
    {
        SettingsDialog dialog(AppConfig{}, false, nullptr);
        dialog.show();
        edit(dialog, QStringLiteral("Media upload URL"))->setText(QStringLiteral("http://10.0.0.5/dav"));
        edit(dialog, QStringLiteral("Media public URL"))->setText(QStringLiteral("http://media.example.com/p"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        // A sandbox on this machine may use plain http.
        edit(dialog, QStringLiteral("Media public URL"))->setText(QStringLiteral("http://127.0.0.1:8765/media"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.config().mediaPublicUrl, QUrl(QStringLiteral("http://127.0.0.1:8765/media")));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
