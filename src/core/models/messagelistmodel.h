#pragma once

#include "common/result.h"
#include "models/inboxsource.h"
#include "store/storechange.h"

#include <QAbstractListModel>

#include <memory>

namespace inlet {

// One conversation's messages, oldest at the top. Opens at the newest page (or around a search
// hit); fetchMore() pages back, inserting older rows at the top; fetchNewer() pages forward when
// it was opened at a hit. Store changes insert, update or remove only the rows they name.
// Pages are small keyset queries (a few ms), so they run on the calling thread.
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        MidRole,
        KindRole,           // int(MessageRow::Kind)
        OutgoingRole,
        TextRole,
        TimeRole,           // ms since epoch (qint64)
        DaySeparatorRole,   // first message of its local day among the loaded rows
        AttachmentsRole,    // QVariantList of QVariantMap {type, url, title, localPath}
        ReplyToMidRole,
        ReplyQuoteRole,     // text of the quoted message ("" when unknown)
        ReplyToStoryRole,   // URL of the story this replies to
        ReactionsRole,      // QStringList of emojis, one per reactor (the business's own included)
        EditedRole,
        EditCountRole,
        DeletedRole,        // unsent by the customer
        SeenRole,           // outgoing message read by the customer
        StateRole,          // int(MessageState)
        ErrorRole,          // reason of a final send failure
        RevisionRole,       // changes whenever the row's content changes (layout caches key on it)
        UploadProgressRole, // double 0..1 while its attachment uploads, -1 when no upload runs
        OwnReactionRole,    // the business's own reaction (emoji), "" when none
    };
    Q_ENUM(Role)

    explicit MessageListModel(std::shared_ptr<InboxSource> source, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Shows a conversation at its newest messages, or around `atMessageId` (a search hit).
    Status open(qint64 conversationId, qint64 atMessageId = 0);
    void clear();
    qint64 conversationId() const { return m_conversationId; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }

    // Views fetch when the LAST row is visible, but older messages go at the TOP: a chat view
    // turns this off and calls fetchOlder() itself when scrolled to the top.
    void setViewDrivenFetch(bool enabled) { m_viewDrivenFetch = enabled; }
    void fetchOlder(int rows = 0); // 0 = the page size

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

private:
    struct Item {
        MessageRow row;
        quint32 revision = 0;
        double uploadProgress = -1; // not persisted: only what the running upload reported
    };
    void prepend(QList<MessageRow> rows);
    void append(QList<MessageRow> rows);
    void applyRow(qint64 id, const std::optional<MessageRow> &row);
    bool startsDay(int row) const;
    void touchBoundary(int row);

    std::shared_ptr<InboxSource> m_source;
    QList<Item> m_items;
    qint64 m_conversationId = 0;
    int m_pageSize = 50;
    bool m_hasOlder = false;
    bool m_viewDrivenFetch = true;
    bool m_hasNewer = false;
    quint32 m_nextRevision = 1;
};

} // namespace inlet
