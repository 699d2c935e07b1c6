#pragma once

namespace inlet::app {

class InboxWidget;
class MainWindow;

// Benchmark hook for bench/bench_startup.cpp; does nothing unless INLET_BENCH_STARTUP is set.
// With INLET_BENCH_STARTUP=1 the app prints, on stderr as "inlet-bench stage=... key=value" lines:
//   1. the time from process start to the first paint of the conversation list with rows,
//   2. then opens the first conversation and prints the time to its first painted messages,
//   3. then, one second later, its resident memory (VmRSS, VmHWM, PSS) and its child processes,
// and quits. With INLET_BENCH_STARTUP=webview it then also opens a login window on about:blank
// (its own process, inlet-login, as for a sign-in) and prints the memory of the app and of every
// process below it (the window's and its QtWebEngineProcess children) once that has loaded, then
// closes it and prints the same once its process has gone.
void installStartupProbe(MainWindow *window, InboxWidget *inbox);

} // namespace inlet::app
