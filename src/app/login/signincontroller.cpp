#include "app/login/signincontroller.h"

#include "app/login/loginwindow.h"
#include "common/ondone.h"
#include "service/signinflow.h"

#include <QWidget>

namespace inlet::app {

SignInController::SignInController(SignInFlow *flow, QWebEngineProfile *profile, QObject *parent)
    : SignInController(flow, ProfileSource([profile] { return profile; }), parent)
{
}

SignInController::SignInController(SignInFlow *flow, ProfileSource profile, QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_profile(std::move(profile))
{
    // Whatever way the attempt ends, the controller is free again.
    connect(m_flow, &SignInFlow::signedIn, this, [this] { m_running = false; });
    connect(m_flow, &SignInFlow::signInFailed, this, [this] {
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
    onDone(m_flow->beginSignIn(), this, [this, parent](const Result<SignInRequest> &request) {
        if (!request) {
            m_flow->abortSignIn(request.error());
            return;
        }
        closeWindow();
        SignInFlow *flow = m_flow;
        auto *window = new LoginWindow(
            m_profile(), request->authorizeUrl, request->redirectUri,
            [flow](const QUrl &url) { return flow->handleRedirect(url); }, parent);
        m_window = window;
        connect(window, &LoginWindow::codeReceived, this, [this](const QString &code) {
            closeWindow();
            m_flow->completeSignIn(code);
        });
        connect(window, &LoginWindow::failed, this,
            [this](const Error &error) { m_flow->abortSignIn(error); });
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
