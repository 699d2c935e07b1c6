#include "sandbox/graphfields.h"

#include <QRegularExpression>

namespace inlet::sandbox {

namespace {

GraphField parseOne(QString item)
{
    GraphField field;
    item = item.trimmed();
    static const QRegularExpression limit(QStringLiteral("\\.limit\\((\\d+)\\)"));
    const auto match = limit.match(item);
    if (match.hasMatch()) {
        field.limit = match.captured(1).toInt();
        item.remove(match.capturedStart(), match.capturedLength());
    }
    const qsizetype brace = item.indexOf(QLatin1Char('{'));
    if (brace >= 0 && item.endsWith(QLatin1Char('}'))) {
        field.name = item.left(brace).trimmed();
        field.sub = item.mid(brace + 1, item.size() - brace - 2);
    } else {
        field.name = item;
    }
    return field;
}

} // namespace

QList<GraphField> parseGraphFields(const QString &fields)
{
    QList<GraphField> out;
    int depth = 0;
    QString current;
    for (const QChar c : fields) {
        if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            if (!current.trimmed().isEmpty())
                out.append(parseOne(current));
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(parseOne(current));
    return out;
}

} // namespace inlet::sandbox
