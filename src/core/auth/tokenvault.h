#pragma once

#include "common/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <queue>

namespace inlet {

// Secrets in the OS keychain (QtKeychain), asynchronous: every call returns a QFuture and never
// blocks. Jobs run one at a time in call order (keychain backends dislike parallel jobs).
//
// Error policy (QtKeychain's insecure fallback does nothing on libsecret, so this is ours). All
// errors are Kind::Keychain with `code` one of VaultError:
//  - NotFound: no such entry. A LOCKED keyring reads the same way, so the UI should say
//    "not found (or keyring locked)".
//  - Locked: the keyring refused (locked or access denied): "unlock your keyring or sign in again".
//  - NoBackend: no usable keyring at all (no D-Bus session, no secret service, no libsecret):
//    explain, and offer setSessionOnlyFallback(true).
// In session-only mode secrets live in this object's memory only, for this run; the keychain is
// not touched and nothing is written to disk.
//
// The vault is the one source of truth for a secret while the app runs: what it wrote or read
// successfully is remembered, and later reads are answered from memory (still in call order)
// without asking the keychain again. So every user of an access token reads it from here per
// request and gets a refreshed token as soon as the refresh has written it (issue 10).
class TokenVault : public QObject {
    Q_OBJECT
public:
    enum VaultError { NotFound = 1, Locked = 2, NoBackend = 3, Failed = 4 };

    explicit TokenVault(QString service = QStringLiteral("inlet"), QObject *parent = nullptr);
    ~TokenVault() override;

    static QString accountKey(const QString &igId) { return QStringLiteral("account/") + igId; }
    // The Instagram App Secret (OAuth); the key predates the Meta app pair and stays as it was.
    static QString appSecretKey(const QString &appId)
    {
        return QStringLiteral("app-secret/") + appId;
    }
    // The Meta app's App Secret (App settings > Basic; app token for /{app-id}/subscriptions).
    static QString metaAppSecretKey(const QString &metaAppId)
    {
        return QStringLiteral("meta-app-secret/") + metaAppId;
    }

    QFuture<Status> write(const QString &key, const QString &secret);
    QFuture<Result<QString>> read(const QString &key);
    // Removing a missing entry succeeds.
    QFuture<Status> remove(const QString &key);

    void setSessionOnlyFallback(bool enabled);
    bool sessionOnlyFallback() const { return m_sessionOnly; }

    static bool isNotFound(const Error &error) { return vaultError(error) == NotFound; }
    static bool isLocked(const Error &error) { return vaultError(error) == Locked; }
    static bool isNoBackend(const Error &error) { return vaultError(error) == NoBackend; }

private:
    enum class Op { Write, Read, Remove };
    struct Pending {
        Op op;
        QString key;
        QString secret;
        std::function<void(Result<QString>)> done;
    };

    static int vaultError(const Error &error)
    {
        return error.kind == Error::Kind::Keychain ? error.code : 0;
    }
    static Error mapError(int keychainError, const QString &errorString, Op op);

    void enqueue(Pending pending);
    void runNext();
    void runInMemory(Pending &pending);

    QString m_service;
    bool m_sessionOnly = false;
    bool m_busy = false;
    std::queue<Pending> m_queue;
    QHash<QString, QString> m_memory;
    QHash<QString, QString> m_known; // the keychain's value of each key this run wrote or read
};

} // namespace inlet
