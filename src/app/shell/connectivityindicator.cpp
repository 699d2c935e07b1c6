#include "app/shell/connectivityindicator.h"

#include "graph/connectivity.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace inlet::app {

ConnectivityIndicator::ConnectivityIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
    , m_retry(new QToolButton(this))
{
    setAccessibleName(tr("Connection status"));
    m_dot->setFixedSize(10, 10);
    m_dot->setStyleSheet(QStringLiteral("background: #d03030; border-radius: 5px;"));
    m_label->setAccessibleName(tr("Offline"));
    QFont bold = m_label->font();
    bold.setBold(true);
    m_label->setFont(bold);
    m_retry->setText(tr("Retry now"));
    m_retry->setAccessibleName(tr("Retry now"));
    m_retry->setToolTip(tr("Try to reach it again now and sync the conversations"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    layout->addWidget(m_retry);
    connect(m_retry, &QToolButton::clicked, this, &ConnectivityIndicator::retryRequested);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectivityIndicator::refresh);
    hide();
}

void ConnectivityIndicator::setConnectivity(Connectivity *connectivity)
{
    if (m_connectivity)
        disconnect(m_connectivity, nullptr, this, nullptr);
    m_connectivity = connectivity;
    if (connectivity)
        connect(connectivity, &Connectivity::changed, this, &ConnectivityIndicator::refresh);
    refresh();
}

void ConnectivityIndicator::setSandbox(bool sandbox)
{
    m_sandbox = sandbox;
    refresh();
}

QString ConnectivityIndicator::offlineText(bool sandbox, int secondsLeft)
{
    const QString text
        = sandbox ? tr("Offline: can't reach the sandbox") : tr("Offline: can't reach Instagram");
    if (secondsLeft < 0)
        return tr("%1 (retrying…)").arg(text);
    return tr("%1 (retrying in %n s)", nullptr, secondsLeft).arg(text);
}

void ConnectivityIndicator::refresh()
{
    const Connectivity *connectivity = m_connectivity.data();
    if (!connectivity || connectivity->isOnline()) {
        m_countdown.stop();
        hide();
        return;
    }
    const int ms = connectivity->msUntilRetry();
    m_label->setText(offlineText(m_sandbox, ms < 0 ? -1 : (ms + 999) / 1000));
    QStringList hosts;
    for (const QUrl &host : connectivity->offlineHosts())
        hosts << host.toDisplayString();
    const QString why = connectivity->lastError(); // the system's words; none for a timeout
    setToolTip(why.isEmpty()
            ? tr("No answer in time from %1.").arg(hosts.join(QStringLiteral(", ")))
            : tr("No answer from %1: %2").arg(hosts.join(QStringLiteral(", ")), why));
    if (!m_countdown.isActive())
        m_countdown.start();
    show();
}

} // namespace inlet::app
