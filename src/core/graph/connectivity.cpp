#include "graph/connectivity.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "graph/graphclient.h"

namespace inlet {

Connectivity::Connectivity(GraphClient *graph, QObject *parent)
    : QObject(parent)
    , m_graph(graph)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connectivity::probe);
    connect(graph, &GraphClient::reachabilityObserved, this, &Connectivity::observe);
}

QList<QUrl> Connectivity::offlineHosts() const
{
    return m_offline.values();
}

int Connectivity::msUntilRetry() const
{
    return m_timer.isActive() ? qMax(0, m_timer.remainingTime()) : -1;
}

void Connectivity::setRetryDelays(const QList<int> &delaysMs)
{
    if (!delaysMs.isEmpty())
        m_delays = delaysMs;
}

QString Connectivity::key(const QUrl &origin)
{
    return origin.host() + QLatin1Char(':')
        + QString::number(origin.port(origin.scheme() == QLatin1String("https") ? 443 : 80));
}

void Connectivity::observe(const QUrl &origin, bool reached, const QString &reason)
{
    const QString k = key(origin);
    if (reached) {
        if (!m_offline.remove(k))
            return;
        qCInfo(lcGraph) << "reachable again:" << k;
        if (m_offline.isEmpty()) {
            m_timer.stop();
            m_failedProbes = 0;
            m_lastError.clear();
            emit onlineChanged(true);
        }
        emit changed();
        return;
    }
    const bool wasOnline = m_offline.isEmpty();
    const bool known = m_offline.contains(k);
    m_offline.insert(k, origin);
    const bool reasonChanged = reason != m_lastError;
    m_lastError = reason;
    if (!known)
        qCWarning(lcGraph) << "cannot reach" << k << "-" << reason;
    if (wasOnline) {
        scheduleProbe();
        emit onlineChanged(false);
    }
    if (wasOnline || !known || reasonChanged)
        emit changed();
}

void Connectivity::retryNow()
{
    if (isOnline())
        return;
    m_timer.stop();
    m_failedProbes = 0;
    probe();
}

void Connectivity::scheduleProbe()
{
    const int delay = m_delays.at(qMin(m_failedProbes, int(m_delays.size()) - 1));
    m_timer.start(delay);
}

void Connectivity::probe()
{
    if (isOnline() || m_probesInFlight > 0)
        return;
    // Any HTTP answer proves the host is there; GraphClient reports it through observe().
    const QList<QUrl> hosts = m_offline.values();
    for (const QUrl &origin : hosts) {
        QUrl root = origin;
        root.setPath(QStringLiteral("/"));
        ++m_probesInFlight;
        onDone(m_graph->get(root, {}), this, [this](const Result<QJsonObject> &) {
            if (--m_probesInFlight > 0 || isOnline())
                return;
            ++m_failedProbes;
            scheduleProbe();
            emit changed();
        });
    }
    emit changed();
}

} // namespace inlet
