#include "team/teampresence.h"

#include "team/teamsql.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

namespace inlet::team {

namespace {
const QString kPresenceChannel = QStringLiteral("inlet_presence");
}

// ---- the worker, on the presence thread ----

class PresenceWorker : public QObject {
    Q_OBJECT
public:
    PresenceWorker(TeamConnection connection, TeamPresence::Options options)
        : m_connection(std::move(connection))
        , m_options(options)
        , m_name(
              QStringLiteral("inlet-presence-%1").arg(QUuid::createUuid().toString(QUuid::Id128)))
    {
    }

    void start()
    {
        m_heartbeat = new QTimer(this);
        m_heartbeat->setInterval(m_options.heartbeatMs);
        connect(m_heartbeat, &QTimer::timeout, this, &PresenceWorker::publish);
        m_poll = new QTimer(this);
        m_poll->setInterval(m_options.pollMs);
        connect(m_poll, &QTimer::timeout, this, &PresenceWorker::read);
        m_typingEnds = new QTimer(this);
        m_typingEnds->setSingleShot(true);
        connect(m_typingEnds, &QTimer::timeout, this, [this] {
            m_typing = false;
            publish();
        });
        m_retry = new QTimer(this);
        m_retry->setSingleShot(true);
        m_retry->setInterval(m_options.retryMs);
        connect(m_retry, &QTimer::timeout, this, &PresenceWorker::connectNow);
        m_heartbeat->start();
        m_poll->start();
        connectNow();
    }

    void stop()
    {
        m_account.clear();
        m_customer.clear();
        if (m_db.isOpen())
            (void)sql::exec(
                m_db, QStringLiteral("DELETE FROM inlet.presence WHERE agent_role = current_user"));
        close();
    }

    void setConversation(const QString &accountId, const QString &customerId)
    {
        if (accountId == m_account && customerId == m_customer)
            return;
        m_account = accountId;
        m_customer = customerId;
        m_typing = false;
        m_typingEnds->stop();
        m_reported = false; // the caller cleared its list: report the new one even if the same
        publish();
        read();
    }

    void typing()
    {
        if (m_account.isEmpty())
            return;
        m_typingEnds->start(m_options.typingForMs);
        if (m_typing)
            return; // already said so: the heartbeat keeps it fresh
        m_typing = true;
        publish();
    }

signals:
    void othersChanged(const QList<inlet::team::PresenceEntry> &others);

private:
    void connectNow()
    {
        close();
        m_db = m_connection.addDatabase(m_name, m_options.connectTimeoutS);
        if (!m_db.open()) {
            qCWarning(lcTeam).noquote() << "presence: cannot connect:" << m_db.lastError().text();
            close();
            m_retry->start();
            return;
        }
        QSqlDriver *driver = m_db.driver();
        if (!driver->subscribeToNotification(kPresenceChannel)) {
            failed(sql::toError(driver->lastError(), QStringLiteral("LISTEN")));
            return;
        }
        // The payload is an account id and any role may send one: only a hint to read again.
        connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                if (name == kPresenceChannel)
                    read();
            });
        publish();
        read();
    }

    void close()
    {
        if (m_db.isOpen()) {
            if (QSqlDriver *driver = m_db.driver())
                driver->disconnect(this);
            m_db.close();
        }
        const bool had = m_db.isValid();
        m_db = QSqlDatabase();
        if (had)
            QSqlDatabase::removeDatabase(m_name);
    }

    void failed(const Error &error)
    {
        qCWarning(lcTeam).noquote() << "presence: team database error:" << error.message;
        close();
        if (!m_others.isEmpty()) {
            m_others.clear(); // unknown while away: say nothing rather than something old
            emit othersChanged(m_others);
        }
        m_retry->start();
    }

    // This agent's row: the conversation it looks at (found through its own row-level
    // security) and whether it types; none when it looks at none.
    void publish()
    {
        if (!m_db.isOpen())
            return;
        Status ok = m_account.isEmpty()
            ? sql::exec(
                m_db, QStringLiteral("DELETE FROM inlet.presence WHERE agent_role = current_user"))
            : sql::exec(m_db,
                QStringLiteral(
                    "INSERT INTO inlet.presence (agent_role, account_id, conversation_id, "
                    "typing) SELECT current_user, c.account_id, c.id, ?::boolean "
                    "FROM inlet.conversations c JOIN inlet.accounts a ON a.id = c.account_id "
                    "JOIN inlet.contacts p ON p.id = c.contact_id AND p.account_id = "
                    "c.account_id WHERE a.ig_user_id = ? AND p.igsid = ? "
                    "ON CONFLICT (agent_role) DO UPDATE SET account_id = EXCLUDED.account_id, "
                    "conversation_id = EXCLUDED.conversation_id, typing = EXCLUDED.typing, "
                    "seen_at = now()"),
                { m_typing, m_account, m_customer });
        if (!ok)
            failed(ok.error());
    }

    // Who else is on this agent's conversation (fresh rows only).
    void read()
    {
        if (!m_db.isOpen())
            return;
        QList<PresenceEntry> others;
        if (!m_account.isEmpty()) {
            QSqlQuery q(m_db);
            Status ok = sql::exec(q,
                QStringLiteral(
                    "SELECT s.agent_role, s.typing FROM inlet.presence s "
                    "JOIN inlet.conversations c ON c.id = s.conversation_id "
                    "JOIN inlet.accounts a ON a.id = c.account_id "
                    "JOIN inlet.contacts p ON p.id = c.contact_id AND p.account_id = c.account_id "
                    "WHERE a.ig_user_id = ? AND p.igsid = ? AND s.agent_role <> current_user "
                    "AND s.seen_at > now() - make_interval(secs => ?) ORDER BY s.agent_role"),
                { m_account, m_customer, m_options.staleAfterS });
            if (!ok) {
                failed(ok.error());
                return;
            }
            while (q.next())
                others.append({ q.value(0).toString(), q.value(1).toBool() });
        }
        if (others != m_others || !m_reported) {
            m_others = others;
            m_reported = true;
            emit othersChanged(others);
        }
    }

    TeamConnection m_connection;
    TeamPresence::Options m_options;
    QString m_name;
    QSqlDatabase m_db;
    QString m_account;
    QString m_customer;
    bool m_typing = false;
    QList<PresenceEntry> m_others;
    bool m_reported = false;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_poll = nullptr;
    QTimer *m_typingEnds = nullptr;
    QTimer *m_retry = nullptr;
};

// ---- TeamPresence ----

TeamPresence::TeamPresence(TeamConnection connection, Options options, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_options(options)
{
}

TeamPresence::~TeamPresence()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &PresenceWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void TeamPresence::start()
{
    if (m_thread)
        return;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("inlet-team-presence"));
    m_worker = new PresenceWorker(m_connection, m_options);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connect(
        m_worker, &PresenceWorker::othersChanged, this, [this](const QList<PresenceEntry> &others) {
            m_others = others;
            emit othersChanged(others);
        });
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &PresenceWorker::start, Qt::QueuedConnection);
}

void TeamPresence::setConversation(const QString &accountId, const QString &customerId)
{
    // Who was on the previous conversation is not on this one: nobody until the worker says.
    if (!m_others.isEmpty()) {
        m_others.clear();
        emit othersChanged(m_others);
    }
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, accountId, customerId] {
            worker->setConversation(accountId, customerId);
        });
}

void TeamPresence::typing()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->typing(); });
}

} // namespace inlet::team

#include "teampresence.moc"
