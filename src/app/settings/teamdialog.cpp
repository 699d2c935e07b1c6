#include "app/settings/teamdialog.h"

#include "app/shell/teamindicator.h"
#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "service/teammode.h"
#include "team/teamprobe.h"
#include "ui_teamdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace inlet::app {

namespace {
const QString kVerifyFull = QStringLiteral("verify-full");
} // namespace

TeamDialog::TeamDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TeamDialog>())
{
    m_ui->setupUi(this);
    m_ui->tls->addItem(tr("Verify the server's certificate (verify-full)"), kVerifyFull);
    m_ui->tls->addItem(
        tr("Encrypt when the server offers it (this computer only)"), QStringLiteral("prefer"));
    m_ui->tls->addItem(tr("No encryption (this computer only)"), QStringLiteral("disable"));
    m_test = m_ui->buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    m_leave = m_ui->buttons->addButton(tr("&Leave team mode"), QDialogButtonBox::DestructiveRole);
    setTabOrder(m_ui->browseCa, m_test);

    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &TeamDialog::testRequested);
    connect(saveButton(), &QPushButton::clicked, this, &TeamDialog::saveRequested);
    connect(m_leave, &QPushButton::clicked, this, &TeamDialog::leaveRequested);
    connect(m_ui->browseCa, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificate"),
            m_ui->caFile->text(), tr("Certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_ui->caFile->setText(file);
    });
    for (QLineEdit *edit : { m_ui->host, m_ui->database, m_ui->role, m_ui->password })
        connect(edit, &QLineEdit::textChanged, this, &TeamDialog::updateEnabled);
    connect(m_ui->tls, &QComboBox::currentIndexChanged, this, &TeamDialog::updateEnabled);
    updateEnabled();
    resize(560, 420);
}

TeamDialog::~TeamDialog() = default;

TeamSettings TeamDialog::settings() const
{
    TeamSettings s;
    s.host = m_ui->host->text().trimmed();
    s.port = m_ui->port->value();
    s.database = m_ui->database->text().trimmed();
    s.role = m_ui->role->text().trimmed();
    s.sslMode = m_ui->tls->currentData().toString();
    if (s.sslMode == kVerifyFull)
        s.sslRootCert = m_ui->caFile->text().trimmed();
    return s;
}

void TeamDialog::setSettings(const TeamSettings &s)
{
    m_ui->host->setText(s.host);
    m_ui->port->setValue(s.port);
    m_ui->database->setText(s.database);
    m_ui->role->setText(s.role);
    const int tls = m_ui->tls->findData(s.sslMode.isEmpty() ? kVerifyFull : s.sslMode);
    m_ui->tls->setCurrentIndex(tls < 0 ? 0 : tls);
    m_ui->caFile->setText(s.sslRootCert);
    updateEnabled();
}

QString TeamDialog::password() const
{
    return m_ui->password->text();
}

QString TeamDialog::problemText(const Error &error)
{
    switch (TeamSettingsProblem(error.code)) {
    case TeamSettingsProblem::Incomplete:
        return tr("Enter the host, the database and your agent role.");
    case TeamSettingsProblem::BadPort:
        return tr("The port must be between 1 and 65535.");
    case TeamSettingsProblem::RemoteNeedsVerifiedTls:
        return tr("A database on another computer is reached only over TLS with its certificate "
                  "verified: choose verify-full and the CA file your administrator gave you.");
    case TeamSettingsProblem::Refused:
        break;
    }
    return tr("This connection is not accepted: %1").arg(error.message);
}

QString TeamDialog::probeFailureText(const Error &error)
{
    switch (team::ProbeFailure(error.code)) {
    case team::ProbeFailure::Unreachable:
        return tr("The database server does not answer. Check the host and the port, and that "
                  "this computer may reach it.");
    case team::ProbeFailure::Tls:
        return tr("The TLS connection failed: the server's certificate was not verified with "
                  "this CA file, or the server does not offer TLS.");
    case team::ProbeFailure::BadPassword:
        return tr("The database refused this agent role or its password.");
    case team::ProbeFailure::NoDatabase:
        return tr("The server answered, but this database does not exist or this role may "
                  "not use it.");
    case team::ProbeFailure::NotTeamDatabase:
        return tr("Connected, but this is not an Inlet team database.");
    case team::ProbeFailure::NotAgent:
        return tr("Connected, but this role is not an Inlet agent. Ask your administrator to add "
                  "it with inlet-server agent add.");
    }
    return tr("The connection test failed.");
}

QLineEdit *TeamDialog::hostEdit() const
{
    return m_ui->host;
}
QSpinBox *TeamDialog::portBox() const
{
    return m_ui->port;
}
QLineEdit *TeamDialog::databaseEdit() const
{
    return m_ui->database;
}
QLineEdit *TeamDialog::roleEdit() const
{
    return m_ui->role;
}
QLineEdit *TeamDialog::passwordEdit() const
{
    return m_ui->password;
}
QComboBox *TeamDialog::tlsBox() const
{
    return m_ui->tls;
}
QLineEdit *TeamDialog::caFileEdit() const
{
    return m_ui->caFile;
}

QPushButton *TeamDialog::saveButton() const
{
    return m_ui->buttons->button(QDialogButtonBox::Save);
}

QString TeamDialog::resultText() const
{
    return m_ui->result->text();
}

QString TeamDialog::stateText() const
{
    return m_ui->state->text();
}

void TeamDialog::showResult(const QString &text)
{
    m_ui->result->setText(text);
}

void TeamDialog::showState(const QString &text)
{
    m_ui->state->setText(text);
}

void TeamDialog::showProbeResult(const Result<team::ProbeResult> &result)
{
    setBusy(false);
    if (!result) {
        showResult(probeFailureText(result.error()));
        m_ui->result->setToolTip(result.error().message); // PostgreSQL's own words
        return;
    }
    m_ui->result->setToolTip({});
    showResult(
        tr("Connected as %1: %n Instagram account(s) granted to you.", nullptr, result->accounts)
            .arg(result->role));
}

void TeamDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateEnabled();
}

void TeamDialog::setInTeamMode(bool inTeamMode)
{
    m_inTeamMode = inTeamMode;
    updateEnabled();
}

void TeamDialog::updateEnabled()
{
    const bool verifying = m_ui->tls->currentData().toString() == kVerifyFull;
    m_ui->caFile->setEnabled(verifying);
    m_ui->browseCa->setEnabled(verifying);
    const bool complete = settings().isSet() && !m_ui->password->text().isEmpty();
    m_test->setEnabled(complete && !m_busy);
    saveButton()->setEnabled(complete && !m_busy);
    m_leave->setEnabled(m_inTeamMode && !m_busy);
}

TeamDialog *openTeamDialog(
    QSettings *settings, TokenVault *vault, TeamMode *running, QWidget *parent)
{
    auto *dialog = new TeamDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const TeamSettings saved = TeamSettings::load(*settings);
    dialog->setSettings(saved);
    dialog->setInTeamMode(saved.isSet());
    if (running) {
        auto showState = [dialog, running] {
            dialog->showState(TeamIndicator::stateText(running->state(), running->agentRole(), 0));
        };
        showState();
        QObject::connect(running, &TeamMode::stateChanged, dialog, showState);
    } else {
        dialog->showState(TeamDialog::tr("Inlet is in solo mode: it talks to Instagram itself."));
    }

    QObject::connect(dialog, &TeamDialog::testRequested, dialog, [dialog] {
        auto connection = dialog->settings().connection();
        if (!connection) {
            dialog->showResult(TeamDialog::problemText(connection.error()));
            return;
        }
        connection->password = dialog->password();
        dialog->setBusy(true);
        dialog->showResult(TeamDialog::tr("Connecting…"));
        onDone(team::probe(*connection), dialog,
            [dialog](const Result<team::ProbeResult> &r) { dialog->showProbeResult(r); });
    });
    QObject::connect(dialog, &TeamDialog::saveRequested, dialog, [dialog, settings, vault] {
        const TeamSettings chosen = dialog->settings();
        auto connection = chosen.connection();
        if (!connection) {
            dialog->showResult(TeamDialog::problemText(connection.error()));
            return;
        }
        dialog->setBusy(true);
        // The password first: inlet.ini names a team only once its password is in the keychain.
        const TeamSettings previous = TeamSettings::load(*settings);
        onDone(vault->write(connection->vaultKey(), dialog->password()), dialog,
            [dialog, settings, vault, chosen, previous, key = connection->vaultKey()](
                const Status &stored) {
                dialog->setBusy(false);
                if (!stored) {
                    dialog->showResult(TeamDialog::tr("The password could not be stored in the "
                                                      "system keychain: %1")
                                           .arg(stored.error().message));
                    return;
                }
                if (auto old = previous.connection(); old && old->vaultKey() != key)
                    vault->remove(old->vaultKey()); // the old team's password goes
                chosen.save(*settings);
                dialog->setInTeamMode(true);
                dialog->showResult(TeamDialog::tr("Saved. Inlet now follows the team."));
                emit dialog->teamSaved();
            });
    });
    QObject::connect(dialog, &TeamDialog::leaveRequested, dialog, [dialog, settings, vault] {
        if (auto connection = TeamSettings::load(*settings).connection())
            vault->remove(connection->vaultKey());
        TeamSettings::clear(*settings);
        dialog->setInTeamMode(false);
        dialog->passwordEdit()->clear();
        dialog->showResult(
            TeamDialog::tr("Team mode is off: Inlet talks to Instagram itself again."));
        emit dialog->teamLeft();
    });
    dialog->show();
    return dialog;
}

} // namespace inlet::app
