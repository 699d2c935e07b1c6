#pragma once

#include "common/result.h"
#include "model/label.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace inlet {

class Store;
struct StoreChange;
class TriageWrites;

// The labels (issue 13) for the editor, the label menus, the chips and the per-label views: the
// current list, read through the store's reader pool (never on the caller's thread) at start and
// after every commit that touched labels, and the writes, each through the store's writer. Errors
// are values: a refused label is an Error::Kind::Invalid whose code is a label::Problem.
// The writes go to the local store (solo mode) or, once setWrites() names team mode's port, to
// the team database; the list reads the local store either way (the replica fills it).
class Labels : public QObject {
    Q_OBJECT
public:
    explicit Labels(Store *store, QObject *parent = nullptr);
    ~Labels() override;
    // Where the writes go (TeamMode in team mode); null: the local store. Must outlive this.
    void setWrites(TriageWrites *writes);

    // The list as last read, by name; empty until the first read is back (isLoaded()).
    QList<Label> labels() const { return m_labels; }
    bool isLoaded() const { return m_loaded; }
    // The label with `id`, or an empty one (id 0) if there is none.
    Label label(qint64 id) const;
    // Reads the list again (done by itself after a change in the store).
    void reload();

    // Adds (id 0), renames or recolours a label; returns its id.
    QFuture<Result<qint64>> save(const Label &label);
    QFuture<Status> remove(qint64 id);
    QFuture<Status> setOnConversation(qint64 conversationId, qint64 labelId, bool on);

signals:
    void labelsChanged();
    // The list could not be read (the previous one stays).
    void loadFailed(const inlet::Error &error);

private:
    void onStoreChanged(const StoreChange &change);

    Store *m_store;
    std::unique_ptr<TriageWrites> m_local;
    TriageWrites *m_writes;
    QList<Label> m_labels;
    bool m_loaded = false;
};

} // namespace inlet
