#include "app/login/loginwindow.h"

#include "app/login/loginpage.h"
#include "app/login/loginprofile.h"
#include "common/logging.h"
#include "common/redact.h"
#include "ui_loginwindow.h"

#include <QCloseEvent>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineView>

namespace inlet::app {

namespace {
constexpr int kErrAborted = -3; // net::ERR_ABORTED: a navigation replaced by another one
}

LoginWindow::LoginWindow(QWebEngineProfile *profile, const QUrl &authorizeUrl,
    const QUrl &redirectUri, RedirectHandler handler, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_profile(profile)
    , m_authorizeUrl(authorizeUrl)
    , m_handler(std::move(handler))
    , m_view(new QWebEngineView(this))
    , m_page(new LoginPage(profile, authorizeUrl, redirectUri, m_view))
    , m_ui(std::make_unique<Ui::LoginWindow>())
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose, false); // the owner deletes us after the result signal
    // The host is always visible (the bar), so the manager can tell the real Instagram from a
    // look-alike.
    m_ui->layout->addWidget(m_view, 1);

    m_view->setPage(m_page);
    connect(m_page, &LoginPage::redirectCaptured, this, &LoginWindow::onRedirect);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &LoginWindow::onLoadingChanged);
    connect(m_page, &QWebEnginePage::urlChanged, this, [this](const QUrl &url) {
        m_ui->address->setText(url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment));
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this, [this] {
        finish(fail(Error::Kind::Network, Error::Reason::Worded,
            tr("The sign-in page stopped unexpectedly.")));
    });
    connect(m_ui->anotherAccount, &QPushButton::clicked, this, &LoginWindow::useAnotherAccount);
    connect(m_ui->cancel, &QPushButton::clicked, this, &QWidget::close);
}

LoginWindow::~LoginWindow()
{
    // The page must go before the profile it uses; the profile outlives us, the view owns the page.
    delete m_view;
}

void LoginWindow::start()
{
    qCInfo(lcApp) << "opening sign-in page" << redactUrl(m_authorizeUrl);
    m_view->load(m_authorizeUrl);
}

void LoginWindow::useAnotherAccount()
{
    if (m_finished)
        return;
    qCInfo(lcApp) << "clearing the login profile's cookies for another account";
    forgetLoginSession(m_profile);
    m_view->load(m_authorizeUrl);
}

void LoginWindow::onRedirect(const QUrl &url)
{
    if (m_finished)
        return;
    finish(m_handler(url));
}

void LoginWindow::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (m_finished || info.status() != QWebEngineLoadingInfo::LoadFailedStatus)
        return;
    if (info.errorCode() == kErrAborted)
        return;
    // An HTTP error page still explains itself (e.g. Instagram's "invalid app ID"): leave it shown.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain)
        return;
    qCWarning(lcApp) << "sign-in page failed to load:" << redactUrl(info.url()) << info.errorCode()
                     << info.errorString();
    finish(fail(Error::Kind::Network, Error::Reason::Worded,
        tr("The sign-in page could not be loaded (%1). Check your connection and the "
           "Instagram hosts in the settings.")
            .arg(info.errorString())));
}

void LoginWindow::closeEvent(QCloseEvent *event)
{
    if (!m_finished)
        finish(fail(Error::Kind::Cancelled, Error::Reason::Worded,
            tr("Sign-in was cancelled: the window was closed.")));
    event->accept();
}

void LoginWindow::finish(const Result<QString> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    forgetLoginSession(m_profile); // nothing of the Instagram session outlives the sign-in
    // Stop whatever the page still does (the blocked navigation, scripts) before reporting.
    m_page->triggerAction(QWebEnginePage::Stop);
    if (result) {
        qCInfo(lcApp) << "sign-in page returned a code";
        emit codeReceived(*result);
    } else {
        qCInfo(lcApp) << "sign-in ended without a code:" << result.error().message;
        emit failed(result.error());
    }
    // Close after the signal so receivers may still look at the window; never from inside close.
    QTimer::singleShot(0, this, [this] {
        if (isVisible())
            hide();
    });
}

} // namespace inlet::app
