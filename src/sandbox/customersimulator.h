#pragma once

#include "sandbox/customerevents.h"

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace inlet::sandbox {

// Makes the demo feel alive: at `eventsPerMinute` on average (exponential gaps, seeded), a random
// customer writes, reacts to the business's last message, reads it, sends a photo or a file,
// replies to a message, edits or unsends. Each action goes through CustomerEvents.
class CustomerSimulator : public QObject {
    Q_OBJECT
public:
    CustomerSimulator(SandboxState &state, CustomerEvents &events, QObject *parent = nullptr);

    void setRate(double eventsPerMinute); // 0 stops it
    // A restarted sandbox (state file) continues with another stream, so that it does not replay
    // the actions of its first run; `salt` 0 is the seed's own stream.
    void reseed(quint32 salt) { m_random.seed(m_state.options.seed ^ 0xC0FFEEu ^ salt); }
    double rate() const { return m_rate; }
    qint64 actionsTaken() const { return m_actions; }

    // One action now (also what the timer does); returns the mid or an empty string.
    QString step();

signals:
    void acted(const QString &kind, const QString &customer);

private:
    void scheduleNext();
    QJsonObject pickAction();

    SandboxState &m_state;
    CustomerEvents &m_events;
    QRandomGenerator m_random;
    QTimer m_timer{this}; // a child, so that it follows moveToThread()
    double m_rate = 0;
    qint64 m_actions = 0;
};

} // namespace inlet::sandbox
