// Linked into every test under tests/app (tests/CMakeLists.txt): these tests build the real
// widgets, so their main thread is the app's GUI thread, declared as src/app/main.cpp declares it,
// and the store's check (store/guithread.h) fails any SQL on it: in debug builds as everywhere,
// and here in every build (INLET_CHECK_GUI_SQL=1, inherited by the app when a test starts it).
// A test's own reads that check what the app wrote hold a guithread::Allowance.
#include "store/guithread.h"

#include <QCoreApplication>
#include <QThread>

namespace {
void declareGuiThread()
{
    qputenv("INLET_CHECK_GUI_SQL", "1");
    inlet::guithread::declare(QThread::currentThread());
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(declareGuiThread)
