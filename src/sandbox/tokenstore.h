#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace inlet::sandbox {

// Authorization codes and access tokens of the sandbox, with Instagram's lifetimes:
// code 1 h single use, short-lived token 1 h, long-lived token 60 days.
// Tokens are kept by their SHA-256 only (never in clear), so they can be saved to the state file
// without putting a usable secret on disk; the caller hands the token in, the store hashes it.
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

    // Persistence (SandboxStateFile): tokens by their digest; codes live 1 h and are not kept.
    static QByteArray digest(const QString &value); // SHA-256, hex
    const QHash<QByteArray, Token> &tokensByDigest() const { return m_tokens; }
    void restore(const QByteArray &key, const Token &token) { m_tokens.insert(key, token); }
    // Called after every change to the tokens (issue, expire, revoke), e.g. to schedule a save.
    void setChangedCallback(std::function<void()> changed) { m_changed = std::move(changed); }

private:
    QString randomString(int length, const QString &prefix) const;
    void changed() const;

    QHash<QString, Code> m_codes;
    QHash<QByteArray, Token> m_tokens; // by digest()
    std::function<void()> m_changed;
};

} // namespace inlet::sandbox
