#pragma once

#include "common/result.h"
#include "service/appconfig.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace inlet {

class AppSetup;
class SignInFlow;

// What a sandbox publishes about itself (GET /__sandbox/app): both app credential pairs and the
// IG_ID of its business account.
struct SandboxApp {
    AppCredentials credentials;
    QString businessId;
};

// The one place where the core knows that a sandbox (`inlet-sandbox`, docs/sandbox.md) may stand
// in for Instagram. It speaks only the sandbox's documented control API (/__sandbox/app,
// /__sandbox/consent); everything else goes through the ordinary Instagram client, with the
// hosts pointed at the sandbox. The sandbox itself is another process: the app starts it
// (app/shell/sandboxcontroller.h), `inlet --headless --sandbox URL` is given one.
class SandboxLink : public QObject {
    Q_OBJECT
public:
    SandboxLink(AppSetup *app, SignInFlow *signIn, QObject *parent = nullptr);
    ~SandboxLink() override;

    // GET <base>/__sandbox/app, then use(): the usual way in.
    QFuture<Result<SandboxApp>> connectTo(const QUrl &baseUrl);
    // The sandbox stands in for every Instagram host and its media host; its app secrets take
    // the keychain path like a real Meta app's (the Meta pair only when the sandbox gives one).
    QFuture<Status> use(const QUrl &baseUrl, const AppCredentials &app);
    // Whether the accounts' hosts point at the sandbox of the last use() (settings that moved
    // them elsewhere end it).
    bool isActive() const;
    QUrl baseUrl() const { return m_base; }
    // The business account of the last connectTo() (empty before).
    QString businessId() const { return m_businessId; }

    // Sign-in without a browser (headless): SignInFlow::beginSignIn, then POST
    // /__sandbox/consent with the authorize URL's parameters as if Allow was pressed, then the
    // ordinary redirect and code exchange. Ends in SignInFlow::signedIn or signInFailed.
    void signInWithoutBrowser();

private:
    QUrl controlUrl(const QString &path) const;

    AppSetup *m_app;
    SignInFlow *m_signIn;
    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_businessId;
};

} // namespace inlet
