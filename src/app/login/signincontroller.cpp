#include "app/login/signincontroller.h"

#include "app/login/loginwindow.h"
#include "common/ondone.h"
#include "service/accountservice.h"

#include <QWidget>

namespace inlet::app {

SignInController::SignInController(AccountService *accounts, QWebEngineProfile *profile,
                                   QObject *parent)
    : SignInController(accounts, ProfileSource([profile] { return profile; }), parent)
{
}

SignInController::SignInController(AccountService *accounts, ProfileSource profile, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_profile(std::move(profile))
{
    // Whatever way the attempt ends, the controller is free again.
    connect(m_accounts, &AccountService::signedIn, this, [this] { m_running = false; });
    connect(m_accounts, &AccountService::signInFailed, this, [this] {
        m_running = false;
        closeWindow();
    });
}

SignInController::~SignInController()
{
    delete m_window.data(); // before the profile it uses
}

LoginWindow *SignInController::window() const
{
    return m_window.data();
}

void SignInController::start(QWidget *parentWindow)
{
    if (m_running) {
        if (m_window) {
            m_window->raise();
            m_window->activateWindow();
        }
        return;
    }
    m_running = true;
    QPointer<QWidget> parent(parentWindow);
    onDone(m_accounts->beginSignIn(), this, [this, parent](const Result<SignInRequest> &request) {
        if (!request) {
            m_accounts->abortSignIn(request.error());
            return;
        }
        closeWindow();
        AccountService *accounts = m_accounts;
        auto *window = new LoginWindow(
            m_profile(), request->authorizeUrl, request->redirectUri,
            [accounts](const QUrl &url) { return accounts->handleRedirect(url); }, parent);
        m_window = window;
        connect(window, &LoginWindow::codeReceived, this, [this](const QString &code) {
            closeWindow();
            m_accounts->completeSignIn(code);
        });
        connect(window, &LoginWindow::failed, this,
                [this](const Error &error) { m_accounts->abortSignIn(error); });
        window->setWindowModality(Qt::WindowModal);
        window->show();
        window->start();
        emit windowOpened(window);
    });
}

void SignInController::closeWindow()
{
    if (m_window) {
        m_window->hide();
        m_window->deleteLater();
        m_window.clear();
    }
}

} // namespace inlet::app
