#include "auth/tokenvault.h"

#include "common/logging.h"

#include <QPromise>
#include <qt6keychain/keychain.h>

namespace inlet {

namespace {

const char *opName(int op)
{
    static const char *names[] = {"write", "read", "remove"};
    return names[op];
}

} // namespace

TokenVault::TokenVault(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

TokenVault::~TokenVault()
{
    // Unfinished promises are cancelled by their destructors.
}

void TokenVault::setSessionOnlyFallback(bool enabled)
{
    if (enabled != m_sessionOnly)
        qCInfo(lcKeychain) << "session-only secrets" << (enabled ? "on" : "off");
    m_sessionOnly = enabled;
    if (!enabled)
        m_memory.clear();
}

Error TokenVault::mapError(int keychainError, const QString &errorString, Op op)
{
    const QString detail = QStringLiteral(" (%1)").arg(errorString);
    switch (keychainError) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Kind::Keychain,
                           QStringLiteral("Not found in the keyring (or the keyring is locked).")
                               + detail,
                           NotFound);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::make(Error::Kind::Keychain,
                           QStringLiteral("The keyring refused access: unlock your keyring or sign "
                                          "in again.")
                               + detail,
                           Locked);
    case QKeychain::CouldNotDeleteEntry:
        return Error::make(Error::Kind::Keychain,
                           QStringLiteral("Could not delete the keyring entry.") + detail, Failed);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    default:
        Q_UNUSED(op);
        return Error::make(Error::Kind::Keychain,
                           QStringLiteral("No usable keyring (secret service) is available. The "
                                          "token can be kept for this session only.")
                               + detail,
                           NoBackend);
    }
}

QFuture<Status> TokenVault::write(const QString &key, const QString &secret)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    enqueue({Op::Write, key, secret, [promise](Result<QString> result) {
                 promise->addResult(result ? Status{} : Status(std::unexpected(result.error())));
                 promise->finish();
             }});
    return promise->future();
}

QFuture<Result<QString>> TokenVault::read(const QString &key)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    enqueue({Op::Read, key, {}, [promise](Result<QString> result) {
                 promise->addResult(std::move(result));
                 promise->finish();
             }});
    return promise->future();
}

QFuture<Status> TokenVault::remove(const QString &key)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    enqueue({Op::Remove, key, {}, [promise](Result<QString> result) {
                 promise->addResult(result ? Status{} : Status(std::unexpected(result.error())));
                 promise->finish();
             }});
    return promise->future();
}

void TokenVault::enqueue(Pending pending)
{
    m_queue.push(std::move(pending));
    if (!m_busy) {
        m_busy = true;
        // Always start from the event loop: never inside a caller's stack or a job's finished().
        QMetaObject::invokeMethod(this, &TokenVault::runNext, Qt::QueuedConnection);
    }
}

void TokenVault::runInMemory(Pending &pending)
{
    switch (pending.op) {
    case Op::Write:
        m_memory.insert(pending.key, pending.secret);
        pending.done(QString());
        break;
    case Op::Read:
        if (m_memory.contains(pending.key))
            pending.done(m_memory.value(pending.key));
        else
            pending.done(std::unexpected(Error::make(
                Error::Kind::Keychain, QStringLiteral("Not found (session-only secrets)."), NotFound)));
        break;
    case Op::Remove:
        m_memory.remove(pending.key);
        pending.done(QString());
        break;
    }
}

void TokenVault::runNext()
{
    if (m_queue.empty()) {
        m_busy = false;
        return;
    }
    Pending pending = std::move(m_queue.front());
    m_queue.pop();

    if (m_sessionOnly) {
        runInMemory(pending);
        QMetaObject::invokeMethod(this, &TokenVault::runNext, Qt::QueuedConnection);
        return;
    }
    if (pending.op == Op::Read) {
        if (const auto known = m_known.constFind(pending.key); known != m_known.cend()) {
            pending.done(*known);
            QMetaObject::invokeMethod(this, &TokenVault::runNext, Qt::QueuedConnection);
            return;
        }
    }

    QKeychain::Job *job = nullptr;
    switch (pending.op) {
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(pending.secret);
        job = write;
        break;
    }
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setAutoDelete(false);
    job->setKey(pending.key);
    const Op op = pending.op;
    const QString key = pending.key;
    const QString written = pending.secret;
    auto done = std::move(pending.done);
    connect(job, &QKeychain::Job::finished, this,
        [this, job, op, key, written, done](QKeychain::Job *) {
            job->deleteLater();
            const auto error = job->error();
            if (error == QKeychain::NoError) {
                qCDebug(lcKeychain) << opName(int(op)) << key << "ok";
                const QString value = op == Op::Read
                    ? static_cast<QKeychain::ReadPasswordJob *>(job)->textData()
                    : QString();
                if (op == Op::Remove)
                    m_known.remove(key);
                else
                    m_known.insert(key, op == Op::Read ? value : written);
                done(value);
            } else if (op == Op::Remove && error == QKeychain::EntryNotFound) {
                m_known.remove(key);
                done(QString());
            } else {
                const Error mapped = mapError(error, job->errorString(), op);
                // Only the key and QtKeychain's message are logged: never the secret.
                if (error == QKeychain::EntryNotFound)
                    qCDebug(lcKeychain) << opName(int(op)) << key << "not found";
                else
                    qCWarning(lcKeychain)
                        << opName(int(op)) << key << "failed:" << int(error) << job->errorString();
                done(std::unexpected(mapped));
            }
            QMetaObject::invokeMethod(this, &TokenVault::runNext, Qt::QueuedConnection);
        });
    job->start();
}

} // namespace inlet
