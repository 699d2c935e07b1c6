// The windowed app's team mode end to end, against a real PostgreSQL server (support/teamdb.h):
// the Team dialog tests the connection and saves it (the password into the keychain, the rest
// into the profile's inlet.ini), the app's core (CoreLifecycle) then starts in team mode, a
// message written into PostgreSQL reaches the local store and the message model, a reply sent
// from the app lands in inlet.outbox under the agent's role, and the bubble names the agent who
// sent it (and the Instagram app for an echo from the phone).
#include "app/settings/teamdialog.h"
#include "app/shell/teamindicator.h"
#include "auth/tokenvault.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "outbox/senderactions.h"
#include "outbox/sendfailure.h"
#include "service/accountlist.h"
#include "service/corelifecycle.h"
#include "service/coreservices.h"
#include "service/teammode.h"
#include "service/teamsettings.h"
#include "store/guithread.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"
#include "support/await.h"
#include "support/messagemodelwait.h"
#include "support/teamdb.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace inlet;
using namespace inlet::teamtest;

namespace {
const QString kAgent = QStringLiteral("ana");
const QString kAgentName = QStringLiteral("Ana"); // inlet.agents.display_name: on the bubbles
const QString kPassword = QStringLiteral("ana-Secret-77");
const QString kAccount = QStringLiteral("17841400000000042");
const QString kCustomer = QStringLiteral("6000000000000042");
} // namespace

class TstTeamMode : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    QTemporaryDir m_profile;
    qint64 m_account = 0;
    qint64 m_conversation = 0;

    QString iniPath() const { return m_profile.filePath(QStringLiteral("inlet.ini")); }

    // The local conversation of kCustomer, once the replica has it (0 until then).
    static qint64 localConversation(Store *store)
    {
        auto found = test::awaitResult(
            store->readers()->read<qint64>([](StoreReader &r) -> Result<qint64> {
                auto c = r.conversationFor(kAccount, kCustomer);
                if (!c)
                    return std::unexpected(c.error());
                return *c ? (*c)->id : 0;
            }));
        return found ? *found : 0;
    }

    static int rowWithText(const MessageListModel &model, const QString &text)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(MessageListModel::TextRole).toString() == text)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_profile.isValid());
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        QVERIFY2(team::admin::addAgent(m_db.server, kAgent, kPassword, kAgentName), "addAgent");
        m_account = m_db.addAccount(kAccount);
        QVERIFY(m_account > 0);
        QVERIFY(team::admin::grantAccount(m_db.server, kAgent, m_account));
        m_conversation = m_db.addConversation(m_account, kCustomer);
        QVERIFY2(m_conversation > 0, qPrintable(m_db.error()));
        QVERIFY(m_db.addMessage(m_account, m_conversation, QStringLiteral("mid.in.1"),
                    QStringLiteral("Do you ship to Vienna?"))
            > 0);
        // This thread is the app's GUI thread from here on: the store's SQL on it fails the test
        // (the PostgreSQL statements of the test itself are not the store's).
        qputenv("INLET_CHECK_GUI_SQL", "1");
        guithread::declare(QThread::currentThread());
    }

    // The dialog refuses what team mode would refuse, in words, before anything is stored.
    void dialogRefusesARemoteHostWithoutVerifiedTls()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenVault vault(QStringLiteral("inlet"));
        app::TeamDialog *dialog = app::openTeamDialog(&settings, &vault, nullptr, nullptr);
        dialog->hostEdit()->setText(QStringLiteral("db.example.com"));
        dialog->databaseEdit()->setText(kDatabase);
        dialog->roleEdit()->setText(kAgent);
        dialog->passwordEdit()->setText(kPassword);
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->saveButton()->click();
        QVERIFY2(dialog->resultText().contains(QStringLiteral("verify-full")),
            qPrintable(dialog->resultText()));
        QVERIFY(!TeamSettings::load(settings).isSet());
        delete dialog;
    }

    // Test connection (on a pool thread) and Save, through the dialog: the password lands in the
    // keychain, never in inlet.ini.
    void dialogTestsAndSavesTheConnection()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenVault vault(QStringLiteral("inlet"));
        app::TeamDialog *dialog = app::openTeamDialog(&settings, &vault, nullptr, nullptr);
        dialog->hostEdit()->setText(m_db.cluster.host());
        dialog->portBox()->setValue(m_db.cluster.port());
        dialog->databaseEdit()->setText(kDatabase);
        dialog->roleEdit()->setText(kAgent);
        dialog->tlsBox()->setCurrentIndex(dialog->tlsBox()->findData(QStringLiteral("disable")));

        dialog->passwordEdit()->setText(QStringLiteral("wrong-password"));
        dialog->testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            !dialog->resultText().contains(QStringLiteral("Connecting")), 15'000);
        QVERIFY2(dialog->resultText().contains(
                     QStringLiteral("refused this agent role or its password")),
            qPrintable(dialog->resultText()));

        dialog->passwordEdit()->setText(kPassword);
        dialog->testButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->resultText().startsWith(QStringLiteral("Connected as ana")), 15'000);
        QVERIFY2(dialog->resultText().contains(QStringLiteral("1 Instagram account")),
            qPrintable(dialog->resultText()));

        dialog->saveButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resultText().startsWith(QStringLiteral("Saved.")), 10'000);
        QVERIFY(dialog->leaveButton()->isEnabled());
        delete dialog;

        const TeamSettings saved = TeamSettings::load(settings);
        QVERIFY(saved.isSet());
        QCOMPARE(saved.role, kAgent);
        QCOMPARE(saved.port, m_db.cluster.port());
        auto connection = saved.connection();
        QVERIFY(connection);
        const Result<QString> stored = test::awaitResult(vault.read(connection->vaultKey()));
        QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
        QCOMPARE(*stored, kPassword);
        settings.sync();
        QFile ini(iniPath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("role=ana"));
        QVERIFY(!text.contains(kPassword.toUtf8()));
    }

    // The app's core in team mode: the replica fills the store and the model follows it; a reply
    // goes to inlet.outbox as the agent; the bubble names who sent what.
    void coreFollowsTheTeamAndRepliesThroughIt()
    {
        LifecycleOptions options;
        options.dataDir = m_profile.path();
        auto opened = CoreLifecycle::open(options);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        std::unique_ptr<CoreLifecycle> life = std::move(*opened);
        QVERIFY(!life->teamError());
        TeamMode *team = life->team();
        QVERIFY(team);
        CoreServices *core = life->core();
        life->start();
        QTRY_COMPARE_WITH_TIMEOUT(team->state(), TeamMode::State::Connected, 15'000);
        QVERIFY(core->outbox()->isStarted());

        // Replicated: the customer's message is in the local store and in the model.
        qint64 local = 0;
        QTRY_VERIFY_WITH_TIMEOUT((local = localConversation(core->store())) > 0, 15'000);
        MessageListModel model(std::make_shared<StoreInboxSource>(core->store()->readers()));
        feedModels(core->store(), nullptr, &model);
        QVERIFY(test::openMessages(model, local));
        QVERIFY(rowWithText(model, QStringLiteral("Do you ship to Vienna?")) >= 0);

        // A change written into PostgreSQL now reaches the open model.
        QVERIFY(m_db.addMessage(m_account, m_conversation, QStringLiteral("mid.in.2"),
                    QStringLiteral("And to Graz?"))
            > 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(model, QStringLiteral("And to Graz?")) >= 0, 15'000);

        // A reply from the app: into inlet.outbox under the agent's role.
        OutgoingMessage reply;
        reply.accountId = kAccount;
        reply.customerId = kCustomer;
        reply.text = QStringLiteral("Yes, both.");
        const Result<qint64> queued = test::awaitResult(core->outbox()->send(reply));
        QVERIFY(queued);
        QTRY_COMPARE_WITH_TIMEOUT(TeamDb::column(m_db.server,
                                      QStringLiteral("SELECT agent_role || ' ' || state FROM "
                                                     "inlet.outbox WHERE body->>'text' = ?"),
                                      { reply.text }),
            QStringList { QStringLiteral("ana queued") }, 15'000);

        // The server sends it (as inlet-server records it): the bubble says "Ana", the agent's
        // display name.
        QVERIFY(team::sql::exec(m_db.server, QStringLiteral(R"(WITH o AS (
                SELECT id, account_id, conversation_id FROM inlet.outbox WHERE body->>'text' = ?),
            m AS (INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, text,
                    created_ms, sent_by)
                  SELECT account_id, conversation_id, 'mid.out.1', true, ?, 1800000000000, 'ana'
                    FROM o RETURNING id)
            UPDATE inlet.outbox SET state = 'sent', message_id = (SELECT id FROM m)
             WHERE id = (SELECT id FROM o))"),
            { reply.text, reply.text }));
        QTRY_VERIFY_WITH_TIMEOUT(
            model.index(model.rowOfMessage(*queued)).data(MessageListModel::SentByRole).toString()
                == kAgentName,
            15'000);
        QVERIFY(!model.index(model.rowOfMessage(*queued))
                     .data(MessageListModel::SentElsewhereRole)
                     .toBool());

        // Typed on the phone: Instagram's echo has no agent.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral(
                "INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, "
                "text, created_ms) VALUES (?, ?, 'mid.echo.1', true, 'from the phone', "
                "1800000001000)"),
            { m_account, m_conversation }));
        int echo = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            (echo = rowWithText(model, QStringLiteral("from the phone"))) >= 0, 15'000);
        QVERIFY(model.index(echo).data(MessageListModel::SentElsewhereRole).toBool());
        QVERIFY(model.index(echo).data(MessageListModel::SentByRole).toString().isEmpty());
        // The echo came first, then the server recorded which agent sent it: the agent's name.
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.messages SET sent_by = 'ana' WHERE mid = 'mid.echo.1'")));
        QTRY_COMPARE_WITH_TIMEOUT(model.index(rowWithText(model, QStringLiteral("from the phone")))
                                      .data(MessageListModel::SentByRole)
                                      .toString(),
            kAgentName, 15'000);
        QVERIFY(!model.index(rowWithText(model, QStringLiteral("from the phone")))
                     .data(MessageListModel::SentElsewhereRole)
                     .toBool());
        // The customer's message names nobody.
        const int incoming = rowWithText(model, QStringLiteral("Do you ship to Vienna?"));
        QVERIFY(!model.index(incoming).data(MessageListModel::SentElsewhereRole).toBool());

        // The manager's reaction and mark_seen: into inlet.outbox as the agent (never the Graph
        // API, which has no token here); the bubble shows the reaction at once.
        QVERIFY(core->reactions()->isStarted());
        const qint64 vienna = model.index(incoming).data(MessageListModel::IdRole).toLongLong();
        QVERIFY(test::awaitResult(core->reactions()->react(vienna, QStringLiteral("love"))));
        QVERIFY(core->senderActions()->markSeen(kAccount, kCustomer));
        core->senderActions()->typingOn(kAccount, kCustomer); // not relayed: only logged
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral(
                    "SELECT agent_role || ' ' || kind || ' ' || body::text FROM "
                    "inlet.outbox WHERE kind IN ('reaction', 'mark_seen') ORDER BY kind DESC")),
            (QStringList {
                QStringLiteral("ana reaction {\"mid\": \"mid.in.1\", \"action\": \"react\", "
                               "\"reaction\": \"love\"}"),
                QStringLiteral("ana mark_seen {}") }),
            15'000);
        QVERIFY(model.index(rowWithText(model, QStringLiteral("Do you ship to Vienna?")))
                    .data(MessageListModel::ReactionsRole)
                    .toStringList()
                    .contains(QStringLiteral("\u2764\ufe0f")));
        // The reaction is the queue's until the server finished its row.
        QCOMPARE(core->reactions()->pendingCount(), 1);

        // The server could not send it (the conversation's window closed): the row comes back
        // failed through the change log; the bubble loses the reaction and the conversation
        // lists the failure, as when the desktop's own Send API call failed.
        QSignalSpy failed(core->reactions(), &ReactionQueue::failed);
        Error closed = Error::make(
            Error::Kind::Graph, QStringLiteral("This message is sent outside of allowed window."));
        closed.code = 10;
        closed.subcode = 2534022;
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.outbox SET state = 'failed', error_text = ? "
                           "WHERE kind = 'reaction'"),
            { SendFailure { SendFailure::Stage::Send, closed }.encode() }));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15'000);
        QCOMPARE(core->reactions()->pendingCount(), 0);
        const auto failures = core->reactions()->failedReactions(kAccount, kCustomer);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(SendFailure::decode(failures.first().errorText).reason(),
            SendFailure::Reason::OutsideWindow);
        QTRY_VERIFY_WITH_TIMEOUT(
            !model.index(rowWithText(model, QStringLiteral("Do you ship to Vienna?")))
                 .data(MessageListModel::ReactionsRole)
                 .toStringList()
                 .contains(QStringLiteral("\u2764\ufe0f")),
            15'000);
        // Tried again and sent this time: shown again, and the queue is empty.
        QVERIFY(test::awaitResult(core->reactions()->retry(failures.first().id)));
        QTRY_COMPARE_WITH_TIMEOUT(
            TeamDb::column(m_db.server,
                QStringLiteral("SELECT count(*) FROM inlet.outbox WHERE kind = 'reaction' "
                               "AND state = 'queued'")),
            QStringList { QStringLiteral("1") }, 15'000);
        QVERIFY(model.index(rowWithText(model, QStringLiteral("Do you ship to Vienna?")))
                    .data(MessageListModel::ReactionsRole)
                    .toStringList()
                    .contains(QStringLiteral("\u2764\ufe0f")));
        QVERIFY(team::sql::exec(m_db.server,
            QStringLiteral("UPDATE inlet.outbox SET state = 'sent' WHERE kind = 'reaction' AND "
                           "state = 'queued'")));
        QTRY_COMPARE_WITH_TIMEOUT(core->reactions()->pendingCount(), 0, 15'000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(core->reactions()->failedReactions(kAccount, kCustomer).isEmpty());
        QVERIFY(model.index(rowWithText(model, QStringLiteral("Do you ship to Vienna?")))
                    .data(MessageListModel::ReactionsRole)
                    .toStringList()
                    .contains(QStringLiteral("\u2764\ufe0f")));
    }

    // The status bar: connected as the agent; with the database down, offline with the reply
    // that waits; the reply goes once the database is back.
    void statusBarFollowsTheTeam()
    {
        LifecycleOptions options;
        options.dataDir = m_profile.path();
        auto opened = CoreLifecycle::open(options);
        QVERIFY(opened);
        std::unique_ptr<CoreLifecycle> life = std::move(*opened);
        QVERIFY(life->team());
        app::TeamIndicator indicator(life->team(), life->core()->outbox());
        life->start();
        QTRY_COMPARE_WITH_TIMEOUT(
            indicator.text(), QStringLiteral("Team: connected as ana"), 15'000);

        QVERIFY2(m_db.cluster.stop(), qPrintable(m_db.cluster.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(indicator.text(), QStringLiteral("Team: offline"), 20'000);
        OutgoingMessage reply;
        reply.accountId = kAccount;
        reply.customerId = kCustomer;
        reply.text = QStringLiteral("Written while the database was away.");
        QVERIFY(test::awaitResult(life->core()->outbox()->send(reply)));
        QTRY_COMPARE_WITH_TIMEOUT(
            indicator.text(), QStringLiteral("Team: offline, 1 reply(s) queued"), 10'000);

        QVERIFY2(m_db.cluster.start(), qPrintable(m_db.cluster.errorString()));
        m_db.server = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(m_db.server.isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(
            indicator.text(), QStringLiteral("Team: connected as ana"), 40'000);
        QTRY_COMPARE_WITH_TIMEOUT(TeamDb::column(m_db.server,
                                      QStringLiteral("SELECT agent_role FROM inlet.outbox WHERE "
                                                     "body->>'text' = ?"),
                                      { reply.text }),
            QStringList { kAgent }, 40'000);
    }

    // File > Team without a restart: a running solo core switches into team mode (the follower,
    // the replica's accounts, replies into inlet.outbox) and back out of it (no follower, no
    // hand-off: a reply stays with the solo outbox).
    void switchesIntoAndOutOfTeamModeWithoutARestart()
    {
        QTemporaryDir profile;
        LifecycleOptions options;
        options.dataDir = profile.path();
        auto opened = CoreLifecycle::open(options);
        QVERIFY(opened);
        std::unique_ptr<CoreLifecycle> life = std::move(*opened);
        QVERIFY(!life->team());
        CoreServices *core = life->core();
        QList<TeamMode *> changed; // each teamChanged()
        connect(life.get(), &CoreLifecycle::teamChanged, this,
            [&changed](TeamMode *team) { changed.append(team); });
        life->start(); // solo: no App ID and no account, so no webhook server and no sync
        QTest::qWait(200);

        // What File > Team's Save does: the password into the keychain, then inlet.ini.
        TeamSettings team;
        team.host = m_db.cluster.host();
        team.port = m_db.cluster.port();
        team.database = kDatabase;
        team.role = kAgent;
        team.sslMode = QStringLiteral("disable");
        auto connection = team.connection();
        QVERIFY(connection);
        QVERIFY(test::awaitResult(core->vault()->write(connection->vaultKey(), kPassword)));
        team.save(*life->settings());
        life->enterTeam();
        QCOMPARE(changed.count(), 1);
        QVERIFY(life->team());
        QCOMPARE(changed.at(0), life->team());
        QTRY_COMPARE_WITH_TIMEOUT(life->team()->state(), TeamMode::State::Connected, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(localConversation(core->store()) > 0, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!core->accounts()->accounts().isEmpty()
                && !core->accounts()->accounts().constFirst().needsSignIn,
            15'000);
        QTRY_VERIFY_WITH_TIMEOUT(core->outbox()->isStarted(), 15'000);
        OutgoingMessage reply;
        reply.accountId = kAccount;
        reply.customerId = kCustomer;
        reply.text = QStringLiteral("Sent after switching live.");
        QVERIFY(test::awaitResult(core->outbox()->send(reply)));
        QTRY_COMPARE_WITH_TIMEOUT(TeamDb::column(m_db.server,
                                      QStringLiteral("SELECT agent_role FROM inlet.outbox WHERE "
                                                     "body->>'text' = ?"),
                                      { reply.text }),
            QStringList { kAgent }, 15'000);

        // Leave team mode: no follower, no hand-off.
        TeamSettings::clear(*life->settings());
        life->leaveTeam();
        QVERIFY(!life->team());
        QCOMPARE(changed.count(), 2);
        QVERIFY(changed.at(1) == nullptr);
        reply.text = QStringLiteral("Written after leaving the team.");
        QVERIFY(test::awaitResult(core->outbox()->send(reply)));
        QVERIFY(m_db.addMessage(m_account, m_conversation, QStringLiteral("mid.after.leaving"),
                    QStringLiteral("Not for a solo desktop"))
            > 0);
        QTest::qWait(2000);
        QVERIFY(TeamDb::column(m_db.server,
            QStringLiteral("SELECT agent_role FROM inlet.outbox WHERE body->>'text' = ?"),
            { reply.text })
                    .isEmpty());
        MessageListModel model(std::make_shared<StoreInboxSource>(core->store()->readers()));
        feedModels(core->store(), nullptr, &model);
        QVERIFY(test::openMessages(model, localConversation(core->store())));
        QCOMPARE(rowWithText(model, QStringLiteral("Not for a solo desktop")), -1);
        QVERIFY(rowWithText(model, QStringLiteral("Do you ship to Vienna?")) >= 0);
    }

    // The real windowed app on this profile starts in team mode (its composition root: the
    // follower connects as the agent with the password from the keychain, no webhook server).
    void theAppStartsInTeamMode()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("inlet.*.debug=true"));
        env.remove(QStringLiteral("INLET_TEAM_PASSWORD"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        QByteArray output;
        connect(&app, &QProcess::readyRead, this, [&] { output += app.readAll(); });
        app.start(QStringLiteral(INLET_BINARY_DIR "/src/app/inlet"),
            { QStringLiteral("--data-dir"), m_profile.path() });
        QVERIFY(app.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(output.contains("replica: connected to postgresql://ana@"),
            output.right(2000).constData(), 30'000);
        QVERIFY2(!output.contains("webhook"), output.right(2000).constData());
        QVERIFY(!output.contains(kPassword.toUtf8()));
        if (qEnvironmentVariableIsSet("TST_TEAMMODE_DUMP"))
            qInfo().noquote() << output;
        app.terminate();
        if (!app.waitForFinished(10'000)) {
            app.kill();
            app.waitForFinished();
        }
    }

    // Leave team mode: the next start is solo again, and the password is gone from the keychain.
    void leavingTeamModeForgetsThePassword()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        TokenVault vault(QStringLiteral("inlet"));
        const QString key = TeamSettings::load(settings).connection()->vaultKey();
        app::TeamDialog *dialog = app::openTeamDialog(&settings, &vault, nullptr, nullptr);
        QVERIFY(dialog->leaveButton()->isEnabled());
        dialog->leaveButton()->click();
        QVERIFY(!TeamSettings::load(settings).isSet());
        QVERIFY(!dialog->leaveButton()->isEnabled());
        delete dialog;
        QTRY_VERIFY_WITH_TIMEOUT(!test::awaitResult(vault.read(key)), 10'000);

        LifecycleOptions options;
        options.dataDir = m_profile.path();
        auto opened = CoreLifecycle::open(options);
        QVERIFY(opened);
        QVERIFY(!(*opened)->team());
    }
};

QTEST_MAIN(TstTeamMode)
#include "tst_teammode.moc"
