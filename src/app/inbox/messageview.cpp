#include "app/inbox/messageview.h"

#include "app/inbox/messagedelegate.h"
#include "model/reactions.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>
#include <QTimer>

#include <utility>

namespace inlet::app {

MessageView::MessageView(MessageListModel *model, MessageDelegate *delegate, QWidget *parent)
    : QListView(parent)
    , m_model(model)
{
    m_model->setViewDrivenFetch(false); // this view pages at the top itself
    setModel(model);
    setItemDelegate(delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setResizeMode(Adjust);
    setSelectionMode(SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setMouseTracking(true);
    setWordWrap(true);
    verticalScrollBar()->setSingleStep(24);
    setAccessibleName(tr("Messages"));

    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = true;
        QTimer::singleShot(0, this, &MessageView::scrollToNewest);
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &, int first) {
            m_stickToBottom = isAtBottom();
            if (first == 0 && m_model->isFetchingOlder()) {
                // Older rows go in above: remember the row at the top of the viewport.
                const QModelIndex anchor = indexAt(QPoint(1, 1));
                m_anchorId = anchor.isValid() ? m_model->rowAt(anchor.row()).id : 0;
                m_anchorTop = anchor.isValid() ? visualRect(anchor).top() : 0;
            }
        });
    connect(model, &MessageListModel::olderFetched, this, &MessageView::keepAnchor);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // New messages at the end: follow them if the manager was reading the newest.
        if (m_stickToBottom && first > 0 && first >= m_model->rowCount() - 5)
            QTimer::singleShot(0, this, &MessageView::scrollToNewest);
    });
    connect(delegate, &MessageDelegate::linkActivated, this, [this] { viewport()->update(); });
}

bool MessageView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void MessageView::scrollToNewest()
{
    if (m_model->rowCount() == 0)
        return;
    doItemsLayout();
    scrollToBottom();
}

void MessageView::showMessage(qint64 messageId)
{
    const int row = m_model->rowOfMessage(messageId);
    if (row < 0)
        return;
    doItemsLayout();
    const QModelIndex index = m_model->index(row);
    scrollTo(index, PositionAtCenter);
    setCurrentIndex(index);
}

void MessageView::verticalScrollbarValueChanged(int value)
{
    // Not the base class: it fetches when the LAST row shows, and ours are older rows at the top.
    if (value <= viewport()->height() / 2 && m_model->hasOlder() && !m_model->isFetchingOlder())
        QTimer::singleShot(0, this, &MessageView::fetchOlderKeepingPosition);
    if (m_model->canFetchNewer() && value >= verticalScrollBar()->maximum() - viewport()->height() / 2)
        m_model->fetchNewer();
}

void MessageView::fetchOlderKeepingPosition()
{
    if (m_model->isFetchingOlder() || !m_model->hasOlder())
        return;
    // Bigger pages than the opening one: each page costs a relayout of every loaded row. The
    // page is read on the model's worker; keepAnchor() follows when its rows are in.
    m_model->fetchOlder(200);
}

void MessageView::keepAnchor(int added)
{
    // Keep the row that was at the top of the viewport where it was, now that rows are above it.
    const qint64 anchorId = std::exchange(m_anchorId, 0);
    if (added <= 0 || anchorId == 0)
        return;
    doItemsLayout();
    const int row = m_model->rowOfMessage(anchorId);
    if (row >= 0) {
        const int shift = visualRect(m_model->index(row)).top() - m_anchorTop;
        verticalScrollBar()->setValue(verticalScrollBar()->value() + shift);
    }
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QListView::resizeEvent(event);
    if (atBottom)
        QTimer::singleShot(0, this, &MessageView::scrollToNewest);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (Menu key, Shift+F10) the menu is for the current message, shown on it.
    const bool byKeyboard = event->reason() == QContextMenuEvent::Keyboard;
    const QModelIndex index = byKeyboard ? currentIndex() : indexAt(event->pos());
    if (!index.isValid())
        return;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    const bool hasMid = !index.data(MessageListModel::MidRole).toString().isEmpty();
    QMenu menu(this);
    QAction *reply = menu.addAction(tr("Reply"));
    reply->setEnabled(hasMid);
    connect(reply, &QAction::triggered, this, [this, id] { emit replyRequested(id); });
    QMenu *react = menu.addMenu(tr("React"));
    react->setEnabled(hasMid);
    react->setToolTipsVisible(true);
    // Instagram's usual reactions; a business can send only some (❤️): the rest are shown
    // greyed out with the reason rather than queued to fail.
    const QString onlyLove = tr("Instagram accepts only ❤️ from businesses.");
    for (const reactions::Choice &choice : reactions::businessChoices()) {
        QAction *action = react->addAction(choice.emoji);
        action->setEnabled(choice.sendable);
        if (!choice.sendable)
            action->setToolTip(onlyLove);
        connect(action, &QAction::triggered, this,
            [this, id, name = choice.name] { emit reactRequested(id, name); });
    }
    react->addSeparator();
    react->addAction(onlyLove)->setEnabled(false);
    react->addSeparator();
    connect(react->addAction(tr("Remove reaction")), &QAction::triggered, this,
            [this, id] { emit unreactRequested(id); });
    const QString text = index.data(MessageListModel::TextRole).toString();
    QAction *copy = menu.addAction(tr("Copy text"));
    copy->setEnabled(!text.isEmpty());
    connect(copy, &QAction::triggered, this, [text] { QApplication::clipboard()->setText(text); });
    // Same rule as the bubble's Cancel: an attachment still uploading or waiting in the queue.
    const bool queued = index.data(MessageListModel::StateRole).toInt() == int(MessageState::Queued);
    if (queued && !index.data(MessageListModel::AttachmentsRole).toList().isEmpty()) {
        menu.addSeparator();
        connect(menu.addAction(tr("Cancel upload")), &QAction::triggered, this,
                [this, id] { emit cancelRequested(id); });
    }
    const bool note = index.data(MessageListModel::KindRole).toInt() == int(MessageRow::Kind::Note);
    if (note && m_notesEditable
        && index.data(MessageListModel::SentByRole).toString() == m_noteAuthor) {
        reply->setVisible(false); // a note is not Instagram's: no reply, no reaction
        react->menuAction()->setVisible(false);
        menu.addSeparator();
        QAction *edit = menu.addAction(tr("Edit note…"));
        edit->setObjectName(QStringLiteral("editNote"));
        connect(edit, &QAction::triggered, this, [this, id] { emit editNoteRequested(id); });
        QAction *remove = menu.addAction(tr("Delete note…"));
        remove->setObjectName(QStringLiteral("deleteNote"));
        connect(remove, &QAction::triggered, this, [this, id] { emit deleteNoteRequested(id); });
    }
    menu.setObjectName(QStringLiteral("messageMenu"));
    menu.exec(
        byKeyboard ? viewport()->mapToGlobal(visualRect(index).center()) : event->globalPos());
}

} // namespace inlet::app
