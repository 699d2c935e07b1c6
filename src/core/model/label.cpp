#include "model/label.h"

#include <QRegularExpression>

#include <algorithm>

namespace inlet {

QList<QString> label::palette()
{
    return { QStringLiteral("#d32f2f"), QStringLiteral("#f57c00"), QStringLiteral("#fbc02d"),
        QStringLiteral("#388e3c"), QStringLiteral("#0097a7"), QStringLiteral("#1976d2"),
        QStringLiteral("#7b1fa2"), QStringLiteral("#c2185b"), QStringLiteral("#5d4037"),
        QStringLiteral("#616161") };
}

QString label::nextColour(const QList<Label> &labels)
{
    const QList<QString> colours = palette();
    for (const QString &colour : colours) {
        const bool used = std::any_of(labels.cbegin(), labels.cend(),
            [&](const Label &l) { return l.colour.compare(colour, Qt::CaseInsensitive) == 0; });
        if (!used)
            return colour;
    }
    return colours.constFirst();
}

QString normalizedLabelName(const QString &name)
{
    return name.simplified();
}

int problemOf(const Label &label)
{
    if (normalizedLabelName(label.name).isEmpty())
        return label::NameMissing;
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!hex.match(label.colour).hasMatch())
        return label::BadColour;
    return 0;
}

const Label *findLabel(const QList<Label> &labels, qint64 id)
{
    for (const Label &l : labels)
        if (l.id == id)
            return &l;
    return nullptr;
}

} // namespace inlet
