#include "app/shell/startupprobe.h"

#include "app/inbox/inboxwidget.h"
#include "app/inbox/messageview.h"
#include "app/login/loginhelper.h"
#include "app/shell/mainwindow.h"
#include "app/shell/processtree.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"

#include <QCoreApplication>
#include <QEvent>
#include <QListView>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace inlet::app {

namespace {

qint64 clockNs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Taken while this library's statics are initialised: after the dynamic loader, before main().
const qint64 g_staticInitNs = clockNs(CLOCK_MONOTONIC);

// Milliseconds since the kernel started this process (clock-tick resolution: 10 ms).
double msSinceExec()
{
    const QList<QByteArray> fields = processtree::statFields(QStringLiteral("self"));
    if (fields.size() < 20)
        return -1;
    const double startMs = fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    return clockNs(CLOCK_BOOTTIME) / 1e6 - startMs;
}

struct Memory {
    qint64 rssKb = 0;
    qint64 pssKb = 0;
};

Memory memoryOf(const QString &pid)
{
    return { processtree::kb(QStringLiteral("/proc/%1/status").arg(pid), "VmRSS"),
        processtree::kb(QStringLiteral("/proc/%1/smaps_rollup").arg(pid), "Pss") };
}

// Every process below this one (the login window's inlet-login and its QtWebEngineProcess
// children: zygotes, renderer, GPU, utilities).
QStringList descendants()
{
    return processtree::descendants(getpid());
}

void report(const QString &line)
{
    std::fprintf(stderr, "inlet-bench %s\n", qPrintable(line));
    std::fflush(stderr);
}

class StartupProbe : public QObject {
public:
    StartupProbe(MainWindow *window, InboxWidget *inbox, bool webView)
        : QObject(window)
        , m_window(window)
        , m_inbox(inbox)
        , m_webView(webView)
    {
        m_inbox->conversationList()->viewport()->installEventFilter(this);
        m_inbox->messageView()->viewport()->installEventFilter(this);
        QTimer::singleShot(60'000, this, [] {
            report(QStringLiteral("stage=timeout"));
            QCoreApplication::exit(3);
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint)
            return false;
        // Queued: the paint (and its flush) finishes first.
        if (m_stage == Stage::Inbox && watched == m_inbox->conversationList()->viewport()
            && m_inbox->conversations()->rowCount() > 0) {
            m_stage = Stage::Waiting;
            QTimer::singleShot(0, this, [this] { inboxPainted(); });
        } else if (m_stage == Stage::Conversation && watched == m_inbox->messageView()->viewport()
            && m_inbox->messages()->rowCount() > 0) {
            m_stage = Stage::Waiting;
            QTimer::singleShot(0, this, [this] { conversationPainted(); });
        }
        return false;
    }

private:
    enum class Stage { Inbox, Conversation, Waiting };

    void inboxPainted()
    {
        const qint64 now = clockNs(CLOCK_MONOTONIC);
        report(QStringLiteral(
            "stage=inbox-painted monotonic-ns=%1 since-exec-ms=%2 since-static-init-ms=%3 rows=%4")
                   .arg(now)
                   .arg(msSinceExec(), 0, 'f', 1)
                   .arg((now - g_staticInitNs) / 1e6, 0, 'f', 1)
                   .arg(m_inbox->conversations()->rowCount()));
        m_stage = Stage::Conversation;
        m_openNs = now;
        // As a click on the first row would.
        m_inbox->conversationList()->setCurrentIndex(m_inbox->conversations()->index(0));
    }

    void conversationPainted()
    {
        report(QStringLiteral(
            "stage=conversation-painted open-ms=%1 conversation=%2 loaded-messages=%3")
                   .arg((clockNs(CLOCK_MONOTONIC) - m_openNs) / 1e6, 0, 'f', 1)
                   .arg(m_inbox->currentConversationId())
                   .arg(m_inbox->messages()->rowCount()));
        // Let avatars, the header timer and the reader threads settle before reading memory.
        QTimer::singleShot(1000, this, [this] { reportMemory(); });
    }

    void reportMemory()
    {
        const Memory self = memoryOf(QStringLiteral("self"));
        m_rssBeforeWebKb = self.rssKb;
        report(QStringLiteral("stage=memory rss-kb=%1 hwm-kb=%2 pss-kb=%3 child-processes=%4")
                   .arg(self.rssKb)
                   .arg(processtree::kb(QStringLiteral("/proc/self/status"), "VmHWM"))
                   .arg(self.pssKb)
                   .arg(descendants().size()));
        if (!m_webView) {
            QCoreApplication::exit(0);
            return;
        }
        m_openNs = clockNs(CLOCK_MONOTONIC);
        // The login window's process, as a sign-in opens it (SignInController), on a blank page.
        m_login = new LoginHelper(this);
        connect(m_login, &LoginHelper::loaded, this, [this] {
            report(QStringLiteral("stage=webview-loaded ok=1 open-ms=%1")
                       .arg((clockNs(CLOCK_MONOTONIC) - m_openNs) / 1e6, 0, 'f', 1));
            QTimer::singleShot(1000, this, [this] { reportWebView("webview-memory"); });
        });
        connect(m_login, &LoginHelper::finished, this, [this] {
            m_openNs = clockNs(CLOCK_MONOTONIC);
            QTimer::singleShot(1000, this, [this] {
                reportWebView("webview-closed-memory");
                QCoreApplication::exit(0);
            });
        });
        loginprotocol::Request request;
        request.authorizeUrl = QUrl(QStringLiteral("about:blank"));
        request.redirectUri = QUrl(QStringLiteral("https://localhost/bench"));
        request.parentWindow = quintptr(m_window->winId());
        request.parentGeometry = m_window->frameGeometry();
        m_login->start(request);
    }

    void reportWebView(const char *stage)
    {
        const Memory self = memoryOf(QStringLiteral("self"));
        Memory children;
        QStringList kinds;
        const QStringList pids = descendants();
        for (const QString &pid : pids) {
            const Memory m = memoryOf(pid);
            children.rssKb += m.rssKb;
            children.pssKb += m.pssKb;
            kinds.append(QStringLiteral("%1:%2kB").arg(processtree::kind(pid)).arg(m.pssKb));
        }
        report(QStringLiteral("stage=%8 rss-kb=%1 rss-delta-kb=%2 pss-kb=%3 children=%4 "
                              "children-rss-kb=%5 children-pss-kb=%6 children-pss=%7")
                   .arg(self.rssKb)
                   .arg(self.rssKb - m_rssBeforeWebKb)
                   .arg(self.pssKb)
                   .arg(pids.size())
                   .arg(children.rssKb)
                   .arg(children.pssKb)
                   .arg(kinds.join(QLatin1Char(',')), QLatin1String(stage)));
        if (m_login && m_login->isRunning())
            m_login->cancel(); // then finished(), then the same once it has gone
    }

    MainWindow *m_window;
    InboxWidget *m_inbox;
    bool m_webView;
    Stage m_stage = Stage::Inbox;
    qint64 m_openNs = 0;
    qint64 m_rssBeforeWebKb = 0;
    QPointer<LoginHelper> m_login;
};

} // namespace

void installStartupProbe(MainWindow *window, InboxWidget *inbox)
{
    const QByteArray mode = qgetenv("INLET_BENCH_STARTUP");
    if (mode.isEmpty() || mode == "0")
        return;
    new StartupProbe(window, inbox, mode == "webview");
}

} // namespace inlet::app
