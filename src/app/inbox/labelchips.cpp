#include "app/inbox/labelchips.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPixmap>

namespace inlet::app {

namespace {
constexpr int kPad = 6; // inside a chip, each side
constexpr int kGap = 4; // between chips

int chipWidth(const Label &label, const QFontMetrics &fm)
{
    return fm.horizontalAdvance(label.name) + 2 * kPad;
}
} // namespace

QList<Label> labelchips::resolve(const QList<qint64> &ids, const QList<Label> &all)
{
    QList<Label> out;
    for (const Label &label : all) // `all` is by name
        if (ids.contains(label.id))
            out.append(label);
    return out;
}

QIcon labelchips::swatch(const QString &colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(colour));
    const qreal margin = size / 8.0;
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
    return QIcon(pixmap);
}

QColor labelchips::inkOn(const QColor &colour)
{
    // Relative luminance (sRGB approximation): dark text on light colours.
    const double luminance
        = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

int labelchips::width(const QList<Label> &labels, const QFont &font, int maxWidth)
{
    const QFontMetrics fm(font);
    int total = 0;
    for (const Label &label : labels)
        total += chipWidth(label, fm) + (total ? kGap : 0);
    return maxWidth > 0 ? qMin(total, maxWidth) : total;
}

int labelchips::paint(QPainter *painter, const QRect &area, const QList<Label> &labels,
    const QFont &font, bool alignRight)
{
    const QFontMetrics fm(font);
    const int height = qMin(area.height(), fm.height() + 2);
    const int top = area.top() + (area.height() - height) / 2;
    int used = 0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const Label &label : labels) {
        const int room = area.width() - used - (used ? kGap : 0);
        if (room < 2 * kPad + fm.horizontalAdvance(QStringLiteral("…")))
            break;
        const int full = chipWidth(label, fm);
        const int w = qMin(full, room);
        const int start = used + (used ? kGap : 0);
        const QRect chip = alignRight ? QRect(area.right() - start - w + 1, top, w, height)
                                      : QRect(area.left() + start, top, w, height);
        const QColor colour(label.colour);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
        painter->setPen(inkOn(colour));
        // Whole when it has its width (elidedText would cut a name that fits by a rounding).
        painter->drawText(chip, Qt::AlignCenter | Qt::TextDontClip,
            w < full ? fm.elidedText(label.name, Qt::ElideRight, w - 2 * kPad) : label.name);
        used = start + w;
    }
    painter->restore();
    return used;
}

LabelChipsWidget::LabelChipsWidget(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Labels"));
    // Its chips whole: the title beside it gives way first.
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setContentsMargins(6, 0, 0, 0); // apart from the title
}

QFont LabelChipsWidget::chipFont() const
{
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() > 0 ? font().pointSizeF() * 0.9 : 8);
    return small;
}

void LabelChipsWidget::setLabels(const QList<Label> &labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    QStringList names;
    for (const Label &label : labels)
        names << label.name;
    setAccessibleDescription(names.join(QStringLiteral(", ")));
    setToolTip(names.join(QStringLiteral(", ")));
    setVisible(!labels.isEmpty());
    updateGeometry();
    update();
}

QSize LabelChipsWidget::sizeHint() const
{
    const QMargins margins = contentsMargins();
    return QSize(labelchips::width(m_labels, chipFont()) + margins.left() + margins.right(),
        QFontMetrics(chipFont()).height() + 4);
}

QSize LabelChipsWidget::minimumSizeHint() const
{
    return QSize(qMin(sizeHint().width(), 240), sizeHint().height());
}

void LabelChipsWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    labelchips::paint(&painter, contentsRect(), m_labels, chipFont(), false);
}

} // namespace inlet::app
