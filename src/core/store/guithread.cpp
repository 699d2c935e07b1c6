#include "store/guithread.h"

#include <QThread>
#include <QtGlobal>

#include <atomic>

namespace inlet::guithread {

namespace {
std::atomic<QThread *> g_guiThread { nullptr };
thread_local int t_allowed = 0;
} // namespace

void declare(QThread *thread)
{
    g_guiThread.store(thread);
}

void clear()
{
    g_guiThread.store(nullptr);
}

bool isCurrent()
{
    QThread *gui = g_guiThread.load();
    return gui != nullptr && gui == QThread::currentThread();
}

bool checking()
{
#ifdef QT_NO_DEBUG
    static const bool on = qEnvironmentVariableIntValue("INLET_CHECK_GUI_SQL") == 1;
    return on;
#else
    return true;
#endif
}

void assertNotCurrent(const char *what)
{
    if (t_allowed == 0 && isCurrent() && checking())
        qFatal("SQL on the GUI thread (%s): run it on a reader thread (store/readerpool.h)", what);
}

Allowance::Allowance()
{
    ++t_allowed;
}

Allowance::~Allowance()
{
    --t_allowed;
}

} // namespace inlet::guithread
