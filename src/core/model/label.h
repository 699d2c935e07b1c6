#pragma once

#include <QList>
#include <QString>

// Labels (issue 13): names with a colour the manager puts on conversations ("invoice", "VIP") to
// find them again, as a view of the conversation list and a filter.
namespace inlet {

struct Label {
    qint64 id = 0; // 0: not stored yet
    QString name; // unique ignoring case
    QString colour; // "#rrggbb"

    friend bool operator==(const Label &, const Label &) = default;
};

// Why a label was refused (Error::code of an Error::Kind::Invalid); the app words them.
namespace label {
enum Problem {
    NameMissing = 1,
    NameTaken = 2,
    BadColour = 3,
    NotFound = 4,
};

// The colours the editor offers (a new label takes the next unused one).
QList<QString> palette();
// The first colour of the palette no label in `labels` uses (the first one when all are).
QString nextColour(const QList<Label> &labels);
} // namespace label

// A name as stored: simplified (no leading, trailing or repeated spaces).
QString normalizedLabelName(const QString &name);
// The first problem of `label` that can be seen without the store (not NameTaken), or 0.
int problemOf(const Label &label);
// The label with `id` in `labels`, nullptr if none.
const Label *findLabel(const QList<Label> &labels, qint64 id);

} // namespace inlet
