#pragma once

#include "models/modelrows.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QListView;

namespace inlet {
class ConversationViewsModel;
class InboxSource;
} // namespace inlet

namespace inlet::app {

namespace Ui {
class TriagePanel;
}

class ConversationViewsDelegate;

// Above the conversation list: the views with their counts (ConversationViewsModel, painted by
// ConversationViewsDelegate) and the filters (attachments, stories). filterChanged() tells the
// inbox to apply filter(); the account filter and the unread box stay the inbox's own.
class TriagePanel : public QWidget {
    Q_OBJECT
public:
    explicit TriagePanel(std::shared_ptr<InboxSource> source, QWidget *parent = nullptr);
    ~TriagePanel() override;

    // The chosen view and filters on top of `base` (its account and unread choice).
    InboxFilter filter(const InboxFilter &base) const;
    InboxView currentView() const;
    void setCurrentView(InboxView view);

    ConversationViewsModel *views() const { return m_views; }
    QListView *viewList() const;
    QCheckBox *attachmentFilter() const;
    QCheckBox *storyFilter() const;

signals:
    void filterChanged();

private:
    std::unique_ptr<Ui::TriagePanel> m_ui; // the form, ui/triagepanel.ui
    ConversationViewsModel *m_views;
    ConversationViewsDelegate *m_delegate;
};

} // namespace inlet::app
