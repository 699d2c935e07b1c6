#include "sandbox/sandboxstatefile.h"

#include "sandbox/sandboxlogging.h"
#include "sandbox/sandboxstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace inlet::sandbox {

namespace {

constexpr int kVersion = 1;

// Ties the saved tokens to the app and account they were issued for. The secret is hashed: the
// state file must hold nothing that works as a credential.
QJsonObject identity(const SandboxOptions &options)
{
    return { { QStringLiteral("app_id"), options.appId },
        { QStringLiteral("app_secret_sha256"),
            QString::fromLatin1(TokenStore::digest(options.appSecret)) },
        { QStringLiteral("business_id"), options.businessId } };
}

QJsonObject tokenJson(const QByteArray &key, const TokenStore::Token &token)
{
    return { { QStringLiteral("sha256"), QString::fromLatin1(key) },
        { QStringLiteral("long_lived"), token.longLived },
        { QStringLiteral("issued_ms"), double(token.issuedMs) },
        { QStringLiteral("expires_ms"), double(token.expiresMs) },
        { QStringLiteral("revoked"), token.revoked },
        { QStringLiteral("permissions"), QJsonArray::fromStringList(token.permissions) } };
}

TokenStore::Token tokenFromJson(const QJsonObject &json)
{
    TokenStore::Token token;
    token.longLived = json.value(QLatin1String("long_lived")).toBool();
    token.issuedMs = qint64(json.value(QLatin1String("issued_ms")).toDouble());
    token.expiresMs = qint64(json.value(QLatin1String("expires_ms")).toDouble());
    token.revoked = json.value(QLatin1String("revoked")).toBool();
    for (const QJsonValue &p : json.value(QLatin1String("permissions")).toArray())
        token.permissions.append(p.toString());
    return token;
}

QByteArray serialize(const SandboxState &state)
{
    QJsonObject root = identity(state.options);
    root.insert(QStringLiteral("version"), kVersion);
    root.insert(QStringLiteral("clock_offset_ms"), double(state.clock.offsetMs()));
    root.insert(QStringLiteral("mid_counter"), double(state.midCounter));
    QJsonArray tokens;
    const auto &byDigest = state.tokens.tokensByDigest();
    // Sorted, so an unchanged store serializes to the same bytes (and is not written again).
    QList<QByteArray> keys = byDigest.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray &key : std::as_const(keys))
        tokens.append(tokenJson(key, byDigest.value(key)));
    root.insert(QStringLiteral("tokens"), tokens);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

Status SandboxStateFile::load(SandboxState &state)
{
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Kind::Storage,
            QStringLiteral("cannot read the sandbox state %1: %2").arg(m_path, file.errorString()));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || root.value(QLatin1String("version")).toInt() != kVersion)
        return fail(
            Error::Kind::Parse, QStringLiteral("the sandbox state %1 is not readable").arg(m_path));

    state.clock.setOffsetMs(qint64(root.value(QLatin1String("clock_offset_ms")).toDouble()));
    state.midCounter = quint64(root.value(QLatin1String("mid_counter")).toDouble());
    const QJsonObject expected = identity(state.options);
    bool sameIdentity = true;
    for (auto it = expected.begin(); it != expected.end(); ++it)
        sameIdentity = sameIdentity && root.value(it.key()) == it.value();
    if (!sameIdentity) {
        qCInfo(lcSandbox) << "the saved sandbox state belongs to another app or account: its "
                             "tokens are not restored";
        return {};
    }
    int restored = 0;
    for (const QJsonValue &value : root.value(QLatin1String("tokens")).toArray()) {
        const QJsonObject json = value.toObject();
        const QByteArray key = json.value(QLatin1String("sha256")).toString().toLatin1();
        if (key.size() != 64)
            continue;
        state.tokens.restore(key, tokenFromJson(json));
        ++restored;
    }
    m_written = bytes;
    qCInfo(lcSandbox) << "sandbox state restored:" << restored << "token(s), clock offset"
                      << state.clock.offsetMs() / 1000 << "s";
    return {};
}

Status SandboxStateFile::save(const SandboxState &state)
{
    const QByteArray bytes = serialize(state);
    if (bytes == m_written)
        return {};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::Kind::Storage,
            QStringLiteral("cannot write the sandbox state %1: %2")
                .arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return fail(Error::Kind::Storage,
            QStringLiteral("cannot write the sandbox state %1: %2")
                .arg(m_path, file.errorString()));
    m_written = bytes;
    return {};
}

} // namespace inlet::sandbox
