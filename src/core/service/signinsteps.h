#pragma once

#include "common/result.h"

#include <QFuture>
#include <QObject>
#include <QUrl>

namespace inlet {

// What the login view needs for one attempt.
struct SignInRequest {
    QUrl authorizeUrl;
    QUrl redirectUri;
};

// The steps of one sign-in around the login view, whoever exchanges the code: the solo app
// itself (SignInFlow, with the App Secret from the keychain) or the team server (TeamSignInFlow,
// through the sign-in hand-off). The login window's controller drives either:
//   beginSignIn() -> (login view) -> handleRedirect(url) -> completeSignIn(code) | abortSignIn()
class SignInSteps : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // A fresh single-use OAuth state and the authorize URL to open.
    virtual QFuture<Result<SignInRequest>> beginSignIn() = 0;
    // The login view hands over the captured redirect; returns the code or why not.
    virtual Result<QString> handleRedirect(const QUrl &url) = 0;
    // Exchanges the code (or has it exchanged); ends in attemptEnded().
    virtual void completeSignIn(const QString &code) = 0;
    // The login view ended without a code (deny, closed, network): ends in attemptEnded(true).
    virtual void abortSignIn(const Error &error) = 0;

signals:
    // The attempt is over, after the implementation's own success or failure signal.
    void attemptEnded(bool failed);
};

} // namespace inlet
