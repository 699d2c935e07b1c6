#pragma once

#include "common/result.h"
#include "model/savedreply.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace inlet {

class Store;
struct StoreChange;
class TriageWrites;

// The saved replies (issue 13) for the editor and the composer's "/" picker: the current list,
// read through the store's reader pool (never on the caller's thread) at start and after every
// commit that touched it, and the writes, each through the store's writer. Errors are values: a
// refused reply is an Error::Kind::Invalid whose code is a savedreply::Problem.
// Also keeps the agent's name for {agent} (solo mode: the "Your name" of the editor; the
// composition root keeps it in the profile's settings).
class SavedReplies : public QObject {
    Q_OBJECT
public:
    explicit SavedReplies(Store *store, QObject *parent = nullptr);
    ~SavedReplies() override;
    // Where the writes go (TeamMode in team mode: shared by the team); null: the local store.
    // The list reads the local store either way (the replica fills it). Must outlive this.
    void setWrites(TriageWrites *writes);

    // The list as last read, by title; empty until the first read is back (isLoaded()).
    QList<SavedReply> replies() const { return m_replies; }
    bool isLoaded() const { return m_loaded; }
    // Reads the list again (done by itself after a change in the store).
    void reload();

    QFuture<Result<qint64>> save(const SavedReply &reply);
    QFuture<Status> remove(qint64 id);
    // Reads a file's contents (savedreplyjson) and adds its replies in one transaction; a reply
    // whose shortcut exists replaces that one. Returns how many were added or replaced.
    QFuture<Result<int>> importJson(const QByteArray &json);
    // The current list as a file's contents.
    QByteArray exportJson() const;

    QString agentName() const { return m_agentName; }
    void setAgentName(const QString &name);

signals:
    void repliesChanged();
    // The list could not be read (the previous one stays).
    void loadFailed(const inlet::Error &error);
    void agentNameChanged(const QString &name);

private:
    void onStoreChanged(const StoreChange &change);

    Store *m_store;
    std::unique_ptr<TriageWrites> m_local;
    TriageWrites *m_writes;
    QList<SavedReply> m_replies;
    bool m_loaded = false;
    QString m_agentName;
};

} // namespace inlet
