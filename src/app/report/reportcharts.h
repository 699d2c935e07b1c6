#pragma once

#include "store/activityreport.h"

#include <QCoreApplication>

class QChart;

namespace inlet::app {

// The report's charts, made from an ActivityReport (store/activityreport.h); each a new QChart
// the caller puts in a QChartView.
class ReportCharts {
    Q_DECLARE_TR_FUNCTIONS(inlet::app::ReportCharts)
public:
    // Conversations, customer messages and replies per day (lines over the period's days).
    static QChart *perDay(const ActivityReport &report);
    // First-response time, median and p90, per account and then per agent (bars).
    static QChart *firstResponse(const ActivityReport &report);
    // Time to Done, median and p90, per account (bars).
    static QChart *timeToDone(const ActivityReport &report);
    // Replies sent inside and outside the 24-hour window (a pie).
    static QChart *replyWindow(const ActivityReport &report);
};

} // namespace inlet::app
