#pragma once

#include "common/result.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QSettings;

namespace inlet {

class CoreServices;
class TeamAvatars;
class TeamMode;

// How one run starts: the windowed app, `inlet --headless` and the team server differ only here.
struct LifecycleOptions {
    QString dataDir; // the profile: inlet.sqlite, inlet.ini, caches
    quint16 webhookPort = 0; // --webhook-port; 0: the port the profile keeps (a free one at first)
    bool pollingMode = false; // --polling; the profile's own choice (File > Webhooks) counts too
    int pollIntervalMs = 30'000;
    bool sessionOnlySecrets = false; // --session-only-secrets: no keyring, secrets in memory
    // Headless: the run exists for its webhook, so the server starts after the accounts whatever
    // the settings say, and a server that cannot start ends the run (fatal). Windowed: it starts
    // once an App ID is set (at start-up or at a sign-in); without it, sync still runs.
    bool webhookRequired = false;
    // Headless --sandbox URL: the app credentials from that sandbox's control API before the
    // accounts are read, and a sign-in without a browser when no account is usable. (The windowed
    // app starts its own sandbox first, app/shell/sandboxresume.h, then calls start().)
    QUrl sandboxBase;
};

// The one start-up sequence of the core, for every way Inlet runs.
//   open():  the data directory (private), the profile's inlet.ini, the core (CoreServices::create:
//            store, keychain vault, Graph client, accounts, outbox), the vault's session-only mode
//            and the app config from inlet.ini (kept there when it changes).
//   start(): [sandboxBase: its credentials] -> the accounts (AccountList::load) ->
//            [sandboxBase, no usable account: sign-in through its consent control] -> the webhook
//            server (see webhookRequired) -> once it runs (or could not, when not required): sync
//            and the subscription keeper for every account, the outbox; on the sandbox the webhook
//            subscriptions (not in polling mode: nothing is registered with Meta then).
// Afterwards a sign-in starts the webhook server if it is not running yet (the App Secret may only
// now be in the keychain), or subscribes the new account on the sandbox. The caller adds only what
// is its own: windows and status texts (app/shell/corebridge.h), the stdout line of headless mode.
class CoreLifecycle : public QObject {
    Q_OBJECT
public:
    // An error means the run cannot start (a data directory that cannot be made, a store that does
    // not open: a full disk, a damaged file, a newer schema); nothing was changed then.
    static Result<std::unique_ptr<CoreLifecycle>> open(
        const LifecycleOptions &options, QObject *parent = nullptr);
    ~CoreLifecycle() override;

    CoreServices *core() const { return m_core.get(); }
    // The profile's inlet.ini (the same object for every user in the process).
    QSettings *settings() const { return m_settings.get(); }
    const LifecycleOptions &options() const { return m_options; }
    // Team mode (docs/team.md): set when the profile's inlet.ini has a team connection
    // (TeamSettings). Then start() follows the team database instead of talking to Instagram: no
    // webhook server, no sync, no token refresh; the accounts come from the replica and replies
    // go to the team outbox. Null in solo mode.
    TeamMode *team() const { return m_team.get(); }
    // A team connection in inlet.ini that is refused (a remote host without verify-full, ...):
    // the run neither follows the team nor talks to Instagram. Empty otherwise.
    const std::optional<Error> &teamError() const { return m_teamError; }

    void start();

    // Team mode without a restart (File > Team's Save and Leave team mode). enterTeam() reads the
    // team connection from inlet.ini (TeamSettings) and switches the running core over: the
    // accounts' sync, subscription upkeep and token refresh and the webhook server stop, the
    // accounts become the replica's, the follower starts and the outbox hands replies to the
    // team; another team already followed is left first. A refused connection leaves the core as
    // it was, with teamError(). leaveTeam() stops the follower and the hand-off and starts solo
    // mode as start() does (accounts, webhook server, sync). Both emit teamChanged().
    void enterTeam();
    void leaveTeam();

signals:
    // team() changed (enterTeam(), leaveTeam()): the new one, or null in solo mode. Emitted with
    // null before a team object is destroyed, so that nothing keeps a pointer to it.
    void teamChanged(inlet::TeamMode *team);
    // The run cannot go on: webhookRequired and no webhook server, or sandboxBase and no
    // credentials or no sign-in. The message is for the log.
    void fatal(const inlet::Error &error);

private:
    CoreLifecycle(const LifecycleOptions &options, QObject *parent);
    void wire();
    void connectToSandbox();
    void loadAccounts();
    void signInThroughSandbox();
    void startWebhooks();
    void startTeam();
    bool subscribesOnStart() const;

    LifecycleOptions m_options;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CoreServices> m_core; // after m_settings: destroyed first
    std::unique_ptr<TeamMode> m_team; // after m_core: destroyed before the outbox it hands to
    // The customers' pictures from the replicated URLs, while in team mode (after m_core).
    std::unique_ptr<TeamAvatars> m_teamAvatars;
    std::optional<Error> m_teamError;
    QMetaObject::Connection m_teamAccounts; // the replica's accounts listed again on a change
};

} // namespace inlet
