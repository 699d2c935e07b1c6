#pragma once

#include "common/result.h"
#include "model/label.h"
#include "models/inboxsource.h"
#include "store/storechange.h"

#include <QAbstractListModel>
#include <QTimer>

#include <functional>
#include <memory>

namespace inlet {

class SerialWorker;

// The conversation list's views (triage), each with how many conversations it holds: Needs
// reply, Reply window, Snoozed, Done, All, then one view per label (setLabels; its open
// conversations carrying the label). Choosing one sets the view of the conversation list's
// filter (InboxFilter::view). Counts are computed on a worker thread (InboxSource::viewCounts) with
// the same account and filters as the list, after each store change (coalesced) and every minute
// (the Reply window's count moves with the clock). Mine and Unassigned need team mode: they are
// listed (after Needs reply) only once setAgent() named the agent.
class ConversationViewsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ViewRole = Qt::UserRole + 1, // int(InboxView)
        CountRole, // int; 0 until the first count arrives
        CountKnownRole, // bool: the count has been computed
        LabelIdRole, // qint64: the label of a per-label view, 0 for the others
        ColourRole, // QString "#rrggbb": the label's colour, empty for the others
    };
    Q_ENUM(Role)

    explicit ConversationViewsModel(std::shared_ptr<InboxSource> source, QObject *parent = nullptr);
    ~ConversationViewsModel() override;

    // The fixed views of solo mode, in the order they are listed.
    static QList<InboxView> views();
    // Those of team mode: Mine and Unassigned as well.
    static QList<InboxView> teamViews();
    static QString englishName(InboxView view);
    // The fixed views listed now (views() or teamViews()).
    const QList<InboxView> &shownViews() const { return m_views; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    InboxView viewAt(int row) const
    {
        return row >= m_views.size() && row < rowCount() ? InboxView::Label
                                                         : m_views.value(row, InboxView::All);
    }
    // -1 for a view not listed (Mine in solo mode).
    int rowOf(InboxView view) const { return int(m_views.indexOf(view)); }
    // Team mode: the agent (PostgreSQL role) whose conversations Mine lists; empty: solo mode,
    // without Mine and Unassigned. Counts again.
    void setAgent(const QString &agent);
    QString agent() const { return m_filter.agent; }
    // The per-label views, by name (the Labels list); the label of row `row` (0: not a label's).
    void setLabels(const QList<Label> &labels);
    QList<Label> labels() const { return m_labels; }
    qint64 labelAt(int row) const;
    int rowOfLabel(qint64 labelId) const;
    ViewCounts counts() const { return m_counts; }
    bool hasCounts() const { return m_known; }

    // The list's account and filters (the view in `filter` is ignored; its agent is this model's,
    // setAgent): counts follow them.
    void setFilter(const InboxFilter &filter);
    // Where "now" comes from (the Reply window's count); counts again if it had counted.
    void setClock(std::function<qint64()> nowMs);
    // How DisplayRole names a view; the app passes its tr() wording.
    void setViewText(std::function<QString(InboxView)> text);
    // Delay that gathers store changes into one count (ms).
    void setCoalesceInterval(int ms) { m_coalesce.setInterval(ms); }

public slots:
    // Counts again (queued; countsChanged tells when done).
    void refresh();
    // Connect Store::changed here: counts again shortly after (changes in a burst count once).
    void applyStoreChange(const inlet::StoreChange &change);

signals:
    void countsChanged();
    void countFailed(const inlet::Error &error);

private:
    void applyCounts(quint64 generation, const Result<ViewCounts> &counts);

    std::shared_ptr<InboxSource> m_source;
    std::unique_ptr<SerialWorker> m_worker;
    InboxFilter m_filter;
    ViewCounts m_counts;
    QList<Label> m_labels;
    QList<InboxView> m_views = views();
    bool m_known = false;
    bool m_counting = false;
    bool m_countAgain = false;
    quint64 m_generation = 0; // bumped when the filter changes: counts for an older one are dropped
    std::function<qint64()> m_now;
    std::function<QString(InboxView)> m_viewText = &ConversationViewsModel::englishName;
    QTimer m_coalesce;
    QTimer m_minute;
};

} // namespace inlet
