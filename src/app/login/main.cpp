// inlet-login: the login window of one sign-in, in a process of its own (LoginHelper starts it).
// Qt WebEngine (Chromium) lives only here, so its memory goes back to the system when the
// sign-in ends, and the app itself never loads it. It reads one request from stdin, shows the
// login window (owned by the app's main window where the platform allows it), writes what
// happened to stdout (loginprotocol.h) and exits; the end of stdin (the app quit or died) ends
// it too. It holds nothing secret: the app checks the redirect and exchanges the code.
#include "app/login/chromiumsandbox.h"
#include "app/login/loginprofile.h"
#include "app/login/loginprotocol.h"
#include "app/login/loginwindow.h"
#include "app/shell/appresources.h"
#include "app/shell/theme.h"
#include "common/logging.h"
#include "common/privatefiles.h"

#include <QApplication>
#include <QIcon>
#include <QScreen>
#include <QThread>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QWindow>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

// Qt WebEngine 6.4 frees some of its own objects through a base type of a different size, which
// AddressSanitizer reports (new-delete-type-mismatch) and aborts on; not our code (see
// tests/app/asanwebengine.h). Every other check stays on.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char *__asan_default_options()
{
    return "new_delete_type_mismatch=0";
}
#endif

namespace {

using namespace inlet;
using namespace inlet::app;

void say(const loginprotocol::Event &event)
{
    const QByteArray line = loginprotocol::encode(event);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

std::optional<QByteArray> readLine()
{
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    return QByteArray::fromStdString(line);
}

// The app's later lines (commands), read on a thread of their own; it is never joined: it may
// sit in a read when the process exits.
class StdinReader : public QThread {
    Q_OBJECT
signals:
    void command(inlet::app::loginprotocol::Command command);
    void closed();

protected:
    void run() override
    {
        while (const auto line = readLine()) {
            if (const auto parsed = loginprotocol::decodeCommand(*line))
                emit command(*parsed);
        }
        emit closed();
    }
};

// Owned by the app's window (X11's WM_TRANSIENT_FOR, a Windows owner window): it stays above it
// and the window manager treats it as the app's dialog. Elsewhere (Wayland, offscreen) it is only
// centred over where the app's window is.
// Returns the app's window as a foreign QWindow, which must live as long as the login window.
std::unique_ptr<QWindow> placeBeside(QWidget *window, const loginprotocol::Request &request)
{
    if (request.parentGeometry.isValid()) {
        QRect frame(QPoint(), window->size());
        frame.moveCenter(request.parentGeometry.center());
        window->move(frame.topLeft());
    }
    const QString platform = QGuiApplication::platformName();
    if (request.parentWindow == 0
        || (platform != QLatin1String("xcb") && platform != QLatin1String("windows")))
        return nullptr;
    window->winId(); // creates the native window, so the owner is set before it is mapped
    std::unique_ptr<QWindow> owner(QWindow::fromWinId(WId(request.parentWindow)));
    window->windowHandle()->setTransientParent(owner.get());
    return owner;
}

} // namespace

int main(int argc, char **argv)
{
    privatefiles::restrictUmask();
    // Before the application object: as root, Chromium only starts without its sandbox; Qt
    // WebEngine wants one OpenGL context shared with the view (only this process loads GL).
    prepareChromiumSandbox();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("inlet-login"));
    QCoreApplication::setOrganizationName(QStringLiteral("Inlet"));
    initResources();
    installTranslators(app);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/inlet.svg")));

    const auto first = readLine();
    const auto request = first ? loginprotocol::decodeRequest(*first) : std::nullopt;
    if (!request) {
        qCCritical(lcApp) << "inlet-login: no sign-in request on stdin (Inlet starts this "
                             "program for its login window)";
        return 2;
    }
    Theme::initialize();
    Theme::apply(Theme::fromString(request->theme));

    std::unique_ptr<QWebEngineProfile> profile(createLoginProfile(request->dataDir, nullptr));
    QUrl captured;
    auto window = std::make_unique<LoginWindow>(profile.get(), request->authorizeUrl,
        request->redirectUri, [&captured](const QUrl &redirect) -> Result<QString> {
            captured = redirect;
            return redirect.toString();
        });
    QObject::connect(window.get(), &LoginWindow::codeReceived, &app, [&captured] {
        loginprotocol::Event event;
        event.type = loginprotocol::Event::Type::Redirect;
        event.redirect = captured;
        say(event);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    });
    QObject::connect(window.get(), &LoginWindow::failed, &app, [](const Error &error) {
        loginprotocol::Event event;
        event.type = loginprotocol::Event::Type::Failed;
        event.error = error;
        say(event);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    });
    QObject::connect(
        window->view(), &QWebEngineView::loadFinished, &app,
        [] {
            say({ loginprotocol::Event::Type::Loaded, {}, {} });
        },
        Qt::SingleShotConnection);

    auto *reader = new StdinReader; // never deleted: see the class
    QObject::connect(reader, &StdinReader::command, window.get(),
        [w = window.get()](loginprotocol::Command command) {
            if (command == loginprotocol::Command::Cancel) {
                w->close(); // as the Cancel button: failed(Cancelled)
                return;
            }
            w->setWindowState(w->windowState() & ~Qt::WindowMinimized);
            w->raise();
            w->activateWindow();
        });
    QObject::connect(reader, &StdinReader::closed, &app, [] {
        qCInfo(lcApp) << "inlet-login: the app is gone; closing the login window";
        QCoreApplication::exit(0);
    });
    reader->start();

    const std::unique_ptr<QWindow> owner = placeBeside(window.get(), *request);
    window->show();
    window->start();
    say({ loginprotocol::Event::Type::Opened, {}, {} });

    const int status = QApplication::exec();
    window.reset(); // the page before its profile, the window before its owner
    profile.reset();
    return status;
}

#include "main.moc"
