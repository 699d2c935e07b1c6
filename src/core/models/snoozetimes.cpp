#include "models/snoozetimes.h"

namespace inlet {

namespace {
constexpr int kEveningHour = 18;
constexpr int kMorningHour = 9;
} // namespace

QList<SnoozeChoice> snoozeChoices(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    const QDate today = local.date();
    QList<SnoozeChoice> choices;
    choices.append({ SnoozeChoice::Kind::OneHour, local.addSecs(3600) });
    // "This evening" only while it is at least an hour away.
    if (local.time() < QTime(kEveningHour - 1, 0))
        choices.append(
            { SnoozeChoice::Kind::ThisEvening, QDateTime(today, QTime(kEveningHour, 0)) });
    choices.append({ SnoozeChoice::Kind::TomorrowMorning,
        QDateTime(today.addDays(1), QTime(kMorningHour, 0)) });
    // Next Monday (a week from today when today is Monday).
    const int toMonday = 8 - today.dayOfWeek();
    choices.append({ SnoozeChoice::Kind::NextWeek,
        QDateTime(today.addDays(toMonday), QTime(kMorningHour, 0)) });
    return choices;
}

} // namespace inlet
