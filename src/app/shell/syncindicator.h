#pragma once

#include <QHash>
#include <QProgressBar>

namespace inlet::app {

// The status bar's progress bar for running backfills: one bar over every account that is
// syncing (done and total summed), hidden when none is. A failed sync is reported through
// statusMessage (e.g. "offline"), a finished one clears its part.
class SyncIndicator : public QProgressBar {
    Q_OBJECT
public:
    explicit SyncIndicator(QWidget *parent = nullptr);

    int runningSyncs() const { return int(m_progress.size()); }

public slots:
    void showProgress(const QString &accountId, int done, int total);
    void showFinished(const QString &accountId, bool ok, const QString &message);

signals:
    void statusMessage(const QString &text);

private:
    void refresh();

    QHash<QString, std::pair<int, int>> m_progress; // account -> (done, total)
};

} // namespace inlet::app
