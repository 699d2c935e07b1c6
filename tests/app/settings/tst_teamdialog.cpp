// File > Team on its own: the form gives back what was entered, the CA file only counts with
// verify-full, Save and Test wait for a complete form, Leave only in team mode, and every refusal
// and failed test has its own words.
#include "app/settings/teamdialog.h"
#include "support/teamsettingsfixture.h"
#include "team/teamprobe.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TstTeamDialog : public QObject {
    Q_OBJECT

private slots:
    void formRoundTripsAndWaitsForEveryField()
    {
        TeamDialog dialog;
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.testButton()->isEnabled());
        QVERIFY(!dialog.leaveButton()->isEnabled());

        const TeamSettings s = test::remoteTeamSettings();
        dialog.setSettings(s);
        QVERIFY(!dialog.saveButton()->isEnabled()); // no password yet
        dialog.passwordEdit()->setText(QStringLiteral("secret"));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.testButton()->isEnabled());

        const TeamSettings back = dialog.settings();
        QCOMPARE(back.host, s.host);
        QCOMPARE(back.port, 6432);
        QCOMPARE(back.role, s.role);
        QCOMPARE(back.sslMode, s.sslMode);
        QCOMPARE(back.sslRootCert, s.sslRootCert);
        QCOMPARE(dialog.password(), QStringLiteral("secret"));

        // Without verify-full the CA file is not asked for, and not kept.
        QVERIFY(dialog.caFileEdit()->isEnabled());
        dialog.tlsBox()->setCurrentIndex(dialog.tlsBox()->findData(QStringLiteral("disable")));
        QVERIFY(!dialog.caFileEdit()->isEnabled());
        QVERIFY(dialog.settings().sslRootCert.isEmpty());

        dialog.roleEdit()->clear();
        QVERIFY(!dialog.saveButton()->isEnabled());

        dialog.setInTeamMode(true);
        QVERIFY(dialog.leaveButton()->isEnabled());
        dialog.setBusy(true);
        QVERIFY(!dialog.leaveButton()->isEnabled());
    }

    void everyProblemHasItsOwnWords()
    {
        QSet<QString> words;
        for (int code = 1; code <= int(TeamSettingsProblem::Refused); ++code)
            words.insert(TeamDialog::problemText(
                Error::make(Error::Kind::Invalid, QStringLiteral("x"), code)));
        for (int code = 1; code <= int(team::ProbeFailure::NotAgent); ++code)
            words.insert(TeamDialog::probeFailureText(
                Error::make(Error::Kind::Network, QStringLiteral("x"), code)));
        QCOMPARE(
            words.size(), int(TeamSettingsProblem::Refused) + int(team::ProbeFailure::NotAgent));
        QVERIFY(!words.contains(QString()));
    }

    void probeResultIsShown()
    {
        TeamDialog dialog;
        team::ProbeResult found;
        found.role = QStringLiteral("ana");
        found.accounts = 2;
        dialog.showProbeResult(found);
        QVERIFY2(dialog.resultText().startsWith(QStringLiteral("Connected as ana")),
            qPrintable(dialog.resultText()));
        dialog.showProbeResult(std::unexpected(Error::make(Error::Kind::Network,
            QStringLiteral("FATAL: password authentication failed"),
            int(team::ProbeFailure::BadPassword))));
        QCOMPARE(dialog.resultText(),
            TeamDialog::probeFailureText(
                Error::make(Error::Kind::Network, {}, int(team::ProbeFailure::BadPassword))));
    }
};

QTEST_MAIN(TstTeamDialog)
#include "tst_teamdialog.moc"
