#include "sandbox/tokenstore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace inlet::sandbox {

QString TokenStore::randomString(int length, const QString &prefix) const
{
    // URL-safe alphabet without '+', '/' and '=': codes and tokens travel in query strings.
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out = prefix;
    while (out.size() < length)
        out.append(QChar::fromLatin1(alphabet[QRandomGenerator::system()->bounded(62)]));
    return out;
}

QByteArray TokenStore::digest(const QString &value)
{
    return QCryptographicHash::hash(value.toUtf8(), QCryptographicHash::Sha256).toHex();
}

void TokenStore::changed() const
{
    if (m_changed)
        m_changed();
}

QString TokenStore::issueCode(const QString &redirectUri, const QStringList &scopes, qint64 nowMs)
{
    QString value;
    do {
        value = randomString(64, QStringLiteral("AQB"));
    } while (m_codes.contains(value));
    m_codes.insert(value, Code{redirectUri, scopes, nowMs, false});
    return value;
}

TokenStore::Code *TokenStore::code(const QString &code)
{
    const auto it = m_codes.find(code);
    return it == m_codes.end() ? nullptr : &it.value();
}

QString TokenStore::issueToken(bool longLived, const QStringList &permissions, qint64 nowMs)
{
    QString value;
    QByteArray key;
    do {
        value = randomString(160, QStringLiteral("IGAA"));
        key = digest(value);
    } while (m_tokens.contains(key));
    const qint64 lifetime = longLived ? kLongLifetimeMs : kShortLifetimeMs;
    m_tokens.insert(key, Token{longLived, nowMs, nowMs + lifetime, false, permissions});
    changed();
    return value;
}

const TokenStore::Token *TokenStore::token(const QString &value) const
{
    if (value.isEmpty())
        return nullptr;
    const auto it = m_tokens.constFind(digest(value));
    return it == m_tokens.constEnd() ? nullptr : &it.value();
}

TokenStore::Check TokenStore::check(const QString &value, qint64 nowMs) const
{
    if (value.isEmpty())
        return Check::Missing;
    const Token *t = token(value);
    if (!t)
        return Check::Unknown;
    if (t->revoked)
        return Check::Revoked;
    if (nowMs >= t->expiresMs)
        return Check::Expired;
    return Check::Valid;
}

int TokenStore::expire(const QString &value, qint64 nowMs)
{
    const QByteArray key = value.isEmpty() ? QByteArray() : digest(value);
    int n = 0;
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        if ((key.isEmpty() || it.key() == key) && it->expiresMs > nowMs) {
            it->expiresMs = nowMs;
            ++n;
        }
    }
    if (n)
        changed();
    return n;
}

int TokenStore::revoke(const QString &value)
{
    const QByteArray key = value.isEmpty() ? QByteArray() : digest(value);
    int n = 0;
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        if ((key.isEmpty() || it.key() == key) && !it->revoked) {
            it->revoked = true;
            ++n;
        }
    }
    if (n)
        changed();
    return n;
}

} // namespace inlet::sandbox
