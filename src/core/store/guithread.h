#pragma once

class QThread;

namespace inlet::guithread {

// The GUI thread paints and reacts; it never runs SQL (docs/architecture.md, Threads). The
// composition root names it (src/app/main.cpp, tests/app/appharness.h and every test that builds
// the real widgets, through tests/support/guithreadtest.cpp); until then no thread is the GUI
// thread, so a core test's own main thread may read the store freely.
void declare(QThread *thread);
// Forgets the declaration (a test that composed the app and ends).
void clear();
bool isCurrent();

// Debug builds (QT_NO_DEBUG undefined: the asan preset): aborts with `what` when called on the
// declared GUI thread, unless an Allowance lives on it. Every statement the store prepares or runs
// passes here (store/sqlutil.cpp). Other builds check only with INLET_CHECK_GUI_SQL=1 in the
// environment.
bool checking();
void assertNotCurrent(const char *what);

// For a test's own checks on its main thread (reading back what the app wrote): SQL is allowed on
// this thread while it lives. Keep it narrow (allowed() below): the app's own code running in the
// same scope, from an event loop, would be let through too. Never used under src/.
class Allowance {
public:
    Allowance();
    ~Allowance();
    Allowance(const Allowance &) = delete;
    Allowance &operator=(const Allowance &) = delete;
};

// Runs `read` under an Allowance and returns what it returns.
template <typename Fn> auto allowed(Fn &&read)
{
    Allowance allow;
    return read();
}

} // namespace inlet::guithread
