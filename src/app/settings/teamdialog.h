#pragma once

#include "service/teamsettings.h"
#include "team/teamprobe.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSpinBox;

namespace inlet {
class TeamMode;
class TokenVault;
} // namespace inlet

namespace inlet::app {

namespace Ui {
class TeamDialog;
}

// File > Team: the team database's connection (host, port, database, agent role, TLS with a CA
// file, the password), Test connection, Save and Leave team mode (docs/team.md). It shows and
// asks; openTeamDialog() does the work: the password into the keychain, the rest into inlet.ini,
// the test on a pool thread (team::probe).
class TeamDialog : public QDialog {
    Q_OBJECT
public:
    explicit TeamDialog(QWidget *parent = nullptr);
    ~TeamDialog() override;

    TeamSettings settings() const;
    void setSettings(const TeamSettings &settings);
    QString password() const;
    // The words for why the fields are refused (TeamSettings::connection()'s error).
    static QString problemText(const inlet::Error &error);
    // The words for a failed connection test (team::probe's error).
    static QString probeFailureText(const inlet::Error &error);

    QLineEdit *hostEdit() const;
    QSpinBox *portBox() const;
    QLineEdit *databaseEdit() const;
    QLineEdit *roleEdit() const;
    QLineEdit *passwordEdit() const;
    QComboBox *tlsBox() const;
    QLineEdit *caFileEdit() const;
    QPushButton *testButton() const { return m_test; }
    QPushButton *saveButton() const;
    QPushButton *leaveButton() const { return m_leave; }
    QString resultText() const;
    QString stateText() const;
    // A connection test's outcome, in words (probeFailureText) or "Connected as ...".
    void showProbeResult(const inlet::Result<inlet::team::ProbeResult> &result);

public slots:
    void showResult(const QString &text);
    void showState(const QString &text);
    void setBusy(bool busy);
    void setInTeamMode(bool inTeamMode);

signals:
    void testRequested();
    void saveRequested();
    void leaveRequested();
    // The team is saved (password in the keychain, inlet.ini written) / left (both removed):
    // the app switches its core now (CoreLifecycle::enterTeam, leaveTeam).
    void teamSaved();
    void teamLeft();

private:
    void updateEnabled();

    std::unique_ptr<Ui::TeamDialog> m_ui; // the form, ui/teamdialog.ui
    QPushButton *m_test = nullptr;
    QPushButton *m_leave = nullptr;
    bool m_busy = false;
    bool m_inTeamMode = false;
};

// Opens the dialog (modeless, deleted on close) on the profile's `settings`, the keychain
// `vault` and the running team mode (null in solo mode, for its state). Saving and leaving emit
// teamSaved() and teamLeft(), on which the app switches at once.
TeamDialog *openTeamDialog(
    QSettings *settings, TokenVault *vault, TeamMode *running, QWidget *parent);

} // namespace inlet::app
