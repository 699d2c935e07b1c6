#pragma once

#include "common/result.h"
#include "model/contactname.h"
#include "models/inboxsource.h"
#include "models/messagingwindow.h"
#include "store/storechange.h"

#include <QAbstractListModel>
#include <QTimer>

#include <functional>
#include <memory>

namespace inlet {

class SerialWorker;

// The inbox: conversations of all accounts, newest activity first, paged lazily from the store
// (the Reply window view: soonest window to close first, read whole).
// Filters and search run as queries on a worker thread (a keystroke never blocks painting); live
// changes update, insert or move only the rows named in a store change, never reset the model.
class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        AccountIdRole,
        CustomerIdRole,
        NameRole,
        UsernameRole,
        AvatarPathRole,
        PreviewRole,
        TimeRole, // last activity, ms since epoch (qint64)
        UnreadRole, // unread count (int)
        WindowStateRole, // int(MessagingWindow::State)
        WindowTimeLeftRole, // ms until the current window state ends (qint64)
        LastCustomerMessageRole,
        NeedsReplyRole, // last message came from the customer
        HitMessageIdRole, // search mode: the message that matched (0 = the name matched)
        SnippetRole, // search mode: text around the hit
        FollowerCountRole,
        FollowsBusinessRole,
        StartedRole,
        StatusRole, // int(ConversationStatus)
        SnoozedUntilRole, // ms since epoch (qint64), 0 unless snoozed
        MarkedUnreadRole, // the manager marked it as unread (bool)
        IsUnreadRole, // unread messages or marked as unread (bool)
        LabelIdsRole, // QList<qint64>: the labels on it (names and colours: Labels)
        AssigneeRole, // QString: team mode's assigned agent (role); empty: nobody
    };
    Q_ENUM(Role)

    explicit ConversationListModel(std::shared_ptr<InboxSource> source, QObject *parent = nullptr);
    ~ConversationListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const InboxFilter &filter);
    InboxFilter filter() const { return m_filter; }
    // Non-empty text switches to search results (full text and contact names); empty returns to
    // the inbox.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    // Where "now" comes from, for the messaging window roles (tests use a fixed clock).
    void setClock(std::function<qint64()> nowMs);
    // How NameRole words a customer's name (model/contactname.h); the app passes its tr() wording.
    void setNameText(ContactNameText text);

    bool isLoading() const { return m_pendingLoads > 0; }
    ConversationRow rowAt(int row) const { return m_rows.value(row); }
    int rowOf(qint64 conversationId) const;

public slots:
    // Reloads the first page for the current filter/search (queued; `loaded` tells when done).
    void reload();
    // The store changed these conversations: re-read just them and update/insert/move/remove.
    void applyChange(const QList<qint64> &conversationIds);
    // Connect Store::changed here.
    void applyStoreChange(const inlet::StoreChange &change);
    // Re-evaluates the messaging window roles against the clock (a timer calls it every minute).
    void refreshWindows();

signals:
    void loaded();
    void loadFailed(const inlet::Error &error);
    void loadingChanged(bool loading);

private:
    void startLoad(std::function<void()> job);
    void finishLoad();
    void applyPage(quint64 generation, Result<QList<ConversationRow>> page, bool reset);
    void applyRow(qint64 id, const std::optional<ConversationRow> &row);
    bool accepts(const ConversationRow &row) const;
    // Row order of the current view: newest activity first, or (Reply window) soonest to close.
    bool before(const ConversationRow &a, const ConversationRow &b) const;
    // m_filter with "now" set, for a query.
    InboxFilter queryFilter() const;
    int insertPosition(const ConversationRow &row, int skip) const;

    std::shared_ptr<InboxSource> m_source;
    std::unique_ptr<SerialWorker> m_worker;
    QList<ConversationRow> m_rows;
    InboxFilter m_filter;
    QString m_search;
    int m_pageSize = 100;
    std::optional<InboxKey> m_cursor; // last row of the pages read: the next page starts after it
    bool m_hasMore = false;
    bool m_fetching = false;
    int m_pendingLoads = 0;
    quint64 m_generation = 0; // bumped by each reload: older answers are dropped
    std::function<qint64()> m_now;
    ContactNameText m_nameText = contactNameInEnglish;
    QTimer m_windowTimer;
};

} // namespace inlet
