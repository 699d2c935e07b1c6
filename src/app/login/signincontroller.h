#pragma once

#include "common/result.h"

#include <QObject>
#include <QPointer>

class QWebEngineProfile;
class QWidget;

namespace inlet {
class AccountService;
}

namespace inlet::app {

class LoginWindow;

// Runs one sign-in at a time: asks AccountService for an attempt, shows the login window, and
// hands its result back (code -> completeSignIn, anything else -> abortSignIn). The outcome
// arrives as AccountService::signedIn / signInFailed.
class SignInController : public QObject {
    Q_OBJECT
public:
    SignInController(AccountService *accounts, QWebEngineProfile *profile,
                     QObject *parent = nullptr);
    ~SignInController() override;

    void start(QWidget *parentWindow);
    bool isRunning() const { return m_running; }
    LoginWindow *window() const;

signals:
    void windowOpened(inlet::app::LoginWindow *window);

private:
    void closeWindow();

    AccountService *m_accounts;
    QWebEngineProfile *m_profile;
    QPointer<LoginWindow> m_window;
    bool m_running = false;
};

} // namespace inlet::app
