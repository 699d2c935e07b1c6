#include "service/teammode.h"

#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "outbox/senderactions.h"
#include "service/triagewritequeue.h"
#include "store/store.h"
#include "team/teamactiontransport.h"
#include "team/teampresence.h"
#include "team/teamreplyhandoff.h"

#include <QDateTime>
#include <QJsonObject>
#include <QPromise>
#include <QUuid>

namespace inlet {

TeamMode::TeamMode(Store *store, Outbox *outbox, TokenVault *vault, team::TeamConnection connection,
    team::FollowerOptions options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_vault(vault)
    , m_connection(std::move(connection))
    , m_options(options)
    , m_writeQueue(std::make_unique<TriageWriteQueue>(
          store, [this](const QJsonObject &write) { return sendQueuedWrite(write); }))
{
    m_writeQueue->load();
}

TeamMode::~TeamMode()
{
    m_writeQueue.reset();
    if (m_outbox && m_handOff)
        m_outbox->setHandOff(nullptr);
    m_handOff.reset();
    if (m_actionTransport) {
        m_reactions->setTransport(m_reactionsTransport);
        m_actions->setTransport(m_actionsTransport);
    }
    m_actionTransport.reset();
    m_presence.reset();
    m_follower.reset();
}

void TeamMode::setSenderQueues(ReactionQueue *reactions, SenderActions *actions)
{
    m_reactions = reactions;
    m_actions = actions;
}

void TeamMode::start()
{
    onDone(m_vault->read(m_connection.vaultKey()), this, [this](const Result<QString> &password) {
        if (!password) {
            m_lastError = password.error();
            setState(State::NoPassword);
            return;
        }
        startWithPassword(*password);
    });
}

void TeamMode::startWithPassword(const QString &password)
{
    if (m_follower)
        return;
    m_password = password;
    team::TeamConnection connection = agentConnection();
    m_follower = std::make_unique<team::ReplicaFollower>(m_store, connection, m_options);
    connect(m_follower.get(), &team::ReplicaFollower::connected, this, [this] {
        setState(State::Connected);
        m_writeQueue->flush(); // labels and saved replies written meanwhile, in order
        if (m_outbox)
            m_outbox->wake(); // replies queued while the database was away go now
        if (m_reactions)
            m_reactions->wake();
    });
    connect(
        m_follower.get(), &team::ReplicaFollower::disconnected, this, [this](const Error &error) {
            m_lastError = error;
            setState(State::Offline);
        });
    connect(m_follower.get(), &team::ReplicaFollower::caughtUp, this, &TeamMode::caughtUp);
    if (m_outbox) {
        m_handOff = std::make_unique<team::TeamReplyHandOff>(m_follower.get(), m_store->readers());
        m_outbox->setHandOff(m_handOff.get());
    }
    if (m_reactions && m_actions) {
        m_actionTransport = std::make_unique<team::TeamActionTransport>(m_follower.get());
        m_reactionsTransport = m_reactions->transport();
        m_actionsTransport = m_actions->transport();
        m_reactions->setTransport(m_actionTransport.get());
        m_actions->setTransport(m_actionTransport.get());
    }
    m_follower->start();
    if (m_presenceEnabled) {
        m_presence = std::make_unique<team::TeamPresence>(connection);
        m_presence->start();
    }
    emit started();
}

team::TeamConnection TeamMode::agentConnection() const
{
    team::TeamConnection connection = m_connection;
    connection.password = m_password;
    return connection;
}

void TeamMode::setState(State state)
{
    if (m_state == state && state != State::Offline)
        return;
    m_state = state;
    emit stateChanged(state);
}

namespace {
// What a write or read asked of team mode before it started answers.
template <typename T> QFuture<T> notStarted()
{
    QPromise<T> p;
    p.start();
    p.addResult(fail(Error::Kind::Network, QStringLiteral("team mode has not started")));
    p.finish();
    return p.future();
}
} // namespace

QFuture<Result<QList<team::TeamAgent>>> TeamMode::agents()
{
    if (!m_follower)
        return notStarted<Result<QList<team::TeamAgent>>>();
    return m_follower->agents();
}

QFuture<Status> TeamMode::assign(
    const QString &accountId, const QString &customerId, const QString &assignee)
{
    if (!m_follower)
        return notStarted<Status>();
    return m_follower->assign(accountId, customerId, assignee);
}

QFuture<Status> TeamMode::addNote(
    qint64 conversationId, const QString &accountId, const QString &customerId, const QString &text)
{
    (void)conversationId; // the team database finds it by account and customer
    if (!m_follower)
        return notStarted<Status>();
    return m_follower->addNote(accountId, customerId,
        QUuid::createUuid().toString(QUuid::WithoutBraces), text,
        QDateTime::currentMSecsSinceEpoch());
}

namespace {
// A team write's failure with its code for the app: the database unreachable, or refused (a
// label's or a reply's own problem keeps its code, which the dialogs word).
Error worded(Error e)
{
    if (e.kind == Error::Kind::Network)
        e.code = triagewrites::TeamUnreachable;
    else if (e.kind == Error::Kind::Invalid && e.code == 0)
        e.code = triagewrites::TeamRefused;
    return e;
}
template <typename T> QFuture<T> wordedFuture(QFuture<T> future)
{
    return future.then([](T result) -> T {
        if (!result)
            return std::unexpected(worded(result.error()));
        return result;
    });
}
} // namespace

QFuture<Status> TeamMode::setConversationStatus(
    qint64 conversationId, ConversationStatus status, qint64 snoozedUntilMs)
{
    if (!m_follower)
        return wordedFuture(notStarted<Status>());
    return wordedFuture(m_follower->setStatus(conversationId, status, snoozedUntilMs));
}

QFuture<Result<qint64>> TeamMode::saveLabel(const Label &label)
{
    return m_writeQueue->saveLabel(label);
}

QFuture<Status> TeamMode::removeLabel(qint64 id)
{
    return m_writeQueue->removeLabel(id);
}

QFuture<Status> TeamMode::setConversationLabel(qint64 conversationId, qint64 labelId, bool on)
{
    return m_writeQueue->setConversationLabel(conversationId, labelId, on);
}

QFuture<Result<qint64>> TeamMode::saveReply(const SavedReply &reply)
{
    return m_writeQueue->saveReply(reply);
}

QFuture<Status> TeamMode::removeReply(qint64 id)
{
    return m_writeQueue->removeReply(id);
}

QFuture<Result<qint64>> TeamMode::sendQueuedWrite(const QJsonObject &write)
{
    if (!m_follower)
        return wordedFuture(notStarted<Result<qint64>>());
    const QString op = write.value(QLatin1String("op")).toString();
    const qint64 id = qint64(write.value(QLatin1String("id")).toDouble());
    auto done = [](QFuture<Status> status) {
        return wordedFuture(status).then([](const Status &s) -> Result<qint64> {
            if (!s)
                return std::unexpected(s.error());
            return 0;
        });
    };
    if (op == QLatin1String("saveLabel"))
        return wordedFuture(
            m_follower->saveLabel({ id, write.value(QLatin1String("name")).toString(),
                write.value(QLatin1String("colour")).toString() }));
    if (op == QLatin1String("removeLabel"))
        return done(m_follower->removeLabel(id));
    if (op == QLatin1String("setConversationLabel"))
        return done(m_follower->setConversationLabel(
            qint64(write.value(QLatin1String("conversation")).toDouble()),
            qint64(write.value(QLatin1String("label")).toDouble()),
            write.value(QLatin1String("on")).toBool()));
    if (op == QLatin1String("saveReply")) {
        SavedReply reply;
        reply.id = id;
        reply.title = write.value(QLatin1String("title")).toString();
        reply.shortcut = write.value(QLatin1String("shortcut")).toString();
        reply.text = write.value(QLatin1String("text")).toString();
        return wordedFuture(m_follower->saveReply(reply));
    }
    if (op == QLatin1String("removeReply"))
        return done(m_follower->removeReply(id));
    return QtFuture::makeReadyFuture(Result<qint64>(fail(Error::Kind::Invalid,
        QStringLiteral("unknown queued write %1").arg(op), triagewrites::TeamRefused)));
}

QFuture<Result<int>> TeamMode::importReplies(const QList<SavedReply> &replies)
{
    if (!m_follower)
        return wordedFuture(notStarted<Result<int>>());
    return wordedFuture(m_follower->importReplies(replies));
}

QFuture<Status> TeamMode::editNote(qint64 messageId, const QString &clientId, const QString &text)
{
    (void)messageId; // the team database knows the note by its client id
    if (!m_follower)
        return notStarted<Status>();
    return m_follower->editNote(clientId, text);
}

QFuture<Status> TeamMode::deleteNote(qint64 messageId, const QString &clientId)
{
    (void)messageId;
    if (!m_follower)
        return notStarted<Status>();
    return m_follower->deleteNote(clientId);
}

} // namespace inlet
