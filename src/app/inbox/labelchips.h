#pragma once

#include "model/label.h"

#include <QFont>
#include <QIcon>
#include <QRect>
#include <QWidget>

class QPainter;

namespace inlet::app {

// Labels as small rounded chips in their colours, left to right, as many as fit: painted in the
// conversation list's rows (ConversationDelegate) and in the conversation header
// (LabelChipsWidget).
namespace labelchips {

// The labels of `ids` found in `all`, by name (ids of deleted labels are left out).
QList<Label> resolve(const QList<qint64> &ids, const QList<Label> &all);
// A round swatch of `colour`, `size` pixels square, for menus, lists and combo boxes.
QIcon swatch(const QString &colour, int size = 16);
// Text colour readable on `colour` (black or white).
QColor inkOn(const QColor &colour);
// The width the chips of `labels` take in `font`, at most `maxWidth` (0: no limit).
int width(const QList<Label> &labels, const QFont &font, int maxWidth = 0);
// Paints the chips from the right edge of `area` leftwards (right-aligned) or from its left edge,
// eliding the last chip that does not fit; returns the width used.
int paint(QPainter *painter, const QRect &area, const QList<Label> &labels, const QFont &font,
    bool alignRight);

} // namespace labelchips

// The open conversation's labels in its header.
class LabelChipsWidget : public QWidget {
    Q_OBJECT
public:
    explicit LabelChipsWidget(QWidget *parent = nullptr);

    void setLabels(const QList<Label> &labels);
    QList<Label> labels() const { return m_labels; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QFont chipFont() const;

    QList<Label> m_labels;
};

} // namespace inlet::app
