#include "app/report/reportwindow.h"

#include "app/report/reportcharts.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "store/readerpool.h"
#include "store/storereader.h"
#include "ui_reportwindow.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>

namespace inlet::app {

ReportWindow::ReportWindow(std::shared_ptr<ReaderPool> readers, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::ReportWindow>())
    , m_readers(std::move(readers))
{
    m_ui->setupUi(this);
    for (int days : { 7, 30, 90 })
        m_ui->period->addItem(tr("Last %1 days").arg(days), days);
    m_ui->period->setCurrentIndex(1);
    for (int i = 0; i < 4; ++i) {
        auto *view = new QChartView(this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(360, 260);
        m_ui->charts->addWidget(view, i / 2, i % 2);
        m_views.append(view);
    }
    connect(m_ui->period, &QComboBox::currentIndexChanged, this, &ReportWindow::refresh);
}

ReportWindow::~ReportWindow() = default;

int ReportWindow::periodDays() const
{
    return m_ui->period->currentData().toInt();
}

void ReportWindow::setPeriodDays(int days)
{
    const int item = m_ui->period->findData(days);
    if (item >= 0)
        m_ui->period->setCurrentIndex(item);
}

QList<QChart *> ReportWindow::charts() const
{
    QList<QChart *> list;
    for (QChartView *view : m_views)
        list.append(view->chart());
    return list;
}

QComboBox *ReportWindow::periodBox() const
{
    return m_ui->period;
}

QString ReportWindow::summaryText() const
{
    return m_ui->summary->text();
}

void ReportWindow::refresh()
{
    const QDateTime now = m_now();
    const ReportPeriod period
        = ReportPeriod::lastDays(periodDays(), now.date(), now.offsetFromUtc());
    const quint64 generation = ++m_generation;
    m_ui->summary->setText(tr("Counting…"));
    auto future = m_readers->read<ActivityReport>(
        [period](StoreReader &reader) { return reader.activityReport(period); });
    onDone(future, this, [this, generation](const Result<ActivityReport> &report) {
        if (generation != m_generation)
            return;
        if (!report) {
            m_ui->summary->setText(
                tr("The report could not be computed: %1").arg(errorText(report.error())));
            emit failed(report.error());
            return;
        }
        present(*report);
    });
}

void ReportWindow::present(const ActivityReport &report)
{
    m_report = report;
    m_hasReport = true;
    int received = 0;
    int sent = 0;
    for (const ReportDay &d : report.days) {
        received += d.received;
        sent += d.sent;
    }
    const QLocale locale;
    m_ui->summary->setText(tr("%1 – %2: messages received: %3, replies sent: %4")
                               .arg(locale.toString(report.period.firstDay, QLocale::ShortFormat),
                                   locale.toString(report.period.lastDay, QLocale::ShortFormat))
                               .arg(received)
                               .arg(sent));
    showCharts();
    emit ready();
}

void ReportWindow::showCharts()
{
    if (!m_hasReport)
        return;
    QChart *charts[] = { ReportCharts::perDay(m_report), ReportCharts::firstResponse(m_report),
        ReportCharts::timeToDone(m_report), ReportCharts::replyWindow(m_report) };
    for (int i = 0; i < m_views.size(); ++i) {
        QChart *old = m_views[i]->chart();
        m_views[i]->setChart(charts[i]); // the view owns the new chart; the old one is ours
        delete old;
    }
}

void ReportWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        showCharts(); // the theme changed: the charts follow it
    QWidget::changeEvent(event);
}

void ReportWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the store may have moved since the window was last shown
}

} // namespace inlet::app
