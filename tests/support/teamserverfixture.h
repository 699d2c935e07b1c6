#pragma once

// A team with a real inlet-server for a test (header only): the team database (TeamDb), the
// sandbox in-process as Instagram (its login, tokens and webhooks), a credentials directory with
// the Instagram App Secret, the server's launcher, agents (some of them admins) and the server's
// OAuth settings pointing the login at the sandbox. Shared by the tests of the sign-in hand-off,
// of disconnecting an account and of the whole sign-in chain from the login window.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "support/await.h"
#include "support/inletserverprocess.h"
#include "support/teamdb.h"
#include "team/teamsignin.h"

#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>

namespace inlet::teamtest {

struct TeamServerFixture {
    static inline const QString kBusiness = QStringLiteral("17841400000000001");
    static inline const QString kAppId = QStringLiteral("1000000000000001");
    static inline const QByteArray kAppSecret = "sandbox-app-secret";
    static inline const QByteArray kMetaSecret = "sandbox-meta-app-secret";
    static inline const QString kRedirect = QStringLiteral("https://team.example/oauth/callback");
    static inline const QString kScope
        = QStringLiteral("instagram_business_basic,instagram_business_manage_messages");

    TeamDb db;
    std::unique_ptr<sandbox::Sandbox> instagram;
    std::unique_ptr<test::SandboxTestClient> client;
    QTemporaryDir credentials;
    ServerLauncher launcher;
    QString error;

    // The cluster (migrated by the server's first command), the sandbox (no customer events of
    // its own), the credentials, `agents` added with `password`, `admins` among them made
    // admins, and (when `oauth`) the OAuth settings. False with a message in `error`.
    bool setUp(const QStringList &agents, const QStringList &admins, const QString &password,
        bool oauth = true)
    {
        if (!db.setUp(false))
            return fail(db.error());
        if (!credentials.isValid()
            || !ServerLauncher::writeCredentials(
                credentials.path(), kServerPassword.toUtf8(), kMetaSecret, kAppSecret))
            return fail(QStringLiteral("no credentials directory"));
        sandbox::SandboxOptions options;
        options.eventsPerMinute = 0;
        instagram = std::make_unique<sandbox::Sandbox>(options);
        auto url = instagram->start();
        if (!url)
            return fail(QStringLiteral("the sandbox did not start"));
        client = std::make_unique<test::SandboxTestClient>(*url);
        launcher = { db.cluster.port(), kDatabase, credentials.path(), *url };
        QByteArray out;
        for (const QString &role : agents) {
            if (launcher.admin({ QStringLiteral("agent"), QStringLiteral("add"), role },
                    password.toUtf8() + '\n', &out)
                != 0)
                return fail(QStringLiteral("agent add %1 failed").arg(role));
        }
        for (const QString &role : admins) {
            if (launcher.admin({ QStringLiteral("agent"), QStringLiteral("admin"), role,
                                   QStringLiteral("on") },
                    {}, &out)
                != 0)
                return fail(QStringLiteral("agent admin %1 failed").arg(role));
        }
        return !oauth || setOAuthSettings();
    }

    // `inlet-server oauth set` with the sandbox's app and login.
    bool setOAuthSettings()
    {
        QByteArray out;
        if (launcher.admin({ QStringLiteral("oauth"), QStringLiteral("set"), kAppId, kRedirect,
                               instagram->baseUrl().toString() },
                {}, &out)
            != 0)
            return fail(QStringLiteral("oauth set failed"));
        return true;
    }

    // A fresh code from the sandbox's login, as the login view catches it.
    QString freshCode(const QString &redirect = kRedirect)
    {
        const auto consent = client->control(QStringLiteral("consent"),
            { { QStringLiteral("client_id"), kAppId }, { QStringLiteral("redirect_uri"), redirect },
                { QStringLiteral("scope"), kScope },
                { QStringLiteral("state"), QStringLiteral("s") } });
        if (consent.status != 200)
            return {};
        const QUrl url(consent.json().value(QStringLiteral("redirect")).toString());
        return QUrlQuery(url).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    // The sandbox's business account connected through the hand-off by `admin` (a server must
    // be running): its inlet.accounts id, or -1.
    qint64 connectAccount(const team::TeamConnection &admin)
    {
        const QString code = freshCode();
        if (code.isEmpty())
            return -1;
        auto done = test::awaitResult(team::signin::handOff(admin, code), 60000);
        if (!done) {
            error = done.error().message;
            return -1;
        }
        return db
            .serverValue(
                QStringLiteral("SELECT id FROM inlet.accounts WHERE ig_user_id = ?"), { kBusiness })
            .toLongLong();
    }

private:
    bool fail(const QString &why)
    {
        error = why;
        return false;
    }
};

} // namespace inlet::teamtest
