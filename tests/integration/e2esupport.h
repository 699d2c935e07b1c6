#pragma once

// Helpers for the end-to-end tests: `inlet --headless` as a real child process, the sandbox's
// control API, and reading what a data dir holds through a StoreReader.
#include "core/graph/graphtestutil.h"
#include "store/storereader.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <optional>

namespace inlet::test {

inline QString inletBinary() { return QStringLiteral(INLET_BINARY_DIR) + QStringLiteral("/src/app/inlet"); }

// One `inlet --headless` process. Its stderr is kept (shown when a test fails).
class HeadlessProcess {
public:
    HeadlessProcess() = default;
    HeadlessProcess(const HeadlessProcess &) = delete;
    HeadlessProcess &operator=(const HeadlessProcess &) = delete;
    ~HeadlessProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Starts the process and waits for its "webhook: URL" line; an invalid URL on failure.
    QUrl start(const QString &dataDir, const QUrl &sandbox, const QStringList &extra = {},
               int timeoutMs = 30000)
    {
        m_stdout.clear();
        m_stderr.clear();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Info and above: debug lines of every HTTP exchange would only slow the child down.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("inlet.*.debug=false"));
        m_process.setProcessEnvironment(env);
        QStringList args{QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir};
        if (sandbox.isValid())
            args << QStringLiteral("--sandbox") << sandbox.toString();
        args << extra;
        m_process.start(inletBinary(), args);
        if (!m_process.waitForStarted(10000))
            return {};
        QUrl url;
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] {
            drain();
            static const QRegularExpression line(QStringLiteral("^webhook: (\\S+)$"),
                                                 QRegularExpression::MultilineOption);
            const auto match = line.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch())
                url = QUrl(match.captured(1));
            return url.isValid() || m_process.state() == QProcess::NotRunning;
        }, timeoutMs);
        if (!url.isValid())
            qWarning("inlet --headless did not print its webhook URL; stderr:\n%s", m_stderr.constData());
        return url;
    }

    // SIGTERM; the exit code, or -1 if it did not stop in time or crashed.
    int terminate(int timeoutMs = 15000)
    {
        m_process.terminate();
        if (!QTest::qWaitFor([this] { drain(); return m_process.state() == QProcess::NotRunning; },
                             timeoutMs))
            return -1;
        drain();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
        drain();
    }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray standardError()
    {
        drain();
        return m_stderr;
    }
    QByteArray standardOutput()
    {
        drain();
        return m_stdout;
    }

private:
    void drain()
    {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
    }

    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// The store of a data dir, read as the app would (own connection, sees every commit).
inline std::unique_ptr<StoreReader> openReader(const QString &dataDir)
{
    auto reader = StoreReader::open(QDir(dataDir).filePath(QStringLiteral("inlet.sqlite")));
    if (!reader) {
        qWarning("cannot open the store: %s", qPrintable(reader.error().message));
        return nullptr;
    }
    return std::move(*reader);
}

// Every message of a conversation, oldest first (pages of 200).
inline QList<StoredMessage> allMessages(StoreReader &reader, qint64 conversationId)
{
    QList<StoredMessage> out;
    auto page = reader.newestMessages(conversationId, 200);
    while (page && !page->isEmpty()) {
        out = *page + out;
        page = reader.messagesBefore(conversationId, page->first().cursor(), 200);
    }
    return out;
}

inline std::optional<StoredMessage> messageByMid(StoreReader &reader, const QString &account,
                                                 const QString &mid)
{
    auto m = reader.messageByMid(account, mid);
    return (m && *m) ? **m : std::optional<StoredMessage>();
}

} // namespace inlet::test
