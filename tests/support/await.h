#pragma once

// Waiting for a QFuture in a test, the one way: the event loop turns while we wait (queued
// continuations, network replies and timers go on, a future that finishes on this thread can
// finish), and a future that never finishes fails the test instead of hanging it.
//  - await(f):       std::optional<T>; nullopt when it timed out or was cancelled.
//  - awaitResult(f): for Result<T>/Status futures: the result, or an Error of kind Cancelled
//                    ("timed out") so that one QVERIFY(result) covers both.
// A condition with a timeout is QTest::qWaitFor / QTRY_VERIFY_WITH_TIMEOUT; nothing of our own.
#include "common/result.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

#include <optional>

namespace inlet::test {

inline constexpr int kAwaitTimeoutMs = 15000;

template <typename T> std::optional<T> await(QFuture<T> future, int timeoutMs = kAwaitTimeoutMs)
{
    // A loop that ends when the future does (not QTest::qWaitFor, which sleeps 10 ms a turn:
    // the store's tests await hundreds of futures).
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished() || future.isCanceled() || future.resultCount() == 0)
        return std::nullopt;
    return future.result();
}

template <typename T>
requires std::constructible_from<T, std::unexpected<Error>> T awaitResult(
    QFuture<T> future, int timeoutMs = kAwaitTimeoutMs)
{
    if (std::optional<T> result = await(std::move(future), timeoutMs))
        return std::move(*result);
    return T(fail(Error::Kind::Cancelled, QStringLiteral("timed out")));
}

} // namespace inlet::test
