#include "model/contactname.h"

namespace inlet {

ContactName contactName(const QString &name, const QString &username, const QString &scopedId)
{
    if (const QString trimmed = name.trimmed(); !trimmed.isEmpty())
        return { ContactName::Kind::Name, trimmed };
    QString handle = username.trimmed();
    if (handle.startsWith(QLatin1Char('@')))
        handle.remove(0, 1);
    if (!handle.isEmpty())
        return { ContactName::Kind::Username, handle };
    return { ContactName::Kind::ScopedId, scopedId.trimmed().right(4) };
}

QString wordContactName(const ContactName &name, const QString &scopedId, const QString &noId)
{
    switch (name.kind) {
    case ContactName::Kind::Name:
        return name.text;
    case ContactName::Kind::Username:
        return QStringLiteral("@") + name.text;
    case ContactName::Kind::ScopedId:
        break;
    }
    return name.text.isEmpty() ? noId : scopedId.arg(name.text);
}

QString contactNameInEnglish(const ContactName &name)
{
    return wordContactName(
        name, QStringLiteral("Instagram user ·%1"), QStringLiteral("Instagram user"));
}

} // namespace inlet
