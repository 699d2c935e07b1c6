#include "model/reactions.h"

#include <QHash>

namespace inlet::reactions {

namespace {

// Without the emoji presentation selector: "❤️" and "❤" are the same reaction.
QString bare(const QString &emoji)
{
    QString out = emoji.trimmed();
    out.remove(QChar(0xFE0F));
    return out;
}

const QHash<QString, QString> &emojiByName()
{
    // Instagram's quick reactions for its names (§2.7 lists love, like, laugh, wow, sad, angry,
    // other); smile and dislike are Messenger's names, kept in case they show up.
    static const QHash<QString, QString> map {
        { QStringLiteral("love"), QStringLiteral("\u2764\ufe0f") }, // ❤️
        { QStringLiteral("laugh"), QStringLiteral("\U0001F602") }, // 😂
        { QStringLiteral("wow"), QStringLiteral("\U0001F62E") }, // 😮
        { QStringLiteral("sad"), QStringLiteral("\U0001F622") }, // 😢
        { QStringLiteral("angry"), QStringLiteral("\U0001F621") }, // 😡
        { QStringLiteral("like"), QStringLiteral("\U0001F44D") }, // 👍
        { QStringLiteral("smile"), QStringLiteral("\U0001F606") }, // 😆
        { QStringLiteral("dislike"), QStringLiteral("\U0001F44E") }, // 👎
    };
    return map;
}

bool looksLikeEmoji(const QString &value)
{
    if (value.isEmpty() || value.size() > 32)
        return false;
    for (const char32_t c : value.toUcs4()) {
        if (c < 0x80)
            return false; // a word, not an emoji
    }
    return true;
}

} // namespace

QList<Choice> businessChoices()
{
    QList<Choice> list;
    for (const char *name : { "love", "laugh", "wow", "sad", "angry", "like" }) {
        const QString n = QLatin1String(name);
        list.append({ n, emojiForName(n), !sendableName(n).isEmpty() });
    }
    return list;
}

QString sendableName(const QString &nameOrEmoji)
{
    const QString love = QString::fromUtf16(kLove);
    if (nameOrEmoji == love || bare(nameOrEmoji) == bare(emojiForName(love)))
        return love;
    return {};
}

QString emojiForName(const QString &name)
{
    return emojiByName().value(name.trimmed().toLower());
}

QString display(const QString &reaction, const QString &emoji)
{
    if (!emoji.trimmed().isEmpty())
        return emoji;
    if (const QString mapped = emojiForName(reaction); !mapped.isEmpty())
        return mapped;
    if (looksLikeEmoji(reaction.trimmed()))
        return reaction.trimmed();
    return QString::fromUtf16(kUnknownMark);
}

} // namespace inlet::reactions
