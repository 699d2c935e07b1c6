#pragma once

#include <QList>
#include <QString>

namespace inlet::sandbox {

// One item of Graph's `fields` parameter: "messages{id,from}.limit(5)" -> name "messages",
// sub "id,from", limit 5.
struct GraphField {
    QString name;
    QString sub;
    int limit = 0; // 0: not given
};

QList<GraphField> parseGraphFields(const QString &fields);

} // namespace inlet::sandbox
