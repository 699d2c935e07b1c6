#pragma once

#include "common/result.h"

#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace inlet::app {

class LoginPage;

namespace Ui {
class LoginWindow;
}

// The window in which the manager signs in to Instagram (or the sandbox). It only shows the
// authorize page and catches the redirect; checking the redirect (state, errors, code) is the
// job of `RedirectHandler` (OAuthFlow::handleRedirect in the app).
//
// Exactly one of codeReceived() / failed() is emitted per window, then the window closes.
class LoginWindow : public QWidget {
    Q_OBJECT
public:
    using RedirectHandler = std::function<Result<QString>(const QUrl &redirect)>;

    // `profile` is shared by every login window (off the record, see createLoginProfile); the
    // window forgets its Instagram session when it ends. It must outlive this window.
    LoginWindow(QWebEngineProfile *profile, const QUrl &authorizeUrl, const QUrl &redirectUri,
                RedirectHandler handler, QWidget *parent = nullptr);
    ~LoginWindow() override;

    void start();
    bool isFinished() const { return m_finished; }
    QWebEngineView *view() const { return m_view; }

public slots:
    // Forgets the Instagram session (cookies) and opens the authorize page again.
    void useAnotherAccount();

signals:
    void codeReceived(const QString &code);
    void failed(const inlet::Error &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onRedirect(const QUrl &url);
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void finish(const Result<QString> &result);

    QWebEngineProfile *m_profile;
    QUrl m_authorizeUrl;
    RedirectHandler m_handler;
    QWebEngineView *m_view;
    LoginPage *m_page;
    std::unique_ptr<Ui::LoginWindow> m_ui; // the frame around the view, ui/loginwindow.ui
    bool m_finished = false;
};

} // namespace inlet::app
