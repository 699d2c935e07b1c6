#include "model/savedreply.h"

#include <QRegularExpression>

#include <algorithm>

namespace inlet {

QString fillReplyVariables(const QString &text, const ReplyVariables &values)
{
    static const QRegularExpression variable(QStringLiteral("\\{([a-z_]+)\\}"));
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QStringView name = m.capturedView(1);
        QString value;
        if (name == QLatin1String("first_name"))
            value = values.firstName;
        else if (name == QLatin1String("username"))
            value = values.username;
        else if (name == QLatin1String("agent"))
            value = values.agent;
        out += value.isEmpty() ? m.captured(0) : value;
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

QString firstNameOf(const QString &name)
{
    const QString simple = name.simplified();
    const qsizetype space = simple.indexOf(QLatin1Char(' '));
    return space < 0 ? simple : simple.left(space);
}

QString normalizedShortcut(const QString &shortcut)
{
    QString s = shortcut.trimmed();
    while (s.startsWith(QLatin1Char('/')))
        s.remove(0, 1);
    return s;
}

int problemOf(const SavedReply &reply)
{
    if (reply.title.trimmed().isEmpty())
        return savedreply::TitleMissing;
    if (reply.text.trimmed().isEmpty())
        return savedreply::TextMissing;
    const QString shortcut = normalizedShortcut(reply.shortcut);
    if (std::any_of(shortcut.begin(), shortcut.end(), [](QChar c) { return c.isSpace(); }))
        return savedreply::ShortcutHasSpace;
    return 0;
}

namespace {

// 0 best; -1 no match.
int rankOf(const SavedReply &reply, const QString &query)
{
    const Qt::CaseSensitivity ci = Qt::CaseInsensitive;
    if (!reply.shortcut.isEmpty() && reply.shortcut.compare(query, ci) == 0)
        return 0;
    if (reply.shortcut.startsWith(query, ci))
        return 1;
    if (reply.title.startsWith(query, ci))
        return 2;
    static const QRegularExpression words(QStringLiteral("\\W+"));
    const QStringList titleWords = reply.title.split(words, Qt::SkipEmptyParts);
    if (std::any_of(titleWords.begin(), titleWords.end(),
            [&](const QString &w) { return w.startsWith(query, ci); }))
        return 2;
    if (reply.shortcut.contains(query, ci) || reply.title.contains(query, ci))
        return 3;
    return -1;
}

bool byTitle(const SavedReply &a, const SavedReply &b)
{
    const int c = a.title.localeAwareCompare(b.title);
    return c != 0 ? c < 0 : a.id < b.id;
}

} // namespace

QList<SavedReply> findSavedReplies(const QList<SavedReply> &replies, const QString &query)
{
    const QString q = query.trimmed();
    QList<std::pair<int, SavedReply>> ranked;
    for (const SavedReply &r : replies) {
        const int rank = q.isEmpty() ? 0 : rankOf(r, q);
        if (rank >= 0)
            ranked.append({ rank, r });
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : byTitle(a.second, b.second);
    });
    QList<SavedReply> out;
    out.reserve(ranked.size());
    for (auto &r : ranked)
        out.append(std::move(r.second));
    return out;
}

} // namespace inlet
