#pragma once

namespace inlet {

// SIGTERM and SIGINT quit the running QCoreApplication's event loop cleanly (logged to
// `category`): the handler only writes a byte to a socket pair, which a QSocketNotifier reads in
// the event loop (the only async-signal-safe way to reach Qt). Call once, after the application
// object exists. Returns false if the socket pair could not be made.
bool quitOnTerminationSignals(const char *what);

} // namespace inlet
