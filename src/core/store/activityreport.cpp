#include "store/activityreport.h"

#include "model/types.h"
#include "store/sqlutil.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace inlet {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kStandardWindowMs = kDayMs; // Instagram's 24-hour messaging window
constexpr int kSent = int(MessageState::Sent); // a reply Instagram accepted

// The groups by id, in the order they were first met; sorted by name at the end.
class Groups {
public:
    ReportGroup &operator[](const QString &id)
    {
        auto it = m_index.constFind(id);
        if (it != m_index.constEnd())
            return m_groups[*it];
        m_index.insert(id, int(m_groups.size()));
        m_groups.append(ReportGroup { .id = id, .name = id });
        return m_groups.last();
    }
    QList<ReportGroup> &list() { return m_groups; }

private:
    QList<ReportGroup> m_groups;
    QHash<QString, int> m_index;
};

void sortByName(QList<ReportGroup> &groups)
{
    std::sort(groups.begin(), groups.end(), [](const ReportGroup &a, const ReportGroup &b) {
        const int byName = QString::compare(a.name, b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
}

ReportGroup *findGroup(QList<ReportGroup> &groups, const QString &id)
{
    for (ReportGroup &g : groups) {
        if (g.id == id)
            return &g;
    }
    return nullptr;
}

} // namespace

ReportPeriod ReportPeriod::lastDays(int days, const QDate &today, int utcOffsetSeconds)
{
    return { today.addDays(1 - qMax(1, days)), today, utcOffsetSeconds };
}

qint64 ReportPeriod::startMs() const
{
    return firstDay.startOfDay(QTimeZone(utcOffsetSeconds)).toMSecsSinceEpoch();
}

qint64 ReportPeriod::endMs() const
{
    return lastDay.addDays(1).startOfDay(QTimeZone(utcOffsetSeconds)).toMSecsSinceEpoch();
}

DurationStats DurationStats::of(QList<qint64> durationsMs)
{
    DurationStats s;
    s.count = int(durationsMs.size());
    if (durationsMs.isEmpty())
        return s;
    std::sort(durationsMs.begin(), durationsMs.end());
    // Nearest rank: the smallest value with at least that share of the values at or below it.
    auto rank = [&](int percent) {
        const qsizetype n = (durationsMs.size() * percent + 99) / 100;
        return durationsMs.at(qMax<qsizetype>(1, n) - 1);
    };
    s.medianMs = rank(50);
    s.p90Ms = rank(90);
    return s;
}

Result<ActivityReport> ActivityReportQuery::run(const ReportPeriod &period)
{
    ActivityReport report;
    report.period = period;
    for (auto step : { &ActivityReportQuery::readDays, &ActivityReportQuery::readFirstResponses,
             &ActivityReportQuery::readDone, &ActivityReportQuery::readWindow }) {
        if (auto ok = (this->*step)(period, report); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = readAccountNames(report); !ok)
        return std::unexpected(ok.error());
    sortByName(report.accounts);
    sortByName(report.agents);
    return report;
}

Status ActivityReportQuery::readDays(const ReportPeriod &period, ActivityReport &report)
{
    const qint64 start = period.startMs();
    for (int i = 0; i < period.dayCount(); ++i)
        report.days.append(ReportDay { .day = period.firstDay.addDays(i) });
    auto q = m_statements.run(
        QStringLiteral("SELECT (created_ms - ?) / ?, COUNT(DISTINCT conversation_id), "
                       "COALESCE(SUM(outgoing = 0), 0), COALESCE(SUM(outgoing = 1 AND state = ?), "
                       "0) FROM messages WHERE created_ms >= ? AND created_ms < ? AND deleted = 0 "
                       "GROUP BY 1"),
        { start, kDayMs, kSent, start, period.endMs() });
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next()) {
        const int day = (*q)->value(0).toInt();
        if (day < 0 || day >= report.days.size())
            continue;
        ReportDay &d = report.days[day];
        d.conversations = (*q)->value(1).toInt();
        d.received = (*q)->value(2).toInt();
        d.sent = (*q)->value(3).toInt();
    }
    (*q)->finish();
    return {};
}

Status ActivityReportQuery::readFirstResponses(const ReportPeriod &period, ActivityReport &report)
{
    // A customer message waits for a reply when the message before it in its conversation was a
    // reply (or there is none); its reply is the conversation's next sent message.
    auto q = m_statements.run(QStringLiteral(R"(WITH active AS (
                SELECT DISTINCT conversation_id FROM messages
                WHERE created_ms >= ? AND created_ms < ? AND outgoing = 0),
            seq AS (
                SELECT m.id, m.conversation_id, m.account_id, m.outgoing, m.created_ms,
                    LAG(m.outgoing, 1, 1) OVER (PARTITION BY m.conversation_id
                                                ORDER BY m.created_ms, m.id) AS previous_outgoing
                FROM messages m JOIN active a ON a.conversation_id = m.conversation_id
                WHERE m.deleted = 0 AND (m.outgoing = 0 OR m.state = ?))
            SELECT s.account_id, s.created_ms, r.created_ms,
                COALESCE(json_extract(r.meta_json, '$.sent_by'), '')
            FROM seq s LEFT JOIN messages r ON r.id = (
                SELECT n.id FROM messages n WHERE n.conversation_id = s.conversation_id
                AND n.outgoing = 1 AND n.state = ? AND n.deleted = 0
                AND n.created_ms >= s.created_ms ORDER BY n.created_ms, n.id LIMIT 1)
            WHERE s.outgoing = 0 AND s.previous_outgoing = 1
                AND s.created_ms >= ? AND s.created_ms < ?)"),
        { period.startMs(), period.endMs(), kSent, kSent, period.startMs(), period.endMs() });
    if (!q)
        return std::unexpected(q.error());
    QHash<QString, QList<qint64>> byAccount;
    QHash<QString, QList<qint64>> byAgent;
    Groups accounts;
    Groups agents;
    while ((*q)->next()) {
        const QString account = (*q)->value(0).toString();
        ReportGroup &group = accounts[account];
        if ((*q)->value(2).isNull()) {
            ++group.unanswered;
            continue;
        }
        const qint64 waited = (*q)->value(2).toLongLong() - (*q)->value(1).toLongLong();
        byAccount[account].append(waited);
        const QString agent = (*q)->value(3).toString();
        if (!agent.isEmpty()) {
            agents[agent];
            byAgent[agent].append(waited);
        }
    }
    (*q)->finish();
    for (ReportGroup &g : accounts.list())
        g.firstResponse = DurationStats::of(byAccount.value(g.id));
    for (ReportGroup &g : agents.list())
        g.firstResponse = DurationStats::of(byAgent.value(g.id));
    report.accounts = accounts.list();
    report.agents = agents.list();
    return {};
}

Status ActivityReportQuery::readDone(const ReportPeriod &period, ActivityReport &report)
{
    auto q = m_statements.run(QStringLiteral(R"(SELECT c.account_id, d.done_ms, (
                SELECT MIN(m.created_ms) FROM messages m
                WHERE m.conversation_id = d.conversation_id AND m.outgoing = 0 AND m.deleted = 0
                AND m.created_ms <= d.done_ms AND m.created_ms > COALESCE((
                    SELECT MAX(p.done_ms) FROM conversation_done p
                    WHERE p.conversation_id = d.conversation_id AND p.done_ms < d.done_ms), -1))
            , d.agent
            FROM conversation_done d JOIN conversations c ON c.id = d.conversation_id
            WHERE d.done_ms >= ? AND d.done_ms < ?)"),
        { period.startMs(), period.endMs() });
    if (!q)
        return std::unexpected(q.error());
    QHash<QString, QList<qint64>> byAccount;
    QHash<QString, QList<qint64>> byAgent; // team mode: who marked it Done (the replica's)
    while ((*q)->next()) {
        if ((*q)->value(2).isNull())
            continue; // marked Done with no customer message since the last time
        const qint64 took = (*q)->value(1).toLongLong() - (*q)->value(2).toLongLong();
        byAccount[(*q)->value(0).toString()].append(took);
        if (const QString agent = (*q)->value(3).toString(); !agent.isEmpty())
            byAgent[agent].append(took);
    }
    (*q)->finish();
    for (auto [groups, durations] :
        { std::pair { &report.accounts, &byAccount }, std::pair { &report.agents, &byAgent } }) {
        for (auto it = durations->cbegin(); it != durations->cend(); ++it) {
            if (!findGroup(*groups, it.key()))
                groups->append(ReportGroup { .id = it.key(), .name = it.key() });
            findGroup(*groups, it.key())->timeToDone = DurationStats::of(it.value());
        }
    }
    return {};
}

Status ActivityReportQuery::readWindow(const ReportPeriod &period, ActivityReport &report)
{
    // Each reply of the period against the customer's last message before it.
    auto q = m_statements.run(
        QStringLiteral(R"(SELECT m.account_id, COALESCE(json_extract(m.meta_json, '$.sent_by'), ''),
                m.created_ms - (SELECT MAX(p.created_ms) FROM messages p
                    WHERE p.conversation_id = m.conversation_id AND p.outgoing = 0
                    AND p.created_ms <= m.created_ms)
            FROM messages m WHERE m.outgoing = 1 AND m.state = ? AND m.deleted = 0
                AND m.created_ms >= ? AND m.created_ms < ?)"),
        { kSent, period.startMs(), period.endMs() });
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next()) {
        // No customer message before it in the store (older history not synced yet): unknown,
        // in neither count.
        if ((*q)->value(2).isNull())
            continue;
        const QString account = (*q)->value(0).toString();
        const QString agent = (*q)->value(1).toString();
        const bool inside = (*q)->value(2).toLongLong() <= kStandardWindowMs;
        ReportGroup *group = findGroup(report.accounts, account);
        if (!group) {
            report.accounts.append(ReportGroup { .id = account, .name = account });
            group = &report.accounts.last();
        }
        ReportGroup *byAgent = nullptr;
        if (!agent.isEmpty()) {
            byAgent = findGroup(report.agents, agent);
            if (!byAgent) {
                report.agents.append(ReportGroup { .id = agent, .name = agent });
                byAgent = &report.agents.last();
            }
        }
        for (ReportGroup *g : { group, byAgent }) {
            if (g)
                ++(inside ? g->insideWindow : g->outsideWindow);
        }
        ++(inside ? report.insideWindow : report.outsideWindow);
    }
    (*q)->finish();
    return {};
}

Status ActivityReportQuery::readAccountNames(ActivityReport &report)
{
    auto q = m_statements.run(QStringLiteral("SELECT id, username FROM accounts"), {});
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next()) {
        ReportGroup *g = findGroup(report.accounts, (*q)->value(0).toString());
        const QString username = (*q)->value(1).toString();
        if (g && !username.isEmpty())
            g->name = QLatin1Char('@') + username;
    }
    (*q)->finish();
    return {};
}

} // namespace inlet
