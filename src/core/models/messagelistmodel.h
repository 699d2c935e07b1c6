#pragma once

#include "common/result.h"
#include "models/inboxsource.h"
#include "store/storechange.h"

#include <QAbstractListModel>
#include <QFuture>

#include <memory>

namespace inlet {

class SerialWorker;

// One conversation's messages, oldest at the top. Opens at the newest page (or around a search
// hit); fetchMore() pages back, inserting older rows at the top; fetchNewer() pages forward when
// it was opened at a hit. Store changes insert, update or remove only the rows they name.
// Every read (pages, changed rows) runs on the model's worker thread, in the order asked; the
// rows reach the model on its own thread, so the GUI thread never runs SQL. An answer for a
// conversation no longer shown (open() or clear() came since) is dropped.
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        MidRole,
        KindRole, // int(MessageRow::Kind)
        OutgoingRole,
        TextRole,
        TimeRole, // ms since epoch (qint64)
        DaySeparatorRole, // first message of its local day among the loaded rows
        AttachmentsRole, // QVariantList of QVariantMap {type, url, title, localPath}
        ReplyToMidRole,
        ReplyQuoteRole, // text of the quoted message ("" when unknown)
        ReplyToStoryRole, // URL of the story this replies to
        ReactionsRole, // QStringList of emojis, one per reactor (the business's own included)
        EditedRole,
        EditCountRole,
        DeletedRole, // unsent by the customer
        SeenRole, // outgoing message read by the customer
        StateRole, // int(MessageState)
        ErrorRole, // reason of a final send failure
        RevisionRole, // changes whenever the row's content changes (layout caches key on it)
        UploadProgressRole, // double 0..1 while its attachment uploads, -1 when no upload runs
        OwnReactionRole, // the business's own reaction (emoji), "" when none
        SentByRole, // team mode: the agent who sent an outgoing message, "" when unknown
        SentElsewhereRole, // team mode: an outgoing message sent from the Instagram app
        NoteIdRole, // a note's client id (the uuid edits and deletes name it by), "" otherwise
    };
    Q_ENUM(Role)

    explicit MessageListModel(std::shared_ptr<InboxSource> source, QObject *parent = nullptr);
    ~MessageListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Shows a conversation at its newest messages, or around `atMessageId` (a search hit). The
    // rows replace the shown ones (one model reset) when they were read; the future finishes
    // then, or with the error (rows unchanged), or Cancelled when a newer open() or clear() came.
    QFuture<Status> open(qint64 conversationId, qint64 atMessageId = 0);
    void clear();
    // The conversation shown (the one being opened shows once its rows are in).
    qint64 conversationId() const { return m_conversationId; }
    // A read (a page, changed rows) is under way.
    bool isLoading() const { return m_pending > 0; }
    // A fetchOlder() is under way (true still while its rows are inserted at the top).
    bool isFetchingOlder() const { return m_fetchingOlder; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    // Views fetch when the LAST row is visible, but older messages go at the TOP: a chat view
    // turns this off and calls fetchOlder() itself when scrolled to the top.
    void setViewDrivenFetch(bool enabled) { m_viewDrivenFetch = enabled; }
    // Reads the page before the first row (0 = the page size); olderFetched() follows. Does
    // nothing while one is under way.
    void fetchOlder(int rows = 0);

    bool canFetchNewer() const { return m_hasNewer; }
    void fetchNewer();
    bool hasOlder() const { return m_hasOlder; }

    int rowOfMessage(qint64 messageId) const;
    const MessageRow &rowAt(int row) const { return m_items.at(row).row; }

public slots:
    // The store changed these messages (new, edited, unsent, reacted, seen, outbox state):
    // re-read the ones of this conversation.
    void applyChange(const QList<qint64> &messageIds);
    void removeMessages(const QList<qint64> &messageIds);
    // Connect Store::changed here.
    void applyStoreChange(const inlet::StoreChange &change);
    // An attachment upload moved on (connect Outbox::uploadProgress here): updates only that row.
    // Cleared when the row becomes Sending, Sent or Failed, or is removed.
    void setUploadProgress(qint64 messageId, qint64 sent, qint64 total);

signals:
    void failed(const inlet::Error &error);
    // A fetchOlder() answer was applied (its rows, if any, are in: the first `rows` rows).
    void olderFetched(int rows);

private:
    struct Item {
        MessageRow row;
        quint32 revision = 0;
        double uploadProgress = -1; // not persisted: only what the running upload reported
    };
    // Runs `read` on the worker, then `apply` here if the model still shows the same conversation.
    template <typename T> void post(std::function<T()> read, std::function<void(T)> apply);
    int prepend(QList<MessageRow> rows);
    void append(QList<MessageRow> rows);
    void applyRow(qint64 id, const std::optional<MessageRow> &row);
    bool startsDay(int row) const;
    void touchBoundary(int row);

    std::shared_ptr<InboxSource> m_source;
    std::unique_ptr<SerialWorker> m_worker;
    QList<Item> m_items;
    qint64 m_conversationId = 0;
    int m_pageSize = 50;
    bool m_hasOlder = false;
    bool m_viewDrivenFetch = true;
    bool m_hasNewer = false;
    bool m_fetchingOlder = false;
    bool m_fetchingNewer = false;
    int m_pending = 0;
    quint64 m_generation = 0; // bumped by open() and clear(): older answers are dropped
    quint32 m_nextRevision = 1;
};

} // namespace inlet
