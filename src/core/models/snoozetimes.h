#pragma once

#include <QDateTime>
#include <QList>

namespace inlet {

// The Snooze menu's times (triage), in the computer's local time: in an hour, this evening
// (18:00, while it is before 17:00), tomorrow morning (09:00) and next week (Monday 09:00).
// A custom date and time is the menu's last entry.
struct SnoozeChoice {
    enum class Kind { OneHour, ThisEvening, TomorrowMorning, NextWeek };
    Kind kind = Kind::OneHour;
    QDateTime until;
};

QList<SnoozeChoice> snoozeChoices(const QDateTime &now);

} // namespace inlet
