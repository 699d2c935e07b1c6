#pragma once

#include "common/result.h"
#include "store/activityreport.h"

#include <QDateTime>
#include <QWidget>

#include <functional>
#include <memory>

class QChart;
class QChartView;
class QComboBox;

namespace inlet {
class ReaderPool;
}

namespace inlet::app {

namespace Ui {
class ReportWindow;
}

// View > Report…: a period (the last 7, 30 or 90 days) and four charts of it (ReportCharts):
// conversations and messages per day, first-response time and time to Done per account (and per
// agent in team mode), replies inside and outside the 24-hour window. The figures are computed by
// the store's reader thread (StoreReader::activityReport through ReaderPool::read); the window
// asks again when the period changes or it is shown again.
class ReportWindow : public QWidget {
    Q_OBJECT
public:
    explicit ReportWindow(std::shared_ptr<ReaderPool> readers, QWidget *parent = nullptr);
    ~ReportWindow() override;

    // Where "now" comes from (today and the UTC offset of the days); tests use a fixed time.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // The period's length in days (7, 30 or 90), as the period box shows it.
    int periodDays() const;
    void setPeriodDays(int days);

    // The report the charts show (after `ready`), and the charts, in the order they are laid out.
    const ActivityReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }
    QList<QChart *> charts() const;
    QComboBox *periodBox() const;
    QString summaryText() const;

public slots:
    // Computes the report of the chosen period again (on the reader thread).
    void refresh();

signals:
    void ready();
    void failed(const inlet::Error &error);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void present(const ActivityReport &report);
    void showCharts();

    std::unique_ptr<Ui::ReportWindow> m_ui; // the form, ui/reportwindow.ui
    std::shared_ptr<ReaderPool> m_readers;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTime(); };
    QList<QChartView *> m_views;
    ActivityReport m_report;
    bool m_hasReport = false;
    quint64 m_generation = 0; // bumped by each refresh: an older answer is dropped
};

} // namespace inlet::app
