#include "service/triagewritequeue.h"

#include "common/logging.h"
#include "common/ondone.h"
#include "service/triagewrites.h"
#include "store/labelwriter.h"
#include "store/savedreplywriter.h"
#include "store/store.h"
#include "store/storewriter.h"
#include "store/writesession.h"
#include "team/teamsql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace inlet {

namespace {

constexpr int kRetryMs = 5000;

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
qint64 num(const QJsonObject &o, const char *key)
{
    return qint64(o.value(QLatin1String(key)).toDouble());
}

Result<QSqlQuery *> oneRow(WriteSession &s, const QString &sql, const QVariantList &values)
{
    auto q = s.run(sql, values);
    if (!q)
        return std::unexpected(q.error());
    if (!(*q)->next()) {
        (*q)->finish();
        return nullptr;
    }
    return *q;
}

// Applies one write to the local store (on the writer thread). With `undo`: appends what undoes
// it and fixes `write`'s ids to the local ones the team write will name.
Result<qint64> applyLocally(WriteContext &c, QJsonObject &write, QJsonArray *undo)
{
    LabelWriter labels(c.session);
    SavedReplyWriter replies(c.session);
    const QString op = str(write, "op");
    if (op == QLatin1String("saveLabel")) {
        const qint64 id = num(write, "id");
        if (undo && id) {
            auto old = oneRow(
                c.session, QStringLiteral("SELECT name, colour FROM labels WHERE id = ?"), { id });
            if (!old)
                return std::unexpected(old.error());
            if (*old) {
                undo->append(
                    QJsonObject { { QStringLiteral("op"), op }, { QStringLiteral("id"), id },
                        { QStringLiteral("name"), (*old)->value(0).toString() },
                        { QStringLiteral("colour"), (*old)->value(1).toString() } });
                (*old)->finish();
            }
        }
        auto saved = labels.save(
            { id, str(write, "name"), str(write, "colour") }, c.session.now(), c.change);
        if (!saved)
            return saved;
        if (undo && !id) // added: its local id is the one the team write names
            undo->append(QJsonObject { { QStringLiteral("op"), QStringLiteral("removeLabel") },
                { QStringLiteral("id"), *saved } });
        write.insert(QStringLiteral("id"), *saved);
        return saved;
    }
    if (op == QLatin1String("restoreLabel")) { // the undo of a removal: the label and where it was
        auto saved = labels.save(
            { 0, str(write, "name"), str(write, "colour") }, c.session.now(), c.change);
        if (!saved)
            return saved;
        for (const QJsonValue &conversation : write.value(QLatin1String("conversations")).toArray())
            if (Status on
                = labels.setOnConversation(qint64(conversation.toDouble()), *saved, true, c.change);
                !on)
                return std::unexpected(on.error());
        return saved;
    }
    if (op == QLatin1String("removeLabel")) {
        const qint64 id = num(write, "id");
        if (undo) {
            auto old = oneRow(
                c.session, QStringLiteral("SELECT name, colour FROM labels WHERE id = ?"), { id });
            if (!old)
                return std::unexpected(old.error());
            if (*old) {
                QJsonObject restore { { QStringLiteral("op"), QStringLiteral("restoreLabel") },
                    { QStringLiteral("name"), (*old)->value(0).toString() },
                    { QStringLiteral("colour"), (*old)->value(1).toString() } };
                (*old)->finish();
                auto on = c.session.run(QStringLiteral("SELECT conversation_id FROM "
                                                       "conversation_labels WHERE label_id = ?"),
                    { id });
                if (!on)
                    return std::unexpected(on.error());
                QJsonArray conversations;
                while ((*on)->next())
                    conversations.append((*on)->value(0).toLongLong());
                (*on)->finish();
                restore.insert(QStringLiteral("conversations"), conversations);
                write.insert(QStringLiteral("name"), restore.value(QLatin1String("name")));
                undo->append(restore);
            }
        }
        if (Status removed = labels.remove(id, c.change); !removed)
            return std::unexpected(removed.error());
        return id;
    }
    if (op == QLatin1String("setConversationLabel")) {
        const qint64 conversation = num(write, "conversation");
        const qint64 label = num(write, "label");
        const bool on = write.value(QLatin1String("on")).toBool();
        if (undo) {
            auto was = oneRow(c.session,
                QStringLiteral("SELECT count(*) FROM conversation_labels WHERE conversation_id = ? "
                               "AND label_id = ?"),
                { conversation, label });
            if (!was)
                return std::unexpected(was.error());
            const bool wasOn = *was && (*was)->value(0).toLongLong() > 0;
            if (*was)
                (*was)->finish();
            if (wasOn != on) {
                QJsonObject back = write;
                back.insert(QStringLiteral("on"), wasOn);
                undo->append(back);
            }
            auto name = oneRow(
                c.session, QStringLiteral("SELECT name FROM labels WHERE id = ?"), { label });
            if (name && *name) {
                write.insert(QStringLiteral("name"), (*name)->value(0).toString());
                (*name)->finish();
            }
        }
        if (Status set = labels.setOnConversation(conversation, label, on, c.change); !set)
            return std::unexpected(set.error());
        return 0;
    }
    if (op == QLatin1String("saveReply")) {
        const qint64 id = num(write, "id");
        if (undo && id) {
            auto old = oneRow(c.session,
                QStringLiteral("SELECT title, shortcut, text FROM saved_replies WHERE id = ?"),
                { id });
            if (!old)
                return std::unexpected(old.error());
            if (*old) {
                undo->append(
                    QJsonObject { { QStringLiteral("op"), op }, { QStringLiteral("id"), id },
                        { QStringLiteral("title"), (*old)->value(0).toString() },
                        { QStringLiteral("shortcut"), (*old)->value(1).toString() },
                        { QStringLiteral("text"), (*old)->value(2).toString() } });
                (*old)->finish();
            }
        }
        SavedReply reply;
        reply.id = id;
        reply.title = str(write, "title");
        reply.shortcut = str(write, "shortcut");
        reply.text = str(write, "text");
        auto saved = replies.save(reply, c.session.now(), c.change);
        if (!saved)
            return saved;
        if (undo && !id)
            undo->append(QJsonObject { { QStringLiteral("op"), QStringLiteral("removeReply") },
                { QStringLiteral("id"), *saved } });
        write.insert(QStringLiteral("id"), *saved);
        return saved;
    }
    if (op == QLatin1String("removeReply")) {
        const qint64 id = num(write, "id");
        if (undo) {
            auto old = oneRow(c.session,
                QStringLiteral("SELECT title, shortcut, text FROM saved_replies WHERE id = ?"),
                { id });
            if (!old)
                return std::unexpected(old.error());
            if (*old) {
                undo->append(QJsonObject { { QStringLiteral("op"), QStringLiteral("saveReply") },
                    { QStringLiteral("id"), 0 },
                    { QStringLiteral("title"), (*old)->value(0).toString() },
                    { QStringLiteral("shortcut"), (*old)->value(1).toString() },
                    { QStringLiteral("text"), (*old)->value(2).toString() } });
                write.insert(QStringLiteral("title"), (*old)->value(0).toString());
                (*old)->finish();
            }
        }
        if (Status removed = replies.remove(id, c.change); !removed)
            return std::unexpected(removed.error());
        return id;
    }
    return fail(Error::Kind::Invalid, QStringLiteral("unknown queued write %1").arg(op));
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
QString json(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

template <typename T> QFuture<T> finished(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

TriageWriteQueue::TriageWriteQueue(Store *store, Send send, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_send(std::move(send))
{
    Q_ASSERT(store);
    // While writes wait, try again now and then (the connection may be back without a new state).
    auto *retry = new QTimer(this);
    retry->setInterval(kRetryMs);
    connect(retry, &QTimer::timeout, this, &TriageWriteQueue::flush);
    connect(this, &TriageWriteQueue::pendingChanged, retry, [retry](int count) {
        if (count > 0 && !retry->isActive())
            retry->start();
        else if (count == 0)
            retry->stop();
    });
}

void TriageWriteQueue::load()
{
    auto count = std::make_shared<qint64>(0);
    onDone(m_store->write([count](WriteContext &c) -> Status {
        auto q = oneRow(c.session, QStringLiteral("SELECT count(*) FROM team_pending_writes"), {});
        if (!q)
            return std::unexpected(q.error());
        if (*q) {
            *count = (*q)->value(0).toLongLong();
            (*q)->finish();
        }
        return {};
    }),
        this, [this, count](const Status &loaded) {
            if (!loaded) {
                qCWarning(lcTeam) << "queued team writes not read:" << loaded.error().message;
                return;
            }
            setPending(int(*count));
            flush(); // the connection may be there already
        });
}

void TriageWriteQueue::setPending(int count)
{
    m_pending = count;
    emit pendingChanged(count);
}

QFuture<Result<qint64>> TriageWriteQueue::saveLabel(const Label &label)
{
    return write(
        { { QStringLiteral("op"), QStringLiteral("saveLabel") }, { QStringLiteral("id"), label.id },
            { QStringLiteral("name"), label.name }, { QStringLiteral("colour"), label.colour } });
}

QFuture<Status> TriageWriteQueue::removeLabel(qint64 id)
{
    return write(
        { { QStringLiteral("op"), QStringLiteral("removeLabel") }, { QStringLiteral("id"), id } })
        .then([](const Result<qint64> &r) -> Status {
            if (!r)
                return std::unexpected(r.error());
            return {};
        });
}

QFuture<Status> TriageWriteQueue::setConversationLabel(
    qint64 conversationId, qint64 labelId, bool on)
{
    return write({ { QStringLiteral("op"), QStringLiteral("setConversationLabel") },
                     { QStringLiteral("conversation"), conversationId },
                     { QStringLiteral("label"), labelId }, { QStringLiteral("on"), on } })
        .then([](const Result<qint64> &r) -> Status {
            if (!r)
                return std::unexpected(r.error());
            return {};
        });
}

QFuture<Result<qint64>> TriageWriteQueue::saveReply(const SavedReply &reply)
{
    return write({ { QStringLiteral("op"), QStringLiteral("saveReply") },
        { QStringLiteral("id"), reply.id }, { QStringLiteral("title"), reply.title },
        { QStringLiteral("shortcut"), reply.shortcut }, { QStringLiteral("text"), reply.text } });
}

QFuture<Status> TriageWriteQueue::removeReply(qint64 id)
{
    return write(
        { { QStringLiteral("op"), QStringLiteral("removeReply") }, { QStringLiteral("id"), id } })
        .then([](const Result<qint64> &r) -> Status {
            if (!r)
                return std::unexpected(r.error());
            return {};
        });
}

QFuture<Result<qint64>> TriageWriteQueue::write(const QJsonObject &write)
{
    if (m_pending > 0 || m_flushing)
        return queueLocally(write); // behind the ones waiting: the order holds
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    promise->start();
    onDone(m_send(write), this, [this, write, promise](const Result<qint64> &sent) {
        if (sent || sent.error().code != triagewrites::TeamUnreachable) {
            promise->addResult(sent);
            promise->finish();
            return;
        }
        onDone(queueLocally(write), this, [promise](const Result<qint64> &queued) {
            promise->addResult(queued);
            promise->finish();
        });
    });
    return promise->future();
}

QFuture<Result<qint64>> TriageWriteQueue::queueLocally(const QJsonObject &write)
{
    auto id = std::make_shared<qint64>(0);
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    promise->start();
    // The local change and the queued write in one transaction: both or neither.
    onDone(m_store->write([write, id](WriteContext &c) -> Status {
        QJsonObject toSend = write;
        QJsonArray undo;
        auto applied = applyLocally(c, toSend, &undo);
        if (!applied)
            return std::unexpected(applied.error());
        *id = *applied;
        auto q = c.session.run(QStringLiteral("INSERT INTO team_pending_writes (write, undo, "
                                              "created_ms) VALUES (?, ?, ?)"),
            { json(toSend), json(undo), c.session.now() });
        if (!q)
            return std::unexpected(q.error());
        return {};
    }),
        this, [this, id, promise](const Status &stored) {
            if (stored) {
                setPending(m_pending + 1);
                promise->addResult(Result<qint64>(*id));
            } else {
                promise->addResult(Result<qint64>(std::unexpected(stored.error())));
            }
            promise->finish();
        });
    return promise->future();
}

void TriageWriteQueue::flush()
{
    if (m_flushing || m_pending == 0)
        return;
    m_flushing = true;
    sendNext();
}

void TriageWriteQueue::sendNext()
{
    struct Next {
        qint64 id = 0;
        QJsonObject write;
        QJsonArray undo;
    };
    auto next = std::make_shared<Next>();
    onDone(m_store->write([next](WriteContext &c) -> Status {
        auto q = oneRow(c.session,
            QStringLiteral("SELECT id, write, undo FROM team_pending_writes ORDER BY id LIMIT 1"),
            {});
        if (!q)
            return std::unexpected(q.error());
        if (*q) {
            next->id = (*q)->value(0).toLongLong();
            next->write = QJsonDocument::fromJson((*q)->value(1).toString().toUtf8()).object();
            next->undo = QJsonDocument::fromJson((*q)->value(2).toString().toUtf8()).array();
            (*q)->finish();
        }
        return {};
    }),
        this, [this, next](const Status &read) {
            if (!read || !next->id) {
                if (!read)
                    qCWarning(lcTeam) << "queued team writes not read:" << read.error().message;
                else
                    setPending(0);
                m_flushing = false;
                return;
            }
            onDone(m_send(next->write), this, [this, next](const Result<qint64> &sent) {
                if (!sent && sent.error().code == triagewrites::TeamUnreachable) {
                    m_flushing = false; // still away: the next flush tries again
                    return;
                }
                // Taking away what the team no longer has is done, not refused (nothing to undo:
                // undoing would bring back here what the team deleted).
                const QString op = next->write.value(QLatin1String("op")).toString();
                const bool removal = op == QLatin1String("removeLabel")
                    || op == QLatin1String("removeReply")
                    || (op == QLatin1String("setConversationLabel")
                        && !next->write.value(QLatin1String("on")).toBool());
                const bool gone = !sent && sent.error().kind == Error::Kind::Invalid
                    && (sent.error().code == int(label::NotFound)
                        || sent.error().code == int(savedreply::NotFound));
                const bool refused = !sent && !(removal && gone);
                // Sent: forgotten. Refused: undone here (newest change first), then forgotten.
                onDone(m_store->write([next, refused](WriteContext &c) -> Status {
                    if (refused) {
                        for (qsizetype i = next->undo.size() - 1; i >= 0; --i) {
                            QJsonObject step = next->undo.at(i).toObject();
                            if (auto undone = applyLocally(c, step, nullptr); !undone)
                                qCWarning(lcTeam)
                                    << "a refused team write not undone:" << undone.error().message;
                        }
                    }
                    auto q = c.session.run(
                        QStringLiteral("DELETE FROM team_pending_writes WHERE id = ?"),
                        { next->id });
                    if (!q)
                        return std::unexpected(q.error());
                    return {};
                }),
                    this, [this, next, refused, sent](const Status &done) {
                        if (!done) {
                            qCWarning(lcTeam)
                                << "a sent team write not forgotten:" << done.error().message;
                            m_flushing = false;
                            return;
                        }
                        setPending(std::max(0, m_pending - 1));
                        if (refused) {
                            qCInfo(lcTeam) << "a queued team write was refused and undone:"
                                           << sent.error().message;
                            emit rolledBack(next->write, sent.error());
                        }
                        sendNext();
                    });
            });
        });
}

} // namespace inlet
