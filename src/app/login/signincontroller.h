#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWebEngineProfile;
class QWidget;

namespace inlet {
class SignInFlow;
}

namespace inlet::app {

class LoginWindow;

// Runs one sign-in at a time: asks SignInFlow for an attempt, shows the login window, and
// hands its result back (code -> completeSignIn, anything else -> abortSignIn). The outcome
// arrives as SignInFlow::signedIn / signInFailed.
class SignInController : public QObject {
    Q_OBJECT
public:
    // Asked for the profile each time a login window opens, so that the app can create it then:
    // creating a QWebEngineProfile starts Chromium (about 50 MB in the app plus 85 MB of
    // QtWebEngineProcess children), which a start-up straight into the inbox does not need.
    using ProfileSource = std::function<QWebEngineProfile *()>;

    SignInController(SignInFlow *flow, ProfileSource profile, QObject *parent = nullptr);
    SignInController(SignInFlow *flow, QWebEngineProfile *profile, QObject *parent = nullptr);
    ~SignInController() override;

    void start(QWidget *parentWindow);
    bool isRunning() const { return m_running; }
    LoginWindow *window() const;

signals:
    void windowOpened(inlet::app::LoginWindow *window);

private:
    void closeWindow();

    SignInFlow *m_flow;
    ProfileSource m_profile;
    QPointer<LoginWindow> m_window;
    bool m_running = false;
};

} // namespace inlet::app
