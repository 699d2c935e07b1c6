#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace inlet::sandbox {

// Authorization codes and access tokens of the sandbox, with Instagram's lifetimes:
// code 1 h single use, short-lived token 1 h, long-lived token 60 days.
class TokenStore {
public:
    static constexpr qint64 kCodeLifetimeMs = 3600LL * 1000;
    static constexpr qint64 kShortLifetimeMs = 3600LL * 1000;
    static constexpr qint64 kLongLifetimeMs = 60LL * 24 * 3600 * 1000;
    static constexpr qint64 kRefreshMinAgeMs = 24LL * 3600 * 1000;

    struct Code {
        QString redirectUri;
        QStringList scopes;
        qint64 issuedMs = 0;
        bool used = false;
    };
    struct Token {
        bool longLived = false;
        qint64 issuedMs = 0;
        qint64 expiresMs = 0;
        bool revoked = false;
        QStringList permissions;
    };
    enum class Check { Valid, Missing, Unknown, Expired, Revoked };

    QString issueCode(const QString &redirectUri, const QStringList &scopes, qint64 nowMs);
    // The code's record, if it exists (used or not).
    Code *code(const QString &code);

    QString issueToken(bool longLived, const QStringList &permissions, qint64 nowMs);
    const Token *token(const QString &value) const;
    Check check(const QString &value, qint64 nowMs) const;

    // Control: returns how many tokens were affected.
    int expire(const QString &value, qint64 nowMs); // empty value: all
    int revoke(const QString &value);              // empty value: all
    int count() const { return int(m_tokens.size()); }

private:
    QString randomString(int length, const QString &prefix) const;

    QHash<QString, Code> m_codes;
    QHash<QString, Token> m_tokens;
};

} // namespace inlet::sandbox
