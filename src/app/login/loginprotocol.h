#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QRect>
#include <QString>
#include <QUrl>

#include <optional>

namespace inlet::app::loginprotocol {

// What the app and its login helper (`inlet-login`, login/main.cpp) say to each other: one JSON
// object per line, the app on the helper's stdin, the helper on its stdout (its logs go to
// stderr). Nothing of it is on the command line, where other users could read it.
//
//   app -> helper   1. the Request (once, first line)
//                   2. then commands: "raise" (bring the window to the front), "cancel" (as the
//                      Cancel button). The end of stdin means the app is gone: the helper quits.
//   helper -> app   "opened" (the window is shown), "loaded" (the first page has loaded), then
//                   exactly one of "redirect" (the redirect URI with the query Instagram added:
//                   code and state, or the error) or "failed" (why the window ended without
//                   one); then it exits. The app checks the redirect (state, code): the helper
//                   never sees a secret, and the code exchange stays in the app's core.

struct Request {
    QUrl authorizeUrl;
    QUrl redirectUri;
    QString dataDir; // only cleaned: the on-disk login profile of older versions is removed
    QString theme; // Theme::toString
    quintptr parentWindow = 0; // the main window's native id (X11, Windows): the window's owner
    QRect parentGeometry; // the window opens centred over it
};

enum class Command { Raise, Cancel };

struct Event {
    enum class Type { Opened, Loaded, Redirect, Failed };
    Type type = Type::Failed;
    QUrl redirect; // Redirect
    Error error; // Failed: Network (the page could not load or stopped) or Cancelled
};

QByteArray encode(const Request &request);
QByteArray encode(Command command);
QByteArray encode(const Event &event);

std::optional<Request> decodeRequest(const QByteArray &line);
std::optional<Command> decodeCommand(const QByteArray &line);
std::optional<Event> decodeEvent(const QByteArray &line);

} // namespace inlet::app::loginprotocol
