#include "model/savedreplyjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inlet::savedreplyjson {

namespace {

const QString kFormat = QStringLiteral("inlet-saved-replies");
constexpr int kVersion = 1;

} // namespace

QByteArray write(const QList<SavedReply> &replies)
{
    QJsonArray list;
    for (const SavedReply &r : replies) {
        list.append(QJsonObject {
            { QStringLiteral("title"), r.title },
            { QStringLiteral("shortcut"), r.shortcut },
            { QStringLiteral("text"), r.text },
        });
    }
    const QJsonObject root {
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("version"), kVersion },
        { QStringLiteral("replies"), list },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<QList<SavedReply>> read(const QByteArray &json)
{
    if (json.size() > kMaxBytes)
        return fail(Error::Kind::Parse, Error::Reason::SavedRepliesTooLarge,
            QStringLiteral("the file is larger than %1 bytes").arg(kMaxBytes),
            { QString::number(kMaxBytes) });
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return fail(Error::Kind::Parse, Error::Reason::SavedRepliesNotJson,
            QStringLiteral("not JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else {
        const QJsonObject root = doc.object();
        if (root.value(QStringLiteral("format")).toString() != kFormat
            || !root.value(QStringLiteral("replies")).isArray())
            return fail(Error::Kind::Parse, Error::Reason::SavedRepliesNotOurs,
                QStringLiteral("not a saved-replies file of Inlet"));
        if (root.value(QStringLiteral("version")).toInt(kVersion) > kVersion)
            return fail(Error::Kind::Parse, Error::Reason::SavedRepliesNewer,
                QStringLiteral("written by a newer Inlet (version %1)")
                    .arg(root.value(QStringLiteral("version")).toInt()),
                { QString::number(root.value(QStringLiteral("version")).toInt()) });
        list = root.value(QStringLiteral("replies")).toArray();
    }
    if (list.size() > kMaxReplies)
        return fail(Error::Kind::Parse, Error::Reason::SavedRepliesTooMany,
            QStringLiteral("%1 replies, more than the %2 a file may hold")
                .arg(list.size())
                .arg(kMaxReplies),
            { QString::number(list.size()), QString::number(kMaxReplies) });
    QList<SavedReply> replies;
    replies.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        SavedReply r;
        r.title = o.value(QStringLiteral("title")).toString().trimmed();
        r.shortcut = normalizedShortcut(o.value(QStringLiteral("shortcut")).toString());
        r.text = o.value(QStringLiteral("text")).toString();
        if (const int problem = problemOf(r)) {
            const QString what = problem == savedreply::TitleMissing ? QStringLiteral("no title")
                : problem == savedreply::TextMissing                 ? QStringLiteral("no text")
                                                     : QStringLiteral("a space in its shortcut");
            Error incomplete = Error::because(Error::Kind::Parse,
                Error::Reason::SavedReplyIncomplete,
                QStringLiteral("reply %1 has %2").arg(i + 1).arg(what), { QString::number(i + 1) });
            incomplete.code = problem;
            return std::unexpected(incomplete);
        }
        replies.append(r);
    }
    return replies;
}

} // namespace inlet::savedreplyjson
