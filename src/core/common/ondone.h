#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include "common/result.h"

#include <utility>

namespace inlet {

// Calls `fn(result)` on `context`'s thread when `future` finishes, and never after `context` died
// (the watcher is the context's child, so it goes with it). A cancelled or empty future calls
// `fn` with a Cancelled error when T is a Result, and not at all otherwise.
// The project's one continuation style: whatever touches a QObject goes through onDone (Qt 6.4's
// QFuture::then(context, ...) asserts when the context is gone); a pure transformation of a
// future's value may use .then() without a context.
template <typename T, typename Fn>
void onDone(const QFuture<T> &future, QObject *context, Fn &&fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, f = std::forward<Fn>(fn)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         if (done.isCanceled() || done.resultCount() == 0) {
                             if constexpr (requires { typename T::error_type; }) {
                                 f(T(std::unexpected(Error::make(Error::Kind::Cancelled,
                                                                 QStringLiteral("cancelled")))));
                             }
                             return;
                         }
                         f(done.result());
                     });
    watcher->setFuture(future);
}

} // namespace inlet
