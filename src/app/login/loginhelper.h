#pragma once

#include "app/login/loginprotocol.h"
#include "common/result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QProcess;

namespace inlet::app {

// The login window of one sign-in, hosted in its own short-lived process, `inlet-login`
// (login/main.cpp): the web view (Qt WebEngine, Chromium) is loaded there and nowhere in the app,
// and its memory (about 130 MB PSS with its zygotes) goes back to the system when the sign-in
// ends (docs/benchmarks.md). The request goes over the child's stdin, the events come back on
// its stdout (loginprotocol.h); the app's own checks of the redirect (state, code) and the code
// exchange stay in the app.
//
// Exactly one of redirected() / failed() per start(), then finished() once the process is gone.
// A helper that ends without an answer (a crash, killed) gives failed() with a Network error.
// Destroying this (the app quitting) ends the helper: the end of its stdin, then a kill; if the
// app dies the kernel closes that pipe, and the helper quits as well.
class LoginHelper : public QObject {
    Q_OBJECT
public:
    explicit LoginHelper(QObject *parent = nullptr);
    ~LoginHelper() override;

    void start(const loginprotocol::Request &request);
    void raise();
    void cancel(); // as the window's Cancel button: failed(Cancelled) follows
    bool isRunning() const;
    qint64 processId() const;

    // $INLET_LOGIN when set; else beside the app (installed on Windows and macOS, or the build
    // tree's build/src/app), ../libexec/inlet (installed on Linux), or ../src/app (from
    // build/tests or build/bench).
    static QString findExecutable(QStringList *looked = nullptr);

signals:
    void opened();
    void loaded();
    void redirected(const QUrl &redirect);
    void failed(const inlet::Error &error);
    void finished();

private:
    void readEvents();
    void onFinished(int exitCode);
    void send(const QByteArray &line);
    void answer(const Result<QUrl> &result);

    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    bool m_answered = false;
};

} // namespace inlet::app
