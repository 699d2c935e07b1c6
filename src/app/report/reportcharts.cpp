#include "app/report/reportcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QGuiApplication>
#include <QLineSeries>
#include <QPalette>
#include <QPieSeries>
#include <QPieSlice>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>

namespace inlet::app {

namespace {

constexpr double kMinuteMs = 60.0 * 1000;
constexpr double kHourMs = 60 * kMinuteMs;

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    // The app's theme (shell/theme.h) sets the palette: the chart follows it.
    const bool dark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// Median and p90 bars for each group, in minutes, or in hours once a p90 passes two hours.
QChart *durationBars(const QString &title, const QList<std::pair<QString, DurationStats>> &groups)
{
    QChart *chart = newChart(title);
    qint64 longest = 0;
    for (const auto &[name, stats] : groups)
        longest = std::max(longest, stats.p90Ms);
    const bool hours = longest > 2 * kHourMs;
    const double unit = hours ? kHourMs : kMinuteMs;
    auto *median = new QBarSet(ReportCharts::tr("Median"));
    auto *p90 = new QBarSet(ReportCharts::tr("90th percentile"));
    QStringList names;
    for (const auto &[name, stats] : groups) {
        names << name;
        *median << double(stats.medianMs) / unit;
        *p90 << double(stats.p90Ms) / unit;
    }
    auto *series = new QBarSeries;
    series->append(median);
    series->append(p90);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setTitleText(hours ? ReportCharts::tr("hours") : ReportCharts::tr("minutes"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    // At least 0..5, so that an empty or tiny chart has whole-number ticks ("%.0f").
    y->setRange(0, std::max(5.0, double(longest) / unit * 1.1));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return chart;
}

} // namespace

QChart *ReportCharts::perDay(const ActivityReport &report)
{
    QChart *chart = newChart(tr("Conversations and messages per day"));
    auto *conversations = new QLineSeries;
    conversations->setName(tr("Conversations"));
    auto *received = new QLineSeries;
    received->setName(tr("Messages received"));
    auto *sent = new QLineSeries;
    sent->setName(tr("Replies sent"));
    const QTimeZone zone = QTimeZone(report.period.utcOffsetSeconds);
    int most = 0;
    for (const ReportDay &d : report.days) {
        const double x = double(d.day.startOfDay(zone).toMSecsSinceEpoch());
        conversations->append(x, d.conversations);
        received->append(x, d.received);
        sent->append(x, d.sent);
        most = std::max({ most, d.conversations, d.received, d.sent });
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("d MMM"));
    x->setTickCount(std::min(8, std::max(2, int(report.days.size()))));
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, std::max(4, most));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *series : { conversations, received, sent }) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    if (!report.days.isEmpty()) {
        x->setRange(report.days.constFirst().day.startOfDay(zone),
            report.days.constLast().day.startOfDay(zone));
    }
    return chart;
}

QChart *ReportCharts::firstResponse(const ActivityReport &report)
{
    QList<std::pair<QString, DurationStats>> groups;
    for (const ReportGroup &g : report.accounts)
        groups.append({ g.name, g.firstResponse });
    for (const ReportGroup &g : report.agents)
        groups.append({ g.name, g.firstResponse });
    return durationBars(tr("First-response time"), groups);
}

QChart *ReportCharts::timeToDone(const ActivityReport &report)
{
    QList<std::pair<QString, DurationStats>> groups;
    for (const ReportGroup &g : report.accounts)
        groups.append({ g.name, g.timeToDone });
    for (const ReportGroup &g : report.agents) {
        if (g.timeToDone.count > 0) // an agent who answered but marked nothing Done
            groups.append({ g.name, g.timeToDone });
    }
    return durationBars(tr("Time to Done"), groups);
}

QChart *ReportCharts::replyWindow(const ActivityReport &report)
{
    QChart *chart = newChart(tr("Replies and the 24-hour window"));
    auto *series = new QPieSeries;
    QPieSlice *inside
        = series->append(tr("Inside the window: %1").arg(report.insideWindow), report.insideWindow);
    QPieSlice *outside = series->append(
        tr("Outside the window: %1").arg(report.outsideWindow), report.outsideWindow);
    inside->setColor(QColor(QStringLiteral("#2e7d32")));
    outside->setColor(QColor(QStringLiteral("#ef6c00")));
    chart->addSeries(series);
    return chart;
}

} // namespace inlet::app
