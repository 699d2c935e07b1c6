#pragma once

// Every log line of the test process, kept so a test can prove no secret was logged.
#include <QLoggingCategory>
#include <QMutex>
#include <QStringList>

namespace inlet::test {

// Captures every log line (all categories, debug included) for the lifetime of the object.
class LogCapture {
public:
    LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("inlet.*.debug=true"));
        instance() = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        instance() = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    // Lines containing `needle` (empty list: never logged).
    QStringList linesWith(const QString &needle) const { return lines().filter(needle); }

private:
    static LogCapture *&instance()
    {
        static LogCapture *capture = nullptr;
        return capture;
    }
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (LogCapture *capture = instance()) {
            QMutexLocker lock(&capture->m_mutex);
            capture->m_lines.append(QString::fromLatin1(context.category ? context.category : "")
                + QLatin1Char(' ') + message);
            if (capture->m_previous)
                capture->m_previous(type, context, message);
        }
    }

    mutable QMutex m_mutex;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace inlet::test
