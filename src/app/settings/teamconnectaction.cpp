#include "app/settings/teamconnectaction.h"

#include "app/login/signincontroller.h"
#include "app/shell/errortext.h"
#include "app/shell/mainwindow.h"
#include "common/ondone.h"
#include "service/teammode.h"
#include "service/teamsigninflow.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace inlet::app {

namespace {

// A failure of the hand-off itself in the UI's words; any other error as errorText() words it.
QString failureText(const Error &error)
{
    using team::signin::HandoffFailure;
    const auto failure = team::signin::handoffFailure(error);
    if (!failure)
        return errorText(error);
    switch (*failure) {
    case HandoffFailure::NotConfigured:
        return TeamConnectAction::tr(
            "The team server has no Instagram app set up yet (inlet-server oauth set).");
    case HandoffFailure::NotAdmin:
        return TeamConnectAction::tr("Only a team admin may connect Instagram accounts.");
    case HandoffFailure::TimedOut:
        return TeamConnectAction::tr(
            "The team server did not answer in time. Is inlet-server running?");
    case HandoffFailure::Interrupted:
        return TeamConnectAction::tr(
            "The team server stopped while it connected the account. Please connect it again.");
    case HandoffFailure::CodeExpired:
        return TeamConnectAction::tr("The sign-in code expired before the team server could use "
                                     "it. Please connect the account again.");
    case HandoffFailure::NoAppSecret:
        return TeamConnectAction::tr("The team server has no Instagram App Secret.");
    }
    return errorText(error);
}

} // namespace

TeamConnectAction::TeamConnectAction(
    TeamSignInFlow *flow, SignInController *controller, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_controller(controller)
    , m_window(window)
    , m_action(new QAction(tr("&Connect Instagram account…"), this))
{
    m_action->setObjectName(QStringLiteral("teamConnectAccount"));
    m_action->setToolTip(
        tr("Sign in to an Instagram account; the team server connects it for the team."));
    m_action->setVisible(false);
    connect(m_action, &QAction::triggered, this, [this] {
        say(tr("Opening Instagram's login…"));
        m_controller->start(m_window);
    });
    connect(m_flow, &TeamSignInFlow::handingOff, this,
        [this] { say(tr("Connecting the account through the team server…")); });
    connect(m_flow, &TeamSignInFlow::connected, this,
        [this](const QString &igUserId, const QString &username) {
            say(username.isEmpty() ? tr("The team server connected the account %1.").arg(igUserId)
                                   : tr("The team server connected @%1.").arg(username));
        });
    connect(m_flow, &TeamSignInFlow::failed, this, [this](const Error &error) {
        if (error.kind == Error::Kind::Cancelled) {
            say(tr("Connecting an account was cancelled."));
            return;
        }
        say(tr("The account could not be connected: %1").arg(failureText(error)));
    });
}

void TeamConnectAction::refresh()
{
    onDone(m_flow->checkAdmin(), this, [this](const Result<bool> &admin) {
        const bool visible = admin && *admin;
        m_action->setVisible(visible);
        emit refreshed(visible);
    });
}

void TeamConnectAction::say(const QString &text)
{
    m_lastStatus = text;
    emit status(text);
}

TeamConnectAction *installTeamConnectAction(
    TeamMode *team, MainWindow *window, QAction *after, const QString &dataDir)
{
    auto *flow = new TeamSignInFlow([team] { return team->agentConnection(); }, window);
    auto *controller = new SignInController(flow, dataDir, window);
    auto *connector = new TeamConnectAction(flow, controller, window, window);
    // They use `team`: they go with the action when team mode is left.
    flow->setParent(connector);
    controller->setParent(connector);
    QMenu *file = window->fileMenu();
    file->insertAction(
        file->actions().value(file->actions().indexOf(after) + 1), connector->action());
    QObject::connect(connector, &TeamConnectAction::status, window, &MainWindow::showStatus);
    QObject::connect(team, &TeamMode::stateChanged, connector, [connector](TeamMode::State state) {
        if (state == TeamMode::State::Connected)
            connector->refresh();
    });
    if (team->state() == TeamMode::State::Connected)
        connector->refresh();
    return connector;
}

} // namespace inlet::app
