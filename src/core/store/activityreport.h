#pragma once

#include "common/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace inlet {

namespace sql {
class StatementCache;
}

// The report window's question: the days from `firstDay` to `lastDay` (both included, local days
// of `utcOffsetSeconds`: the offset of the period's end, so a change of summer time inside it
// shifts the days it crosses by that hour).
struct ReportPeriod {
    QDate firstDay;
    QDate lastDay;
    int utcOffsetSeconds = 0;

    // The last `days` days up to `today` (today included), with the system's offset of now.
    static ReportPeriod lastDays(int days, const QDate &today, int utcOffsetSeconds);
    qint64 startMs() const;
    qint64 endMs() const; // exclusive: the start of the day after lastDay
    int dayCount() const { return int(firstDay.daysTo(lastDay)) + 1; }
    friend bool operator==(const ReportPeriod &, const ReportPeriod &) = default;
};

// Median and 90th percentile of durations (nearest rank: the value below which that share of the
// durations lies, one of the durations measured).
struct DurationStats {
    int count = 0;
    qint64 medianMs = 0;
    qint64 p90Ms = 0;

    static DurationStats of(QList<qint64> durationsMs);
    friend bool operator==(const DurationStats &, const DurationStats &) = default;
};

// One day of the period: the conversations with a message that day, and the messages.
struct ReportDay {
    QDate day;
    int conversations = 0;
    int received = 0;
    int sent = 0;
    friend bool operator==(const ReportDay &, const ReportDay &) = default;
};

// The figures of one account or one agent (team mode: who sent the reply).
struct ReportGroup {
    QString id; // the account's id, or the agent as the message's sent_by names them
    QString name; // the account's @username (its id if it has none); the agent's name
    // From a customer's first message after a reply (or their first ever) to the next reply, for
    // the customer messages of the period; unanswered ones are counted in `unanswered`.
    DurationStats firstResponse {};
    int unanswered = 0;
    // From the first customer message after the previous Done to Done, for the Done of the period
    // (per agent in team mode: who marked it Done, replicated with the Done history).
    DurationStats timeToDone {};
    // Replies sent in the period within 24 hours of the customer's last message, and after.
    int insideWindow = 0;
    int outsideWindow = 0;
};

struct ActivityReport {
    ReportPeriod period;
    QList<ReportDay> days; // every day of the period, oldest first (days without messages too)
    QList<ReportGroup> accounts; // by name
    QList<ReportGroup> agents; // by name; empty unless replies carry who sent them (team mode)
    int insideWindow = 0;
    int outsideWindow = 0;
};

// Computes the report with SQL on a reader's connection (StoreReader::activityReport): a scan of
// the period's messages, so run it on a reader thread (ReaderPool::read), never the GUI thread.
class ActivityReportQuery {
public:
    explicit ActivityReportQuery(sql::StatementCache &statements)
        : m_statements(statements)
    {
    }
    Result<ActivityReport> run(const ReportPeriod &period);

private:
    Status readDays(const ReportPeriod &period, ActivityReport &report);
    Status readFirstResponses(const ReportPeriod &period, ActivityReport &report);
    Status readDone(const ReportPeriod &period, ActivityReport &report);
    Status readWindow(const ReportPeriod &period, ActivityReport &report);
    Status readAccountNames(ActivityReport &report);

    sql::StatementCache &m_statements;
};

} // namespace inlet
