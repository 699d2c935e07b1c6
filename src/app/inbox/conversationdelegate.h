#pragma once

#include "model/label.h"

#include <QStyledItemDelegate>

#include <functional>

namespace inlet::app {

class ImageCache;

// One inbox row: avatar, name and @username, last message preview (or the search snippet), time,
// unread badge, and a coloured marker for the messaging window (open / closing soon /
// human agent only / closed); the row's labels as chips in their colours left of the badge (at most
// half the row); a snoozed row tells until when, a row marked unread has a dot; in the
// Reply window view the time is the countdown to the window's end; in team mode the assigned
// agent ("→ Ana") before the time. Fixed height, so the list can use uniform item sizes.
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ConversationDelegate(ImageCache *images, QObject *parent = nullptr);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

    static QString timeLabel(qint64 ms, qint64 nowMs);
    static QString windowLabel(int state);
    // The Reply window's countdown: "5:04:09" inside the 24 h, "6 d 3 h" in the 7 days.
    static QString countdownText(qint64 leftMs, int state);

    // The Reply window view: the row's time is the time left to reply, live.
    void setCountdown(bool on) { m_countdown = on; }
    bool countdown() const { return m_countdown; }
    // Every label (names and colours of the rows' LabelIdsRole), by name.
    void setLabels(const QList<Label> &labels) { m_labels = labels; }
    // Team mode: how an assignee (an agent's role) is named on the rows (its display name).
    void setAgentName(std::function<QString(const QString &)> name)
    {
        m_agentName = std::move(name);
    }
    // The assignee of a row as shown ("→ Ana"); empty when nobody.
    QString assigneeText(const QString &role) const;

private:
    ImageCache *m_images;
    QList<Label> m_labels;
    std::function<QString(const QString &)> m_agentName;
    bool m_countdown = false;
};

} // namespace inlet::app
