#pragma once

#include "common/result.h"
#include "model/contactname.h"
#include "models/inboxsource.h"

#include <QAbstractListModel>

#include <atomic>
#include <memory>

namespace inlet {

class SerialWorker;

// The quick switcher's list: conversations whose contact name or username matches what was
// typed, or the most recent ones while nothing is typed. Lookups run on a worker thread, which
// keeps a snapshot of every conversation's folded names (InboxSource::contactIndex): taken after
// the empty query (the switcher opening), again when older than kIndexMaxAgeMs, so a keystroke
// matches in memory and reads only the rows it shows (findByContact's scan when the source has
// no index); a keystroke's answer replaces the rows, answers to older keystrokes
// are dropped (and skipped before they run when newer ones are waiting). Roles are those of
// ConversationListModel, so the same painting code serves both.
class ConversationFinderModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit ConversationFinderModel(
        std::shared_ptr<InboxSource> source, QObject *parent = nullptr);
    ~ConversationFinderModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // How long a snapshot of the names serves keystrokes before the next one re-reads them.
    static constexpr qint64 kIndexMaxAgeMs = 30'000;

    // Starts a lookup (empty text: the most recent conversations, then a new name snapshot);
    // `loaded` tells when done.
    void setQuery(const QString &text);
    QString query() const { return m_query; }
    void setLimit(int rows) { m_limit = qMax(1, rows); }
    void setAccountFilter(const QString &accountId) { m_accountId = accountId; }
    bool isLoading() const { return m_pending > 0; }
    ConversationRow rowAt(int row) const { return m_rows.value(row); }
    // How NameRole words a customer's name (model/contactname.h); the app passes its tr() wording.
    void setNameText(ContactNameText text) { m_nameText = std::move(text); }

signals:
    void loaded();
    void loadFailed(const inlet::Error &error);

private:
    void replaceRows(QList<ConversationRow> rows);

    std::shared_ptr<InboxSource> m_source;
    std::unique_ptr<SerialWorker> m_worker;
    QList<ConversationRow> m_rows;
    QString m_query;
    QString m_accountId;
    ContactNameText m_nameText = contactNameInEnglish;
    int m_limit = 50;
    int m_pending = 0;
    // Bumped per lookup; shared with the worker so that stale lookups are skipped unrun.
    std::shared_ptr<std::atomic<quint64>> m_generation;
    struct WorkerState; // the name snapshot: touched on the worker thread only
    std::shared_ptr<WorkerState> m_state;
};

} // namespace inlet
