#include "app/shell/teamindicator.h"

#include "outbox/outbox.h"

namespace inlet::app {

TeamIndicator::TeamIndicator(TeamMode *team, Outbox *outbox, QWidget *parent)
    : QLabel(parent)
    , m_team(team)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("teamIndicator"));
    connect(team, &TeamMode::stateChanged, this, &TeamIndicator::refresh);
    // The count of replies waiting moves with the outbox.
    connect(outbox, &Outbox::stateChanged, this, &TeamIndicator::refresh);
    connect(outbox, &Outbox::sent, this, &TeamIndicator::refresh);
    connect(outbox, &Outbox::failed, this, &TeamIndicator::refresh);
    connect(outbox, &Outbox::idle, this, &TeamIndicator::refresh);
    refresh();
}

QString TeamIndicator::stateText(TeamMode::State state, const QString &role, int queued)
{
    switch (state) {
    case TeamMode::State::Starting:
        return tr("Team: connecting as %1…").arg(role);
    case TeamMode::State::Connected:
        return queued > 0
            ? tr("Team: connected as %1, %n reply(s) queued", nullptr, queued).arg(role)
            : tr("Team: connected as %1").arg(role);
    case TeamMode::State::Offline:
        return queued > 0 ? tr("Team: offline, %n reply(s) queued", nullptr, queued)
                          : tr("Team: offline");
    case TeamMode::State::NoPassword:
        return tr("Team: no password in the keychain (File > Team)");
    }
    return {};
}

void TeamIndicator::refresh()
{
    const int queued = m_outbox->pendingCount();
    setText(stateText(m_team->state(), m_team->agentRole(), queued));
    const TeamMode::State state = m_team->state();
    setToolTip(state == TeamMode::State::Offline || state == TeamMode::State::NoPassword
            ? m_team->lastError().message
            : m_team->connection().display());
}

} // namespace inlet::app
