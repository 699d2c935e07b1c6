// AppConfig's media host settings (names the Settings dialog relies on) and their wiring: the
// sandbox sets the media host, and CoreServices keeps the uploader on the configured host.
#include "auth/tokenvault.h"
#include "outbox/httpmediauploader.h"
#include "service/appconfig.h"
#include "service/appsetup.h"
#include "service/coreservices.h"
#include "service/sandboxlink.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

class TestAppConfig : public QObject {
    Q_OBJECT
private slots:
    void mediaHostIsSavedUnderItsKeys()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("inlet.ini")), QSettings::IniFormat);
        AppConfig config;
        QVERIFY(!config.hasMediaHost());
        config.mediaUploadUrl = QUrl(QStringLiteral("https://dav.example.com/inlet"));
        config.mediaPublicUrl = QUrl(QStringLiteral("https://media.example.com/inlet"));
        config.save(settings);
        QCOMPARE(settings.value(QStringLiteral("media/uploadUrl")).toString(),
            QStringLiteral("https://dav.example.com/inlet"));
        QCOMPARE(settings.value(QStringLiteral("media/publicUrl")).toString(),
            QStringLiteral("https://media.example.com/inlet"));
        const AppConfig loaded = AppConfig::load(settings);
        QCOMPARE(loaded, config);
        QVERIFY(loaded.hasMediaHost());
    }

    void sandboxPointsTheUploaderAtItsMediaHost()
    {
        QTemporaryDir dir;
        CoreOptions options;
        options.dataDir = dir.path();
        auto core = CoreServices::create(options);
        QVERIFY(core.has_value());
        (*core)->vault()->setSessionOnlyFallback(true);
        HttpMediaUploader *uploader = (*core)->mediaUploader();
        QVERIFY(!uploader->isConfigured()); // a real account without a media host

        const QUrl base(QStringLiteral("http://127.0.0.1:8765"));
        auto stored = (*core)->sandboxLink()->use(base,
            AppCredentials { QStringLiteral("1000000000000001"), QStringLiteral("s"), {}, {} });
        QTRY_VERIFY(stored.isFinished());
        QCOMPARE((*core)->appSetup()->config().mediaUploadUrl,
            QUrl(QStringLiteral("http://127.0.0.1:8765/media")));
        QCOMPARE((*core)->appSetup()->config().mediaPublicUrl,
            QUrl(QStringLiteral("http://127.0.0.1:8765/media")));
        QVERIFY(uploader->isConfigured());
        QCOMPARE(uploader->uploadUrl(), QUrl(QStringLiteral("http://127.0.0.1:8765/media")));

        // The manager's own host replaces it, and a later sandbox start (new port) keeps it.
        AppConfig config = (*core)->appSetup()->config();
        config.mediaUploadUrl = QUrl(QStringLiteral("https://dav.example.com/up"));
        config.mediaPublicUrl = QUrl(QStringLiteral("https://cdn.example.com/up"));
        (*core)->appSetup()->setConfig(config);
        QCOMPARE(uploader->publicUrl(), QUrl(QStringLiteral("https://cdn.example.com/up")));
        stored = (*core)->sandboxLink()->use(QUrl(QStringLiteral("http://127.0.0.1:9999")),
            AppCredentials { QStringLiteral("1000000000000001"), QStringLiteral("s"), {}, {} });
        QTRY_VERIFY(stored.isFinished());
        QCOMPARE(uploader->uploadUrl(), QUrl(QStringLiteral("https://dav.example.com/up")));
    }

    void joinKeepsOneSlash()
    {
        QCOMPARE(
            HttpMediaUploader::join(QUrl(QStringLiteral("https://h/a")), QStringLiteral("f.png")),
            QUrl(QStringLiteral("https://h/a/f.png")));
        QCOMPARE(
            HttpMediaUploader::join(QUrl(QStringLiteral("https://h/a/")), QStringLiteral("f.png")),
            QUrl(QStringLiteral("https://h/a/f.png")));
        QCOMPARE(
            HttpMediaUploader::join(QUrl(QStringLiteral("https://h")), QStringLiteral("f.png")),
            QUrl(QStringLiteral("https://h/f.png")));
    }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
