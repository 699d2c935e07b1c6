#pragma once

#include "service/teammode.h"

#include <QLabel>

namespace inlet {
class Outbox;
}

namespace inlet::app {

// Team mode in the status bar: "Team: connected as ana", "Team: offline, 3 reply(s) queued",
// with the last connection error as the tooltip. Hidden in solo mode (never created then).
class TeamIndicator : public QLabel {
    Q_OBJECT
public:
    TeamIndicator(TeamMode *team, Outbox *outbox, QWidget *parent = nullptr);

    // The words for a state (also the Team dialog's); `queued`: replies waiting in the outbox.
    static QString stateText(TeamMode::State state, const QString &role, int queued);

private:
    void refresh();

    TeamMode *m_team;
    Outbox *m_outbox;
};

} // namespace inlet::app
