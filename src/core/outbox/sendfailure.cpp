#include "outbox/sendfailure.h"

#include "graph/grapherror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace inlet {

namespace {
constexpr int kVersion = 1;
}

SendFailure::Reason SendFailure::reason() const
{
    if (stage == Stage::File)
        return Reason::File;
    if (stage == Stage::Upload)
        return error.kind == Error::Kind::Network ? Reason::Unreachable : Reason::MediaHost;
    if (isOutsideWindow(error))
        return Reason::OutsideWindow;
    if (isUserUnavailable(error))
        return Reason::UserUnavailable;
    if (isAuthInvalid(error))
        return Reason::SignInNeeded;
    if (isRateLimit(error))
        return Reason::RateLimited;
    switch (error.kind) {
    case Error::Kind::Network:
        return Reason::Unreachable;
    case Error::Kind::Keychain:
        return Reason::KeychainLocked;
    case Error::Kind::Graph:
    case Error::Kind::Http:
    case Error::Kind::Invalid:
        return Reason::Refused;
    default:
        return Reason::Other;
    }
}

QString SendFailure::encode() const
{
    const QJsonObject object { { QStringLiteral("v"), kVersion },
        { QStringLiteral("stage"), int(stage) }, { QStringLiteral("kind"), int(error.kind) },
        { QStringLiteral("code"), error.code }, { QStringLiteral("subcode"), error.subcode },
        { QStringLiteral("http"), error.httpStatus }, { QStringLiteral("attempts"), attempts },
        { QStringLiteral("message"), error.message },
        { QStringLiteral("reason"), int(error.reason) },
        { QStringLiteral("args"), QJsonArray::fromStringList(error.args) } };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

SendFailure SendFailure::decode(const QString &stored)
{
    const QJsonObject o = QJsonDocument::fromJson(stored.toUtf8()).object();
    if (o.value(QLatin1String("v")).toInt() != kVersion) {
        // Not ours to classify (a sentence stored by an older version): Reason::Other, shown as is.
        return SendFailure { Stage::Send, Error::make(Error::Kind::Parse, stored), 0 };
    }
    const auto inRange
        = [](int value, int last) { return value >= 0 && value <= last ? value : last; };
    SendFailure f;
    f.stage = Stage(inRange(o.value(QLatin1String("stage")).toInt(), int(Stage::File)));
    f.error.kind
        = Error::Kind(inRange(o.value(QLatin1String("kind")).toInt(), int(Error::Kind::Invalid)));
    f.error.code = o.value(QLatin1String("code")).toInt();
    f.error.subcode = o.value(QLatin1String("subcode")).toInt();
    f.error.httpStatus = o.value(QLatin1String("http")).toInt();
    f.error.message = o.value(QLatin1String("message")).toString();
    const int reason = o.value(QLatin1String("reason")).toInt();
    f.error.reason = reason > 0 && reason <= int(Error::lastReason) ? Error::Reason(reason)
                                                                    : Error::Reason::None;
    for (const QJsonValue &arg : o.value(QLatin1String("args")).toArray())
        f.error.args.append(arg.toString());
    f.attempts = qMax(0, o.value(QLatin1String("attempts")).toInt());
    return f;
}

} // namespace inlet
