#include "app/login/loginhelper.h"

#include "app/shell/companionprogram.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>

namespace inlet::app {

namespace {
const QString kProgram = QStringLiteral("inlet-login");
constexpr int kStopWaitMs = 3000;
} // namespace

LoginHelper::LoginHelper(QObject *parent)
    : QObject(parent)
{
}

LoginHelper::~LoginHelper()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel(); // the way out it also takes when the app dies
        if (!m_process->waitForFinished(kStopWaitMs)) {
            qCWarning(lcApp) << "the login window did not close within" << kStopWaitMs
                             << "ms: killing it";
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
}

QString LoginHelper::findExecutable(QStringList *looked)
{
    return findCompanionProgram(kProgram, qEnvironmentVariable("INLET_LOGIN"),
        QCoreApplication::applicationDirPath(),
        { QStringLiteral("."), QStringLiteral("../libexec/inlet"), QStringLiteral("../src/app") },
        looked);
}

bool LoginHelper::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 LoginHelper::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void LoginHelper::start(const loginprotocol::Request &request)
{
    Q_ASSERT(!m_process);
    QStringList looked;
    const QString program = findExecutable(&looked);
    if (program.isEmpty()) {
        answer(fail(Error::Kind::Invalid, Error::Reason::Worded,
            tr("The sign-in window's program %1 was not found (looked for %2). Install it with "
               "Inlet, or set INLET_LOGIN to its path.")
                .arg(kProgram, looked.join(QStringLiteral(", ")))));
        QMetaObject::invokeMethod(this, &LoginHelper::finished, Qt::QueuedConnection);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel); // its logs beside ours
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LoginHelper::readEvents);
    connect(m_process, &QProcess::finished, this, &LoginHelper::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this, program](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        answer(fail(Error::Kind::Invalid, Error::Reason::Worded,
            tr("The sign-in window's program %1 could not be started: %2")
                .arg(QDir::toNativeSeparators(program), m_process->errorString())));
        emit finished();
    });
    qCInfo(lcApp).noquote() << "opening the login window:" << program;
    m_process->start(program, {}); // stdin stays a pipe that only we hold
    send(loginprotocol::encode(request));
}

void LoginHelper::raise()
{
    send(loginprotocol::encode(loginprotocol::Command::Raise));
}

void LoginHelper::cancel()
{
    send(loginprotocol::encode(loginprotocol::Command::Cancel));
}

void LoginHelper::send(const QByteArray &line)
{
    if (isRunning())
        m_process->write(line);
}

void LoginHelper::readEvents()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype end = 0;
    while ((end = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(end);
        m_stdout.remove(0, end + 1);
        const auto event = loginprotocol::decodeEvent(line);
        if (!event) {
            qCWarning(lcApp) << "the login window said something unexpected; ignored";
            continue;
        }
        switch (event->type) {
        case loginprotocol::Event::Type::Opened:
            emit opened();
            break;
        case loginprotocol::Event::Type::Loaded:
            emit loaded();
            break;
        case loginprotocol::Event::Type::Redirect:
            answer(event->redirect);
            break;
        case loginprotocol::Event::Type::Failed:
            answer(std::unexpected(event->error));
            break;
        }
    }
}

void LoginHelper::onFinished(int exitCode)
{
    readEvents(); // what it wrote last
    const bool crashed = m_process->exitStatus() == QProcess::CrashExit;
    qCInfo(lcApp) << "the login window's process ended:" << (crashed ? "crashed" : "exit code")
                  << exitCode;
    if (!m_answered) {
        answer(fail(Error::Kind::Network, Error::Reason::Worded,
            tr("The sign-in window stopped unexpectedly. Try again.")));
    }
    emit finished();
}

void LoginHelper::answer(const Result<QUrl> &result)
{
    if (m_answered)
        return;
    m_answered = true;
    if (result)
        emit redirected(*result);
    else
        emit failed(result.error());
}

} // namespace inlet::app
