#include "app/shell/syncindicator.h"

namespace inlet::app {

SyncIndicator::SyncIndicator(QWidget *parent)
    : QProgressBar(parent)
{
    setMaximumWidth(180);
    setTextVisible(false);
    setToolTip(tr("Syncing conversations"));
    hide();
}

void SyncIndicator::showProgress(const QString &accountId, int done, int total)
{
    m_progress.insert(accountId, {qMax(0, done), qMax(0, total)});
    refresh();
}

void SyncIndicator::showFinished(const QString &accountId, bool ok, const QString &message)
{
    m_progress.remove(accountId);
    refresh();
    if (!ok)
        emit statusMessage(message.isEmpty() ? tr("Sync failed") : tr("Sync failed: %1").arg(message));
    else if (m_progress.isEmpty())
        emit statusMessage(tr("Conversations are up to date"));
}

void SyncIndicator::refresh()
{
    if (m_progress.isEmpty()) {
        hide();
        return;
    }
    int done = 0;
    int total = 0;
    for (const auto &[d, t] : std::as_const(m_progress)) {
        done += d;
        total += t;
    }
    // An unknown total (0) shows the busy animation.
    setRange(0, total);
    setValue(qMin(done, total));
    setToolTip(tr("Syncing conversations: %1 of %2").arg(done).arg(total));
    show();
}

} // namespace inlet::app
