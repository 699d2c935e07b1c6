#include "service/teammode.h"

#include "auth/tokenvault.h"
#include "common/ondone.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "outbox/senderactions.h"
#include "store/store.h"
#include "team/teamactiontransport.h"
#include "team/teampresence.h"
#include "team/teamreplyhandoff.h"

#include <QDateTime>
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
{
}

TeamMode::~TeamMode()
{
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
    if (!m_follower)
        return wordedFuture(notStarted<Result<qint64>>());
    return wordedFuture(m_follower->saveLabel(label));
}

QFuture<Status> TeamMode::removeLabel(qint64 id)
{
    if (!m_follower)
        return wordedFuture(notStarted<Status>());
    return wordedFuture(m_follower->removeLabel(id));
}

QFuture<Status> TeamMode::setConversationLabel(qint64 conversationId, qint64 labelId, bool on)
{
    if (!m_follower)
        return wordedFuture(notStarted<Status>());
    return wordedFuture(m_follower->setConversationLabel(conversationId, labelId, on));
}

QFuture<Result<qint64>> TeamMode::saveReply(const SavedReply &reply)
{
    if (!m_follower)
        return wordedFuture(notStarted<Result<qint64>>());
    return wordedFuture(m_follower->saveReply(reply));
}

QFuture<Status> TeamMode::removeReply(qint64 id)
{
    if (!m_follower)
        return wordedFuture(notStarted<Status>());
    return wordedFuture(m_follower->removeReply(id));
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
