#pragma once

// A test's own sandbox, in-process on a free loopback port, and what tests ask of it: its control
// API, customers writing, Instagram's subscription state, and webhooks POSTed as Meta signs them.
// The app's tests that need the sandbox as the app runs it (a child process) use AppHarness.
#include "sandbox/sandbox.h"
#include "sandbox/sandboxtestclient.h"
#include "sandbox/webhookdelivery.h"
#include "sandbox/world.h"
#include "support/sandboxcontrol.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <memory>

namespace inlet::test {

// Options for a test's sandbox: `customers` simulated customers and no traffic of their own
// (eventsPerMinute 0: the test says when a customer writes). Tests that sign in give their own
// app and business ids: the keyring is shared with tests running beside them.
inline sandbox::SandboxOptions quietSandbox(
    int customers, const QString &appId = {}, const QString &businessId = {})
{
    sandbox::SandboxOptions options;
    options.customers = customers;
    options.eventsPerMinute = 0;
    if (!appId.isEmpty())
        options.appId = appId;
    if (!businessId.isEmpty())
        options.businessId = businessId;
    return options;
}

// A webhook body POSTed to `url` as Meta does, signed with `secret` (X-Hub-Signature-256); the
// status and body, status 0 when no answer came within 10 s.
inline HttpResult postSignedWebhook(
    const QUrl &url, const QByteArray &body, const QByteArray &secret)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(
        "X-Hub-Signature-256", sandbox::WebhookDelivery::signatureFor(body, secret));
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    HttpResult result;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000))
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    return result;
}

class TestSandbox {
public:
    TestSandbox() = default;
    TestSandbox(const TestSandbox &) = delete;
    TestSandbox &operator=(const TestSandbox &) = delete;

    // Starts a sandbox with `options`; false (and a warning) when it could not listen.
    [[nodiscard]] bool start(const sandbox::SandboxOptions &options)
    {
        stop();
        m_sandbox = std::make_unique<sandbox::Sandbox>(options);
        const Result<QUrl> base = m_sandbox->start();
        if (!base) {
            qWarning("sandbox: %s", qPrintable(base.error().message));
            m_sandbox.reset();
            return false;
        }
        m_base = *base;
        m_control = std::make_unique<SandboxControl>(m_base);
        return true;
    }
    void stop()
    {
        m_control.reset();
        m_sandbox.reset();
        m_base = QUrl();
    }

    sandbox::Sandbox *operator->() const { return m_sandbox.get(); }
    sandbox::Sandbox &operator*() const { return *m_sandbox; }
    const QUrl &base() const { return m_base; }
    SandboxControl &control() const { return *m_control; }
    const sandbox::SandboxOptions &options() const { return m_sandbox->options(); }
    QByteArray appSecret() const { return options().appSecret.toUtf8(); }
    // The igsid of the first simulated customer.
    QString firstCustomer() const { return m_sandbox->world().customers().first().profile.igsid; }

    // POST /__sandbox/events: the new event's mid, empty (and a warning) when refused.
    QString inject(const QJsonObject &spec)
    {
        int status = 0;
        const QJsonObject answer
            = m_control->call("POST", QStringLiteral("/__sandbox/events"), spec, &status);
        if (status != 200)
            qWarning("inject refused: %s",
                QJsonDocument(answer).toJson(QJsonDocument::Compact).constData());
        return answer.value(QLatin1String("mid")).toString();
    }
    // The customer `igsid` writes `text`; its mid.
    QString customerWrites(const QString &igsid, const QString &text)
    {
        return inject({ { QStringLiteral("kind"), QStringLiteral("text") },
            { QStringLiteral("customer"), igsid }, { QStringLiteral("text"), text } });
    }

    // Instagram's webhook subscription as the sandbox holds it (GET /__sandbox/state).
    QJsonObject subscriptions()
    {
        return m_control->call("GET", QStringLiteral("/__sandbox/state"))
            .value(QLatin1String("subscriptions"))
            .toObject();
    }
    // The webhook registration is done: `callback` is the app's callback URL and an account is
    // subscribed. Wait for it with QTRY_VERIFY_WITH_TIMEOUT(sandbox.isRegistered(url), ...).
    bool isRegistered(const QUrl &callback)
    {
        const QJsonObject subs = subscriptions();
        return subs.value(QLatin1String("callback_url")).toString() == callback.toString()
            && !subs.value(QLatin1String("account_fields")).toArray().isEmpty();
    }

    // POSTs a webhook body to `url` as Meta does, signed with `secret` (the Instagram app secret
    // when empty); the HTTP status, 0 when no answer came.
    int postSigned(const QUrl &url, const QByteArray &body, const QByteArray &secret = {})
    {
        return postSignedWebhook(url, body, secret.isEmpty() ? appSecret() : secret).status;
    }

private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<SandboxControl> m_control;
    QUrl m_base;
    QNetworkAccessManager m_network;
};

} // namespace inlet::test
