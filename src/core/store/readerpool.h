#pragma once

#include "common/result.h"

#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>

namespace inlet {

class StoreReader;

// The store's read side: one StoreReader per thread that reads (a Qt Sql connection belongs to
// the thread that opened it), opened on first use and closed on that thread when it finishes.
// Every reader of the app comes from here (Store::readers()): the inbox models' worker threads
// through StoreInboxSource, and the sync target, outbox storage, notifier and account list
// through read(), which runs the query on the pool's own reader thread, never on the caller's.
class ReaderPool {
public:
    explicit ReaderPool(QString databasePath);
    ~ReaderPool();
    ReaderPool(const ReaderPool &) = delete;
    ReaderPool &operator=(const ReaderPool &) = delete;

    QString databasePath() const { return m_path; }

    // The calling thread's reader. Not for the GUI thread (debug builds assert on its queries).
    Result<StoreReader *> reader();

    // Runs `query` on the pool's reader thread; jobs run one at a time, in the order posted, so
    // answers come back in that order. The future finishes there: continue with onDone (or
    // .then with a context) to get back to the caller's thread.
    template <typename T> QFuture<Result<T>> read(std::function<Result<T>(StoreReader &)> query)
    {
        return QtConcurrent::run(&m_threads, [this, query = std::move(query)]() -> Result<T> {
            auto r = reader();
            if (!r)
                return std::unexpected(r.error());
            return query(**r);
        });
    }

private:
    struct Readers;

    QString m_path;
    std::shared_ptr<Readers> m_readers;
    QThreadPool m_threads; // declared last: its threads end (closing their readers) first
};

} // namespace inlet
