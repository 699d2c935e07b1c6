#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

namespace inlet {

class GraphClient;

// Whether Instagram (or the sandbox standing in for it) can be reached, judged from what the
// GraphClient's calls saw: a call that got no HTTP answer at all (Error::Kind::Network: refused,
// timeout, DNS, TLS) marks its host offline; any answer, even an error status, marks it online.
// While a host is offline it is probed (a GET at its root, without a token) on a growing delay,
// so the state clears by itself when the network is back even if nothing else is calling.
// Lives on the GraphClient's thread; no GUI.
class Connectivity : public QObject {
    Q_OBJECT
public:
    explicit Connectivity(GraphClient *graph, QObject *parent = nullptr);

    bool isOnline() const { return m_offline.isEmpty(); }
    // Origins (scheme://host:port) currently unreachable.
    QList<QUrl> offlineHosts() const;
    // Why the latest failed call failed (e.g. "Connection refused"); empty when online.
    QString lastError() const { return m_lastError; }
    // Time until the next automatic probe, or -1 when none is scheduled (online).
    int msUntilRetry() const;
    // Delays between probes while offline, in ms; the last one repeats. Default 5, 10, 20, 40,
    // 60 s.
    void setRetryDelays(const QList<int> &delaysMs);

public slots:
    // "Retry now": probes every offline host at once (the schedule starts over if it fails).
    void retryNow();
    // What the GraphClient reports for each finished call (connected in the constructor).
    void observe(const QUrl &origin, bool reached, const QString &reason);

signals:
    void onlineChanged(bool online);
    // Anything the indicator shows changed: online state, reason, or the retry time.
    void changed();

private:
    static QString key(const QUrl &origin);
    void scheduleProbe();
    void probe();

    GraphClient *m_graph;
    QHash<QString, QUrl> m_offline; // key -> origin
    QString m_lastError;
    QList<int> m_delays { 5'000, 10'000, 20'000, 40'000, 60'000 };
    int m_failedProbes = 0; // probe rounds since going offline
    int m_probesInFlight = 0;
    QTimer m_timer;
};

} // namespace inlet
