#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace inlet {
class SignInSteps;
}

namespace inlet::app {

class LoginHelper;

// Runs one sign-in at a time: asks the steps (SignInFlow in solo mode, TeamSignInFlow for the
// team's hand-off) for an attempt, opens the login window in its own process (LoginHelper,
// inlet-login), and hands its result back: the captured redirect to handleRedirect (state
// single-use, the code) -> completeSignIn, anything else -> abortSignIn. The outcome arrives as
// the steps' own signals (SignInFlow::signedIn / signInFailed, ...); a window that crashed is a
// failure like any other, and the next start() opens a new one.
class SignInController : public QObject {
    Q_OBJECT
public:
    // `dataDir`: the profile's, handed to the window's process only to remove the on-disk login
    // profile of older versions.
    explicit SignInController(SignInSteps *flow, QString dataDir = {}, QObject *parent = nullptr);
    ~SignInController() override; // closes a window still open (its process ends)

    void start(QWidget *parentWindow);
    // As the window's Cancel button (the helper reports Cancelled, then exits).
    void cancel();
    bool isRunning() const { return m_running; }
    // The login window's process while it runs (tests, the start-up benchmark).
    LoginHelper *helper() const;

signals:
    // A login window is opening (its process has been started).
    void windowOpened();
    // The window's process is gone (after a sign-in, a cancel or a crash).
    void windowClosed();

private:
    SignInSteps *m_flow;
    QString m_dataDir;
    QPointer<LoginHelper> m_helper;
    bool m_running = false;
};

} // namespace inlet::app
