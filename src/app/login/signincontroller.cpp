#include "app/login/signincontroller.h"

#include "app/login/loginhelper.h"
#include "app/shell/theme.h"
#include "common/ondone.h"
#include "service/signinsteps.h"

#include <QWidget>

namespace inlet::app {

SignInController::SignInController(SignInSteps *flow, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_dataDir(std::move(dataDir))
{
    // Whatever way the attempt ends, the controller is free again.
    connect(m_flow, &SignInSteps::attemptEnded, this, [this](bool failed) {
        m_running = false;
        if (failed && m_helper)
            m_helper->cancel(); // e.g. the attempt was replaced: the window goes too
    });
}

SignInController::~SignInController()
{
    delete m_helper.data(); // its process ends with it
}

LoginHelper *SignInController::helper() const
{
    return m_helper.data();
}

void SignInController::start(QWidget *parentWindow)
{
    if (m_running) {
        if (m_helper)
            m_helper->raise();
        return;
    }
    m_running = true;
    QPointer<QWidget> parent(parentWindow);
    onDone(m_flow->beginSignIn(), this, [this, parent](const Result<SignInRequest> &request) {
        if (!request) {
            m_flow->abortSignIn(request.error());
            return;
        }
        if (m_helper) {
            m_helper->disconnect(this);
            m_helper->deleteLater(); // a window of an earlier attempt still closing
        }
        loginprotocol::Request helperRequest;
        helperRequest.authorizeUrl = request->authorizeUrl;
        helperRequest.redirectUri = request->redirectUri;
        helperRequest.dataDir = m_dataDir;
        helperRequest.theme = Theme::toString(Theme::current());
        if (parent) {
            QWidget *top = parent->window();
            helperRequest.parentWindow = quintptr(top->winId());
            helperRequest.parentGeometry = top->frameGeometry();
        }
        auto *helper = new LoginHelper(this);
        m_helper = helper;
        connect(helper, &LoginHelper::redirected, this, [this](const QUrl &redirect) {
            // The checks stay here, in the app: state (single use), error, code.
            const Result<QString> code = m_flow->handleRedirect(redirect);
            if (code)
                m_flow->completeSignIn(*code);
            else
                m_flow->abortSignIn(code.error());
        });
        connect(helper, &LoginHelper::failed, this,
            [this](const Error &error) { m_flow->abortSignIn(error); });
        connect(helper, &LoginHelper::finished, this, [this, helper] {
            if (m_helper == helper)
                m_helper.clear(); // no window now, though the object goes only later
            helper->deleteLater();
            emit windowClosed();
        });
        helper->start(helperRequest);
        emit windowOpened();
    });
}

void SignInController::cancel()
{
    if (m_helper)
        m_helper->cancel();
}

} // namespace inlet::app
