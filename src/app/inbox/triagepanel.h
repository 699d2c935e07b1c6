#pragma once

#include "model/label.h"
#include "models/modelrows.h"

#include <QDateTime>
#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
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
// ConversationViewsDelegate; one per label after the fixed ones) and the filters (attachments,
// stories, a date range of the last activity, a label). filterChanged() tells the
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
    // The label of the chosen per-label view (0: a fixed view is chosen).
    qint64 currentViewLabel() const;
    void setCurrentLabelView(qint64 labelId);
    // Every label (by name): the per-label views and the label filter's choices. A chosen label
    // that is gone falls back to All / no label filter.
    void setLabels(const QList<Label> &labels);
    // Team mode: the agent whose conversations view Mine lists; Mine and Unassigned are listed
    // only with one (solo mode: empty).
    void setAgent(const QString &agent);

    ConversationViewsModel *views() const { return m_views; }
    QListView *viewList() const;
    QCheckBox *attachmentFilter() const;
    QCheckBox *storyFilter() const;
    QComboBox *labelFilter() const;
    QComboBox *dateFilter() const;
    // Where "now" comes from (ms since the epoch) for the date filter's local days.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

signals:
    void filterChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitViewList();

    std::unique_ptr<Ui::TriagePanel> m_ui; // the form, ui/triagepanel.ui
    ConversationViewsModel *m_views;
    ConversationViewsDelegate *m_delegate;
    std::function<qint64()> m_now = [] { return QDateTime::currentMSecsSinceEpoch(); };
};

} // namespace inlet::app
