#pragma once

#include "model/label.h"

#include <QFrame>
#include <QHash>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QListView;

namespace inlet {
class ConversationFinderModel;
class InboxSource;
} // namespace inlet

namespace inlet::app {

class ImageCache;

// Ctrl+K "jump to conversation": a small panel centred over its parent with a line edit and the
// conversations whose contact name or @username, or one of whose labels, matches what is typed
// (case and accent insensitive; name word starts first, then label word starts, then substrings,
// each most recent first; the most recent conversations while nothing is typed), with the labels
// as chips. Up/Down move, Enter or a click opens, Esc closes.
// Lookups run on the finder model's worker thread, so typing stays smooth with 10,000 rows.
class QuickSwitcher : public QFrame {
    Q_OBJECT
public:
    QuickSwitcher(std::shared_ptr<InboxSource> source, ImageCache *images, QWidget *parent);
    ~QuickSwitcher() override;

    // Account names for the rows: (IG id, display name).
    void setAccounts(const QList<std::pair<QString, QString>> &accounts);
    // The labels (names and colours) for the chips of the rows.
    void setLabels(const QList<Label> &labels);

    // Shows it over the parent, empty, with the focus in the line edit.
    void popup();

    QLineEdit *lineEdit() const { return m_edit; }
    QListView *list() const { return m_list; }
    ConversationFinderModel *model() const { return m_model; }
    QLabel *emptyLabel() const { return m_empty; }

signals:
    void conversationChosen(qint64 conversationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void place();
    void step(int delta);
    void choose(int row);
    void onLoaded();

    ConversationFinderModel *m_model;
    QLineEdit *m_edit;
    QListView *m_list;
    QLabel *m_empty;
    QPointer<QWidget> m_backdrop; // carries the drop shadow, under this panel (a sibling)
    QHash<QString, QString> m_accountNames;
    QList<Label> m_labels;
};

} // namespace inlet::app
