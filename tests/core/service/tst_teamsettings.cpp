// Team mode's settings: what inlet.ini keeps (never a password), and which connections are
// accepted: a database on another computer only over TLS with verify-full and a CA file.
#include "service/teamsettings.h"
#include "support/teamsettingsfixture.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;

class TstTeamSettings : public QObject {
    Q_OBJECT

private:
    static TeamSettings remote() { return test::remoteTeamSettings(); }

private slots:
    void roundTripsThroughTheProfileAndClears()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("inlet.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            QVERIFY(!TeamSettings::load(settings).isSet());
            remote().save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        const TeamSettings loaded = TeamSettings::load(settings);
        QVERIFY(loaded.isSet());
        QCOMPARE(loaded.host, remote().host);
        QCOMPARE(loaded.port, 6432);
        QCOMPARE(loaded.sslRootCert, remote().sslRootCert);
        TeamSettings::clear(settings);
        QVERIFY(!TeamSettings::load(settings).isSet());
        QVERIFY(settings.allKeys().filter(QStringLiteral("team")).isEmpty());
    }

    void remoteNeedsVerifyFullWithACaFile()
    {
        auto ok = remote().connection();
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->sslMode, QStringLiteral("verify-full"));
        QCOMPARE(ok->port, 6432);
        QCOMPARE(ok->vaultKey(), QStringLiteral("team/ana@db.example.com:6432/inlet"));

        TeamSettings noCa = remote();
        noCa.sslRootCert.clear();
        TeamSettings require = remote();
        require.sslMode = QStringLiteral("require");
        TeamSettings plain = remote();
        plain.sslMode = QStringLiteral("disable");
        for (const TeamSettings &s : { noCa, require, plain }) {
            auto refused = s.connection();
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, int(TeamSettingsProblem::RemoteNeedsVerifiedTls));
        }
    }

    void loopbackMayGoWithoutTls()
    {
        TeamSettings local = remote();
        local.host = QStringLiteral("127.0.0.1");
        local.sslMode = QStringLiteral("disable");
        local.sslRootCert.clear();
        auto ok = local.connection();
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->sslMode, QStringLiteral("disable"));
    }

    void incompleteOrOddFieldsAreRefused()
    {
        TeamSettings noRole = remote();
        noRole.role.clear();
        QCOMPARE(noRole.connection().error().code, int(TeamSettingsProblem::Incomplete));
        TeamSettings port = remote();
        port.port = 70000;
        QCOMPARE(port.connection().error().code, int(TeamSettingsProblem::BadPort));
        TeamSettings mode = remote();
        mode.host = QStringLiteral("localhost");
        mode.sslMode = QStringLiteral("sometimes");
        QCOMPARE(mode.connection().error().code, int(TeamSettingsProblem::Refused));
    }
};

QTEST_GUILESS_MAIN(TstTeamSettings)
#include "tst_teamsettings.moc"
