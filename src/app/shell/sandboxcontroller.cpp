#include "app/shell/sandboxcontroller.h"

#include "app/shell/companionprogram.h"
#include "app/shell/errortext.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "service/sandboxlink.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QTimer>

namespace inlet::app {

namespace {
const QString kPortKey = QStringLiteral("sandbox/port");
const QString kProgram = QStringLiteral("inlet-sandbox");
constexpr int kStopWaitMs = 5000;
} // namespace

SandboxController::SandboxController(SandboxLink *link, QStringList arguments, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_arguments(std::move(arguments))
{
}

SandboxController::~SandboxController()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        // The same way out as when the app dies: the end of its stdin. It stops cleanly and
        // writes its state file; a sandbox that hangs is killed.
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(kStopWaitMs)) {
            qCWarning(lcApp) << "the sandbox did not stop within" << kStopWaitMs
                             << "ms: killing it";
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

QString SandboxController::stateFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("sandbox-state.json"));
}

void SandboxController::keepInProfile(const QString &dataDir, QSettings *settings)
{
    m_stateFile = stateFilePath(dataDir);
    m_settings = settings;
    if (settings)
        m_port = quint16(settings->value(kPortKey, 0).toUInt());
}

QString SandboxController::findExecutable(QStringList *looked)
{
    return findExecutable(
        qEnvironmentVariable("INLET_SANDBOX"), QCoreApplication::applicationDirPath(), looked);
}

QString SandboxController::findExecutable(
    const QString &override, const QString &appDir, QStringList *looked)
{
    return findCompanionProgram(kProgram, override, appDir,
        { QStringLiteral("."), QStringLiteral("../sandbox"), QStringLiteral("../src/sandbox") },
        looked);
}

qint64 SandboxController::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool SandboxController::isActive() const
{
    return m_link && isRunning() && m_link->isActive();
}

QString SandboxController::businessId() const
{
    return m_link ? m_link->businessId() : QString();
}

void SandboxController::ensureStarted()
{
    if (m_starting)
        return;
    m_starting = true;
    if (isRunning())
        QTimer::singleShot(0, this, &SandboxController::connectLink);
    else
        startProcess();
}

void SandboxController::startProcess()
{
    QStringList looked;
    const QString program = findExecutable(&looked);
    if (program.isEmpty()) {
        fail(tr("The sandbox program %1 was not found (looked for %2). Install it with Inlet, or "
                "set INLET_SANDBOX to its path.")
                 .arg(kProgram, looked.join(QStringLiteral(", "))));
        return;
    }
    QStringList arguments = m_arguments;
    arguments << QStringLiteral("--port") << QString::number(m_port)
              << QStringLiteral("--exit-with-stdin");
    if (!m_stateFile.isEmpty())
        arguments << QStringLiteral("--state-file") << m_stateFile;

    if (m_process) {
        m_process->disconnect(this);
        delete m_process; // a leftover that printed no URL: killed
    }
    m_stdout.clear();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel); // its logs beside ours
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxController::readBaseUrl);
    connect(m_process, &QProcess::finished, this, &SandboxController::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            fail(tr("The sandbox program %1 could not be started: %2")
                     .arg(QDir::toNativeSeparators(program), m_process->errorString()));
    });
    qCInfo(lcApp).noquote() << "starting the sandbox:" << program << arguments.join(u' ');
    m_process->start(program, arguments); // stdin stays a pipe that only we hold
}

void SandboxController::readBaseUrl()
{
    m_stdout += m_process->readAllStandardOutput();
    if (!m_baseUrl.isEmpty() || !m_stdout.contains('\n'))
        return;
    const QUrl url(QString::fromUtf8(m_stdout.left(m_stdout.indexOf('\n')).trimmed()));
    if (url.scheme() != QLatin1String("http") || url.port() <= 0) {
        fail(tr("The sandbox program printed no base URL."));
        m_process->kill();
        return;
    }
    onStarted(url);
}

void SandboxController::onProcessFinished(int exitCode)
{
    const bool wasRunning = isRunning();
    m_baseUrl = QUrl();
    if (wasRunning) {
        qCWarning(lcApp) << "the sandbox stopped (exit status" << exitCode << ")";
        return;
    }
    if (!m_starting)
        return; // failed before (no base URL), already said
    if (m_port != 0) {
        // The kept port is taken (another program, or a second Inlet on this profile): any port
        // is better than no sandbox; the account's hosts move with it.
        qCWarning(lcApp) << "sandbox: port" << m_port << "is taken, using a free one";
        m_port = 0;
        QTimer::singleShot(0, this, &SandboxController::startProcess);
        return;
    }
    fail(tr("The sandbox program stopped before it was ready (exit status %1).").arg(exitCode));
}

void SandboxController::onStarted(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
    m_port = quint16(baseUrl.port());
    if (m_settings && m_settings->value(kPortKey, 0).toUInt() != uint(baseUrl.port())) {
        m_settings->setValue(kPortKey, baseUrl.port());
        m_settings->sync();
    }
    qCInfo(lcApp) << "sandbox running at" << baseUrl.toString() << "pid" << processId();
    connectLink();
}

void SandboxController::connectLink()
{
    if (!m_link) {
        m_starting = false;
        emit ready(m_baseUrl);
        return;
    }
    const QUrl base = m_baseUrl;
    onDone(m_link->connectTo(base), this, [this, base](const Result<SandboxApp> &app) {
        if (!app) {
            fail(tr("The sandbox at %1 could not be used: %2")
                     .arg(base.toString(), errorText(app.error())));
            return;
        }
        m_starting = false;
        emit ready(base);
    });
}

void SandboxController::fail(const QString &message)
{
    if (!m_starting)
        return;
    m_starting = false;
    qCWarning(lcApp).noquote() << "the sandbox could not start:" << message;
    emit failed(message);
}

} // namespace inlet::app
