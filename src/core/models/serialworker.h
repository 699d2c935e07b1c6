#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace inlet {

// One background thread running jobs strictly in order, so that results reach the GUI thread in
// the order the jobs were posted (a reload is never overtaken by an older update) and a reader
// keeps a single database connection for that thread.
class SerialWorker {
public:
    explicit SerialWorker(const QString &name);
    ~SerialWorker();
    SerialWorker(const SerialWorker &) = delete;
    SerialWorker &operator=(const SerialWorker &) = delete;

    // Runs `job` on the worker thread.
    void post(std::function<void()> job);

    // Runs `result` on `receiver`'s thread unless `receiver` died in the meantime.
    template <typename Fn>
    static void deliver(QObject *receiver, Fn &&result)
    {
        QMetaObject::invokeMethod(receiver, std::forward<Fn>(result), Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
};

} // namespace inlet
