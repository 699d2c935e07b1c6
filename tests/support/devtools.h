#pragma once

// The login window runs in its own process (inlet-login, src/app/login/main.cpp), out of a test's
// reach except as a person reaches it: these press its buttons through Chromium's remote
// debugging protocol (DevTools over HTTP and a web socket on loopback).
#include <QString>
#include <QVariant>

#include <functional>

namespace inlet::test {

// Picks a free loopback port and sets QTWEBENGINE_REMOTE_DEBUGGING to it in this process's
// environment, which the login windows it starts from now on inherit. Returns the port.
quint16 useDevToolsPort();

// The web socket of the page whose URL contains `urlPart`, from Chromium's DevTools list on
// `port`; empty when there is none (yet).
QString devToolsPage(quint16 port, const QString &urlPart);

// Runtime.evaluate of `expression` in that page: its value, or an invalid variant.
QVariant devToolsEvaluate(const QString &socketUrl, const QString &expression);

// Waits for a page whose URL contains `urlPart` with an element #`id`, and clicks it a moment
// after the answer (the navigation a click starts can swallow the answer to a click made inside
// the call). `alive` may end the wait early (a child process died). False when it never could.
bool clickInPage(quint16 port, const QString &urlPart, const QString &id, int timeoutMs,
    const std::function<bool()> &alive = {});

// The sandbox's consent page: Allow.
inline bool allowInLoginWindow(quint16 port, int timeoutMs = 15000)
{
    return clickInPage(
        port, QStringLiteral("/oauth/authorize"), QStringLiteral("allow"), timeoutMs);
}

} // namespace inlet::test
