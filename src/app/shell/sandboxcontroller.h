#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

class QProcess;
class QSettings;

namespace inlet {
class SandboxLink;
}

namespace inlet::app {

// The demo's Instagram: starts the `inlet-sandbox` executable as a child process the first time
// it is needed and points the accounts at it through the core's SandboxLink (its control API
// only). The app does not link the sandbox: the fake stays out of the shipped `inlet`.
//  - The child's first stdout line is its base URL; its logs go to the app's stderr.
//  - Its life is tied to the app's: it runs with --exit-with-stdin on a pipe that only the app
//    holds, so it stops when the app quits, and also when the app is killed or crashes (the
//    kernel closes the pipe). Portable, unlike PR_SET_PDEATHSIG, and it stops cleanly (the
//    sandbox writes its state file on the way out).
//  - Kept in a profile, it is the same Instagram on every start: same port, same tokens
//    (keepInProfile()).
// The executable is found by findExecutable().
class SandboxController : public QObject {
    Q_OBJECT
public:
    // `link`: where the started sandbox is connected (null: only run the process). `arguments`:
    // more inlet-sandbox options (tests give their own app and business ids).
    explicit SandboxController(
        SandboxLink *link = nullptr, QStringList arguments = {}, QObject *parent = nullptr);
    ~SandboxController() override; // stops the child: end of stdin, then a kill after 5 s

    // Keeps the sandbox's state beside the profile's data (stateFilePath()) and its port in
    // `settings` (sandbox/port), reused on the next start so that the stored Instagram hosts and
    // tokens still work. A port taken meanwhile falls back to a free one (the hosts then follow
    // through ready()). Call before ensureStarted(); `settings` must outlive this object.
    void keepInProfile(const QString &dataDir, QSettings *settings);
    static QString stateFilePath(const QString &dataDir);
    QString stateFile() const { return m_stateFile; }

    // Where inlet-sandbox is: $INLET_SANDBOX when set (nothing else is tried then); else beside
    // the app's own executable (installed: /usr/bin, Inlet.app/Contents/MacOS, the Windows
    // install folder); else the build tree (build/src/sandbox, seen from build/src/app or from
    // build/tests). Empty when none; `looked` gets the places tried.
    static QString findExecutable(QStringList *looked = nullptr);
    static QString findExecutable(
        const QString &override, const QString &appDir, QStringList *looked = nullptr);

    // Starts it (or, when it runs, connects the accounts to it again); ready() follows once the
    // accounts point at it and its app secrets are in the keychain; or failed().
    void ensureStarted();
    bool isRunning() const { return !m_baseUrl.isEmpty(); }
    QUrl baseUrl() const { return m_baseUrl; }
    qint64 processId() const;
    SandboxLink *link() const { return m_link; }
    // The accounts point at this sandbox (SandboxLink::isActive).
    bool isActive() const;
    // The sandbox's business account (from its control API, once ready()).
    QString businessId() const;

signals:
    void ready(const QUrl &baseUrl);
    // Why it could not start, in words for the manager (translated).
    void failed(const QString &message);

private:
    void startProcess();
    void readBaseUrl();
    void onProcessFinished(int exitCode);
    void onStarted(const QUrl &baseUrl);
    void connectLink();
    void fail(const QString &message);

    SandboxLink *m_link; // the core's, which outlives this
    QStringList m_arguments;
    QString m_stateFile;
    quint16 m_port = 0;
    QPointer<QSettings> m_settings;
    QProcess *m_process = nullptr;
    QByteArray m_stdout;
    QUrl m_baseUrl;
    bool m_starting = false;
};

} // namespace inlet::app
