#pragma once

#include "team/replicafollower.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

#include <memory>

namespace inlet::team {

// Another agent on the conversation this agent looks at.
struct PresenceEntry {
    QString role;
    bool typing = false; // typing a reply (else only viewing)
    friend bool operator==(const PresenceEntry &, const PresenceEntry &) = default;
};

class PresenceWorker;

// Presence (issue 13): "Ana is viewing" / "Ana is typing a reply", live. Each agent keeps one row
// of inlet.presence (an UNLOGGED table: nothing of it needs to survive a crash) saying which
// conversation it looks at and whether it types, refreshed by a heartbeat; rows older than
// `staleAfterS` count as gone (a desktop that died). Writes wake the others with
// NOTIFY inlet_presence carrying only the account id (NOTIFY is not filtered by row-level
// security), and each reads back, through its own row-level security, who else is on its
// conversation. Its own thread and PostgreSQL connection: the GUI thread never waits.
class TeamPresence : public QObject {
    Q_OBJECT
public:
    struct Options {
        int heartbeatMs = 10'000;
        int staleAfterS = 30;
        int pollMs = 5'000; // reads again without a NOTIFY (stale rows, a lost one)
        int typingForMs = 6'000; // "typing" lasts this long after the last keystroke
        int retryMs = 2'000; // reconnect after a failure
        int connectTimeoutS = 5;
    };

    TeamPresence(TeamConnection connection, Options options, QObject *parent = nullptr);
    explicit TeamPresence(TeamConnection connection, QObject *parent = nullptr)
        : TeamPresence(std::move(connection), Options {}, parent)
    {
    }
    ~TeamPresence() override; // removes this agent's row, stops the thread

    void start();
    // The conversation this agent looks at, by (account IG id, customer IGSID); empty: none.
    void setConversation(const QString &accountId, const QString &customerId);
    // A keystroke in the reply box: "typing" for Options::typingForMs.
    void typing();
    // The other agents on the conversation, by role (the last report).
    QList<PresenceEntry> others() const { return m_others; }

signals:
    void othersChanged(const QList<inlet::team::PresenceEntry> &others);

private:
    TeamConnection m_connection;
    Options m_options;
    QList<PresenceEntry> m_others;
    std::unique_ptr<QThread> m_thread;
    PresenceWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace inlet::team
