#include "app/settings/teamdisconnectaction.h"

#include "app/shell/accountspanel.h"
#include "app/shell/errortext.h"
#include "app/shell/mainwindow.h"
#include "common/ondone.h"
#include "service/teammode.h"
#include "team/teamdisconnect.h"
#include "team/teamsignin.h"

#include <QMessageBox>
#include <QPushButton>

namespace inlet::app {

TeamDisconnectAction::TeamDisconnectAction(std::function<team::TeamConnection()> connection,
    AccountsPanel *panel, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_panel(panel)
    , m_window(window)
{
    // Until it knows that the agent is an admin, no row offers it.
    m_panel->setDisconnectControl(DisconnectControl::Hidden);
    connect(m_panel, &AccountsPanel::disconnectRequested, this,
        &TeamDisconnectAction::requestDisconnect);
}

QString TeamDisconnectAction::failureText(const Error &error)
{
    using team::disconnect::Failure;
    const auto failure = team::disconnect::failure(error);
    if (!failure)
        return errorText(error);
    switch (*failure) {
    case Failure::NotAdmin:
        return tr("Only a team admin may disconnect Instagram accounts.");
    case Failure::NotConnected:
        return tr("The team server does not have this account connected for you (it may have "
                  "been disconnected already).");
    case Failure::NoToken:
        return tr("The team server had no token for it.");
    case Failure::TimedOut:
        return tr("The team server did not answer in time. Is inlet-server running?");
    }
    return errorText(error);
}

void TeamDisconnectAction::refresh()
{
    onDone(team::signin::adminCheck(m_connection()), this, [this](const Result<bool> &admin) {
        const bool may = admin && *admin;
        m_panel->setDisconnectControl(may ? DisconnectControl::Team : DisconnectControl::Hidden);
        emit refreshed(may);
    });
}

void TeamDisconnectAction::requestDisconnect(const QString &igUserId)
{
    if (m_panel->disconnectControl() != DisconnectControl::Team || m_confirm)
        return;
    if (busy()) {
        say(tr("Still disconnecting an account, please wait."));
        return;
    }
    const AccountRow *row = m_panel->row(igUserId);
    const QString name = row && !row->account().username.isEmpty()
        ? QStringLiteral("@") + row->account().username
        : igUserId;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Disconnect %1?").arg(name),
        tr("Disconnect %1 from the team?").arg(name), QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("teamDisconnectConfirm"));
    box->setInformativeText(
        tr("The team server stops Instagram's webhooks for it and deletes its token. The account "
           "and its conversations leave every agent's Inlet. An admin can connect it again "
           "later."));
    QPushButton *yes = box->addButton(tr("Disconnect"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, yes, igUserId, name] {
        if (box->clickedButton() == yes)
            disconnectNow(igUserId, name);
    });
    m_confirm = box;
    box->open();
}

void TeamDisconnectAction::disconnectNow(const QString &igUserId, const QString &name)
{
    m_busyWith = igUserId;
    say(tr("Disconnecting %1 through the team server…").arg(name));
    onDone(team::disconnect::request(m_connection(), igUserId), this,
        [this, name](const Result<team::disconnect::Request> &done) {
            m_busyWith.clear();
            if (!done) {
                say(tr("%1 could not be disconnected: %2").arg(name, failureText(done.error())));
                emit finished(false);
                return;
            }
            if (done->unsubscribed)
                say(tr("The team server disconnected %1.").arg(name));
            else
                say(tr("The team server disconnected %1, but Instagram could not be told to stop "
                       "its webhooks (%2); the team server ignores them.")
                        .arg(name, failureText(done->error)));
            emit finished(true);
        });
}

void TeamDisconnectAction::say(const QString &text)
{
    m_lastStatus = text;
    emit status(text);
}

TeamDisconnectAction *installTeamDisconnectAction(TeamMode *team, MainWindow *window)
{
    auto *action = new TeamDisconnectAction(
        [team] { return team->agentConnection(); }, window->accountsPanel(), window, window);
    QObject::connect(action, &TeamDisconnectAction::status, window, &MainWindow::showStatus);
    QObject::connect(team, &TeamMode::stateChanged, action, [action](TeamMode::State state) {
        if (state == TeamMode::State::Connected)
            action->refresh();
    });
    if (team->state() == TeamMode::State::Connected)
        action->refresh();
    return action;
}

} // namespace inlet::app
