#pragma once

#include "model/label.h"

#include <QStyledItemDelegate>

namespace inlet::app {

class ImageCache;

// One inbox row: avatar, name and @username, last message preview (or the search snippet), time,
// unread badge, and a coloured marker for the messaging window (open / closing soon /
// human agent only / closed); the row's labels as chips in their colours left of the badge (at most
// half the row); a snoozed row tells until when, a row marked unread has a dot; in the
// Reply window view the time is the countdown to the window's end. Fixed height, so the list can
// use uniform item sizes.
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

private:
    ImageCache *m_images;
    QList<Label> m_labels;
    bool m_countdown = false;
};

} // namespace inlet::app
