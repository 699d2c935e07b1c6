// The composition root: the one place where services are created and wired together.

#include "app/inbox/assignactions.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/triageactions.h"
#include "app/login/signincontroller.h"
#include "app/report/reportwindow.h"
#include "app/settings/labelsdialog.h"
#include "app/settings/savedrepliesdialog.h"
#include "app/settings/teamconnectaction.h"
#include "app/settings/teamdisconnectaction.h"
#include "app/settings/teamdialog.h"
#include "app/settings/webhooksdialog.h"
#include "app/shell/appresources.h"
#include "app/shell/avatarloader.h"
#include "app/shell/corebridge.h"
#include "app/shell/errortext.h"
#include "app/shell/mainwindow.h"
#include "app/shell/notificationsmenu.h"
#include "app/shell/notifier.h"
#include "app/shell/sandboxcontroller.h"
#include "app/shell/sandboxresume.h"
#include "app/shell/startupprobe.h"
#include "app/shell/theme.h"
#include "app/transcript/transcriptactions.h"
#include "auth/tokenvault.h"
#include "common/logging.h"
#include "common/privatefiles.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "service/accountlist.h"
#include "service/appsetup.h"
#include "service/corelifecycle.h"
#include "service/coreservices.h"
#include "service/headlessrunner.h"
#include "service/labels.h"
#include "service/notebook.h"
#include "service/sandboxlink.h"
#include "service/savedreplies.h"
#include "service/signinflow.h"
#include "service/teammode.h"
#include "store/guithread.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>

#include <cstring>
#include <memory>

namespace {

using namespace inlet;

struct Options {
    QString dataDir;
    bool sandboxDemo = false;
    bool headless = false;
    QUrl sandboxBase;
    quint16 webhookPort = 0;
    bool polling = false;
    bool sessionOnlySecrets = false;
    QString team;
};

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("inlet"));
    QCoreApplication::setOrganizationName(QStringLiteral("Inlet"));
    // INLET_VERSION is project(VERSION) in CMakeLists.txt (set in packaging/Packaging.cmake).
    QCoreApplication::setApplicationVersion(QStringLiteral(INLET_VERSION));
}

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    // Keep in sync with packaging/man/inlet.1 (tests/packaging/tst_manpages.cpp compares them).
    const QString defaultDir =
        QDir::toNativeSeparators(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    parser.setApplicationDescription(
        QCoreApplication::translate(
            "main",
            "Answer your business's Instagram Direct Messages.\n\n"
            "Without options Inlet opens its window on the default profile in %1. Messages live in "
            "inlet.sqlite and settings in inlet.ini there; tokens and the App Secret only in the "
            "system keychain.")
            .arg(defaultDir));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Keep the database and settings in <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption sandboxDemo(QStringLiteral("sandbox-demo"),
        QCoreApplication::translate(
            "main", "Start the sandbox (inlet-sandbox) and sign in to it."));
    const QCommandLineOption headless(
        QStringLiteral("headless"), QCoreApplication::translate("main", "Run without windows."));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main", "Headless: use the sandbox at <url>."),
        QStringLiteral("url"));
    const QCommandLineOption webhookPort(
        QStringLiteral("webhook-port"),
        QCoreApplication::translate("main", "Listen for webhooks on 127.0.0.1:<port>."),
        QStringLiteral("port"));
    const QCommandLineOption polling(
        QStringLiteral("polling"),
        QCoreApplication::translate("main", "Poll the Conversations API instead of webhooks."));
    const QCommandLineOption sessionOnly(
        QStringLiteral("session-only-secrets"),
        QCoreApplication::translate("main", "Keep secrets in memory only (no keyring)."));
    const QCommandLineOption team(QStringLiteral("team"),
        QCoreApplication::translate(
            "main", "Headless: follow the team database at <connection> as an agent's replica."),
        QStringLiteral("connection"));
    parser.addOptions(
        { dataDir, sandboxDemo, headless, sandbox, webhookPort, polling, sessionOnly, team });
    parser.process(app);

    Options options;
    options.dataDir = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.sandboxDemo = parser.isSet(sandboxDemo);
    options.headless = parser.isSet(headless);
    options.sandboxBase = QUrl(parser.value(sandbox));
    options.webhookPort = quint16(parser.value(webhookPort).toUInt());
    options.polling = parser.isSet(polling);
    options.sessionOnlySecrets = parser.isSet(sessionOnly);
    options.team = parser.value(team);
    return options;
}

// `inlet --headless`: the core without windows (HeadlessRunner owns that mode).
int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    const Options options = parseOptions(app);
    HeadlessOptions headless;
    headless.dataDir = options.dataDir;
    headless.sandboxBase = options.sandboxBase;
    headless.webhookPort = options.webhookPort;
    headless.pollingMode = options.polling;
    headless.sessionOnlySecrets = options.sessionOnlySecrets;
    headless.teamConnection = options.team;
    HeadlessRunner::installSignalHandlers();
    HeadlessRunner runner(headless);
    QObject::connect(&runner, &HeadlessRunner::fatal, &app, [](const QString &message) {
        qCCritical(lcApp).noquote() << message;
        QCoreApplication::exit(1);
    });
    if (const Status started = runner.start(); !started) {
        qCCritical(lcApp).noquote() << started.error().message;
        return 1;
    }
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Before any file exists: everything this process creates is its user's only (why both this
    // and the explicit modes at open: common/privatefiles.h).
    privatefiles::restrictUmask();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return runHeadless(argc, argv);
    }
    // --help and --version print and exit: no display (QApplication) needed for them.
    for (int i = 1; i < argc; ++i) {
        for (const char *textOnly : {"--help", "-h", "-?", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], textOnly) == 0) {
                QCoreApplication app(argc, argv);
                setIdentity();
                parseOptions(app); // prints and exits
                return 0;
            }
        }
    }

    // No Qt WebEngine here (nor Qt::AA_ShareOpenGLContexts, which loaded Mesa's GL at every
    // start): the login window runs in its own process, inlet-login (login/loginhelper.h).
    QApplication app(argc, argv);
    // It paints and reacts; debug builds abort on any SQL on it (store/guithread.h).
    guithread::declare(app.thread());
    setIdentity();
    app::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/inlet.svg")));
    app::installTranslators(app);
    app::Theme::initialize();

    const Options options = parseOptions(app);
    // The core's start-up is CoreLifecycle's, shared with --headless: the profile (data directory,
    // inlet.ini with the webhook port and polling mode it keeps), the store, the keychain, the
    // app config.
    LifecycleOptions lifecycleOptions;
    lifecycleOptions.dataDir = options.dataDir;
    lifecycleOptions.webhookPort = options.webhookPort;
    lifecycleOptions.pollingMode = options.polling;
    lifecycleOptions.sessionOnlySecrets = options.sessionOnlySecrets;
    auto opened = CoreLifecycle::open(lifecycleOptions);
    if (!opened) {
        // A full disk, a corrupted file or a newer schema: say so, and touch nothing.
        qCCritical(lcApp) << "cannot open the data:" << opened.error().message;
        QMessageBox::critical(nullptr, QApplication::translate("main", "Inlet cannot start"),
            QApplication::translate("main",
                "Inlet could not open its data in "
                "%1:\n\n%2")
                .arg(QDir::toNativeSeparators(options.dataDir), app::errorText(opened.error())));
        return 1;
    }
    std::unique_ptr<CoreLifecycle> lifecycle = std::move(*opened);
    if (lifecycle->team())
        lifecycle->team()->setPresenceEnabled(true); // the app shows who else is on a conversation
    CoreServices *core = lifecycle->core();
    QSettings &settings = *lifecycle->settings();
    qCInfo(lcApp) << "data directory:" << options.dataDir;

    // The theme is the profile's too (older versions kept it in the user's global settings).
    const QString themeKey = QStringLiteral("view/theme");
    app::Theme::apply(
        app::Theme::fromString(settings.value(themeKey, QSettings().value(themeKey)).toString()));

    AccountList *accounts = core->accounts();
    AppSetup *appSetup = core->appSetup();

    // Saved replies live in the store; the agent's name for {agent} in the profile's settings
    // (declared before the window, whose inbox and dialog use it, so it outlives them).
    SavedReplies savedReplies(core->store());
    const QString agentKey = QStringLiteral("replies/agentName");
    savedReplies.setAgentName(settings.value(agentKey).toString());
    QObject::connect(&savedReplies, &SavedReplies::agentNameChanged, &app,
        [&settings, agentKey](const QString &name) { settings.setValue(agentKey, name); });

    // Labels live in the store too (the editor is File > Labels…). In team mode both are the
    // team's: written into the team database, read from the replica in the store.
    Labels labels(core->store());
    if (TeamMode *team = lifecycle->team()) {
        savedReplies.setWrites(team);
        labels.setWrites(team);
    }

    QNetworkAccessManager network;
    app::AvatarLoader avatars(&network);
    // The demo's Instagram is the inlet-sandbox executable, a child process (not linked in).
    app::SandboxController sandbox(core->sandboxLink());
    sandbox.keepInProfile(options.dataDir, &settings); // same port and tokens on every start
    app::SignInController signIn(core->signInFlow(), options.dataDir);
    app::MainWindow window({ accounts, core->signInFlow(), appSetup }, &signIn, &sandbox, &avatars);

    app::CoreBridge bridge(core, &window);
    bridge.showTeam(lifecycle->team(), lifecycle->teamError());
    // A profile on the sandbox (or --sandbox-demo) starts it first: the accounts then find their
    // hosts and tokens working; the consent page comes only when needed (see SandboxResume).
    app::SandboxResume resume(accounts, appSetup, &sandbox, &window, &settings);
    resume.start(options.sandboxDemo, [&lifecycle] { lifecycle->start(); });

    app::InboxServices inboxServices;
    inboxServices.store = core->store();
    inboxServices.source = std::make_shared<StoreInboxSource>(
        core->store()->readers(), QDir(options.dataDir).filePath(QStringLiteral("avatars")));
    inboxServices.outbox = core->outbox();
    inboxServices.senderActions = core->senderActions();
    inboxServices.reactions = core->reactions();
    inboxServices.connectivity = core->connectivity();
    inboxServices.savedReplies = &savedReplies;
    inboxServices.labels = &labels;
    inboxServices.mediaHostReady = [appSetup] { return appSetup->config().hasMediaHost(); };
    inboxServices.assigner = lifecycle->team(); // team mode only: solo mode shows no assignment
    // Internal notes: the team's in team mode, the local store's in solo mode.
    LocalNotebook localNotes(core->store());
    inboxServices.notebook
        = lifecycle->team() ? static_cast<Notebook *>(lifecycle->team()) : &localNotes;
    inboxServices.triageWrites = lifecycle->team(); // Done and Snooze: the team's in team mode
    auto *inbox = new app::InboxWidget(inboxServices);
    if (TeamMode *team = lifecycle->team()) {
        // Presence and the collision guard, once team mode has its password and runs.
        if (team->presence())
            inbox->setPresence(team->presence());
        QObject::connect(team, &TeamMode::started, inbox,
            [inbox, team] { inbox->setPresence(team->presence()); });
    }
    if (app::AssignActions *assign = inbox->assignActions()) {
        const QString onReplyKey = QStringLiteral("team/assignOnReply");
        assign->setAssignOnReply(settings.value(onReplyKey, true).toBool());
        QObject::connect(assign, &app::AssignActions::assignOnReplyChanged, assign,
            [&settings, onReplyKey](bool on) { settings.setValue(onReplyKey, on); });
        QObject::connect(
            lifecycle->team(), &TeamMode::stateChanged, assign, [assign](TeamMode::State state) {
                if (state == TeamMode::State::Connected)
                    assign->refreshAgents();
            });
    }
    feedModels(core->store(), inbox->conversations(), inbox->messages(), inbox->views());
    window.setTokenVault(core->vault());
    QObject::connect(inbox, &app::InboxWidget::settingsRequested, &window, &app::MainWindow::openSettings);
    QObject::connect(
        appSetup, &AppSetup::configChanged, inbox, &app::InboxWidget::refreshAttachmentsAvailable);
    const auto showAccounts = [inbox, accounts] {
        QList<std::pair<QString, QString>> list;
        for (const Account &account : accounts->accounts())
            list.append({account.id, account.name.isEmpty() ? account.username : account.name});
        inbox->setAccounts(list);
    };
    showAccounts();
    QObject::connect(accounts, &AccountList::accountsChanged, inbox, showAccounts);
    window.setInboxWidget(inbox);
    app::InboxLayout::keepInProfile(inbox, &settings); // panes' widths, contact panel open or not
    // INLET_BENCH_STARTUP=1 only (bench/bench_startup.cpp): time to the painted inbox, memory.
    app::installStartupProbe(&window, inbox);

    // Unread count in the title and tray, desktop notifications; preferences in the profile's settings.
    app::Notifier notifier(core->store(), &settings, &window);
    QObject::connect(&notifier, &app::Notifier::unreadCountChanged, &window, &app::MainWindow::setUnreadCount);
    window.setUnreadCount(notifier.unreadCount());
    QObject::connect(&notifier, &app::Notifier::unreadByAccountChanged, &window,
        &app::MainWindow::setUnreadByAccount); // the rail's badges
    window.addMenu(new app::NotificationsMenu(&notifier, [accounts] {
        QList<std::pair<QString, QString>> list;
        for (const Account &account : accounts->accounts())
            list.append({account.id, account.name.isEmpty() ? account.username : account.name});
        return list;
    }));
    QAction *webhooks = new QAction(QCoreApplication::translate("inlet::app::MainWindow", "&Webhooks…"), &window);
    QObject::connect(webhooks, &QAction::triggered, &window,
        [core, &settings, &window] { app::openWebhooksDialog(core, &settings, &window); });
    window.fileMenu()->insertAction(window.fileMenu()->actions().value(3), webhooks);
    QAction *replies = new QAction(
        QCoreApplication::translate("inlet::app::MainWindow", "Saved &replies…"), &window);
    QPointer<app::SavedRepliesDialog> repliesDialog;
    QObject::connect(
        replies, &QAction::triggered, &window, [&savedReplies, &window, &repliesDialog] {
            if (!repliesDialog) {
                repliesDialog = new app::SavedRepliesDialog(&savedReplies, &window);
                repliesDialog->setAttribute(Qt::WA_DeleteOnClose);
            }
            repliesDialog->show();
            repliesDialog->raise();
            repliesDialog->activateWindow();
        });
    window.fileMenu()->insertAction(window.fileMenu()->actions().value(5), replies);
    QAction *labelsAction
        = new QAction(QCoreApplication::translate("inlet::app::MainWindow", "&Labels…"), &window);
    QPointer<app::LabelsDialog> labelsDialog;
    const auto openLabels = [&labels, &window, &labelsDialog] {
        if (!labelsDialog) {
            labelsDialog = new app::LabelsDialog(&labels, &window);
            labelsDialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        labelsDialog->show();
        labelsDialog->raise();
        labelsDialog->activateWindow();
    };
    QObject::connect(labelsAction, &QAction::triggered, &window, openLabels);
    QObject::connect(inbox, &app::InboxWidget::labelsEditorRequested, &window, openLabels);
    window.fileMenu()->insertAction(window.fileMenu()->actions().value(6), labelsAction);
    // View > Report…: charts of the last days, computed on the store's reader thread.
    QAction *reportAction
        = new QAction(QCoreApplication::translate("inlet::app::MainWindow", "&Report…"), &window);
    QPointer<app::ReportWindow> reportWindow;
    QObject::connect(reportAction, &QAction::triggered, &window, [core, &window, &reportWindow] {
        if (!reportWindow) {
            reportWindow = new app::ReportWindow(core->store()->readers(), &window);
            reportWindow->setAttribute(Qt::WA_DeleteOnClose);
        }
        reportWindow->show();
        reportWindow->raise();
        reportWindow->activateWindow();
    });
    window.viewMenu()->insertAction(window.viewMenu()->actions().value(1), reportAction);
    // File > Export conversation… / Export view…, and the list's context menu (before Quit).
    auto *transcripts = new app::TranscriptActions(core->store()->readers(), inbox, &window);
    transcripts->addTo(window.fileMenu());
    QObject::connect(
        transcripts, &app::TranscriptActions::status, &window, &app::MainWindow::showStatus);
    // Team mode (docs/team.md): the connection to the team database, switched at once.
    QAction *team
        = new QAction(QCoreApplication::translate("inlet::app::MainWindow", "&Team…"), &window);
    QObject::connect(team, &QAction::triggered, &window, [&lifecycle, core, &settings, &window] {
        app::TeamDialog *dialog
            = app::openTeamDialog(&settings, core->vault(), lifecycle->team(), &window);
        CoreLifecycle *life = lifecycle.get();
        QObject::connect(dialog, &app::TeamDialog::teamSaved, life, &CoreLifecycle::enterTeam);
        QObject::connect(dialog, &app::TeamDialog::teamLeft, life, &CoreLifecycle::leaveTeam);
    });
    // Team mode switches without a restart: the status bar, what signs in, File > Webhooks.
    webhooks->setVisible(!lifecycle->team());
    QObject::connect(lifecycle.get(), &CoreLifecycle::teamChanged, &window,
        [&bridge, &lifecycle, webhooks](TeamMode *current) {
            bridge.showTeam(current, lifecycle->teamError());
            webhooks->setVisible(!current);
        });
    window.fileMenu()->insertAction(
        window.fileMenu()->actions().value(window.fileMenu()->actions().indexOf(webhooks) + 1),
        team);
    // Team mode, admin agents only: File > Connect Instagram account… (the sign-in hand-off),
    // made for each team entered and gone before its TeamMode is (teamChanged(nullptr) comes first).
    // Likewise the accounts list's Disconnect for admins (through the team server).
    auto connector = std::make_shared<QPointer<app::TeamConnectAction>>();
    auto disconnector = std::make_shared<QPointer<app::TeamDisconnectAction>>();
    auto followTeam = [connector, disconnector, &window, team, dataDir = options.dataDir](
                          TeamMode *current) {
        delete connector->data();
        delete disconnector->data();
        if (current) {
            *connector = app::installTeamConnectAction(current, &window, team, dataDir);
            *disconnector = app::installTeamDisconnectAction(current, &window);
        }
    };
    followTeam(lifecycle->team());
    QObject::connect(lifecycle.get(), &CoreLifecycle::teamChanged, &window, followTeam);
    // Status, labels and saved replies: the team's writes while in team mode (teamChanged(nullptr)
    // comes before a TeamMode goes, so none of them keeps a dangling port).
    QObject::connect(lifecycle.get(), &CoreLifecycle::teamChanged, inbox,
        [&labels, &savedReplies, inbox](TeamMode *current) {
            labels.setWrites(current);
            savedReplies.setWrites(current);
            inbox->triageActions()->setWrites(current);
        });
    QObject::connect(&window, &app::MainWindow::themeChosen, &window,
        [&settings, themeKey](
            app::ThemeMode mode) { settings.setValue(themeKey, app::Theme::toString(mode)); });
    window.show();

    const int status = QApplication::exec();
    signIn.disconnect();
    return status;
}
