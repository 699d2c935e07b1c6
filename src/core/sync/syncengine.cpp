#include "sync/syncengine.h"

#include <algorithm>

#include "common/backoff.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/grapherror.h"
#include "sync/profilecache.h"
#include "sync/requestpacer.h"
#include "sync/syncports.h"

namespace inlet {

SyncEngine::SyncEngine(QString accountId, SyncSource *source, SyncTarget *target,
                       RequestPacer *pacer, QObject *parent)
    : QObject(parent)
    , m_accountId(std::move(accountId))
    , m_source(source)
    , m_target(target)
    , m_pacer(pacer)
{
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { start(Mode::Incremental); });
}

SyncEngine::~SyncEngine()
{
    m_pacer->dropFor(this);
}

void SyncEngine::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start(ms);
}

void SyncEngine::start(Mode mode)
{
    if (m_running) {
        // A Full request wins over an Incremental one that is already remembered.
        m_rerunMode = (m_rerun && m_rerunMode == Mode::Full) ? Mode::Full : mode;
        m_rerun = true;
        return;
    }
    m_running = true;
    ++m_generation;
    m_mode = mode;
    m_report = SyncReport{};
    m_todo.clear();
    m_index = 0;
    m_pass = 1;
    m_listedInFirstPass.clear();
    qCInfo(lcSync) << "sync started" << (mode == Mode::Full ? "full" : "incremental");
    emit started(mode);
    if (m_stateLoaded) {
        begin();
        return;
    }
    const quint64 generation = m_generation;
    onDone(
        m_target->syncState(m_accountId), this, [this, generation](const Result<SyncState> &state) {
            if (!isCurrent(generation)) {
                return;
            }
            m_stateLoaded = true;
            if (state) {
                for (auto it = state->updatedMs.cbegin(); it != state->updatedMs.cend(); ++it) {
                    m_lastUpdated.insert(it.key(), it.value());
                }
                m_previousRunComplete = state->walkComplete;
                qCDebug(lcSync) << "sync state read:" << state->updatedMs.size()
                                << "conversations known";
            } else {
                qCWarning(lcSync) << "sync state unreadable, walking every conversation:"
                                  << state.error().message;
            }
            begin();
        });
}

void SyncEngine::begin()
{
    // Until this walk ends well, a restart must not stop at the first unchanged conversation.
    m_target->setSyncWalkComplete(m_accountId, false);
    listConversations({});
}

void SyncEngine::cancel()
{
    m_rerun = false;
    if (!m_running) {
        return;
    }
    m_pacer->dropFor(this);
    finish(Error::make(Error::Kind::Cancelled, QStringLiteral("sync cancelled")));
}

qint64 SyncEngine::backoffMs(int attempt) const
{
    return inlet::backoffMs(attempt + 1, m_options.backoffBaseMs, m_options.backoffMaxMs);
}

void SyncEngine::call(Request request, Done done, int rateLimited, int failed)
{
    const quint64 generation = m_generation;
    m_pacer->enqueue(this, [this, generation, request, done, rateLimited, failed] {
        if (!isCurrent(generation)) {
            return;
        }
        onDone(request(), this, [this, generation, request, done, rateLimited, failed](const Result<QJsonObject> &r) {
            if (!isCurrent(generation)) {
                return;
            }
            if (r) {
                if (const qint64 delay = m_source->suggestedDelayMs(); delay > 0) {
                    m_pacer->holdFor(delay); // usage headers near the limit: slow down early
                }
                done(r);
                return;
            }
            const Error &e = r.error();
            if (isRateLimit(e) && rateLimited < m_options.rateLimitRetries) {
                ++m_report.rateLimitHits;
                const qint64 delay = std::max(backoffMs(rateLimited), m_source->suggestedDelayMs());
                qCInfo(lcSync) << "rate limited (code" << e.code << "), backing off" << delay << "ms";
                m_pacer->holdFor(delay);
                call(request, done, rateLimited + 1, failed);
                return;
            }
            if (isTransient(e) && failed < m_options.transientRetries) {
                const qint64 delay = backoffMs(failed) / 4;
                qCInfo(lcSync) << "transient error, retrying in" << delay << "ms:" << e.message;
                m_pacer->holdFor(delay);
                call(request, done, rateLimited, failed + 1);
                return;
            }
            done(r);
        });
    });
}

// Errors that end the whole run: the token is gone, or the same failure keeps coming back.
static bool isFatal(const Error &e)
{
    return isAuthInvalid(e) || isRateLimit(e) || isTransient(e) || e.kind == Error::Kind::Cancelled;
}

void SyncEngine::listConversations(const QString &after)
{
    call([this, after] { return m_source->conversations(after, m_options.conversationPageSize); },
         [this](const Result<QJsonObject> &r) {
             if (!r) {
                 finish(r.error());
                 return;
             }
             const Result<ConversationPage> page = parseConversationPage(*r);
             if (!page) {
                 finish(page.error());
                 return;
             }
             bool reachedUnchanged = false;
             for (const ConversationRef &c : page->conversations) {
                 const auto seen = m_lastUpdated.constFind(c.id);
                 const bool unchanged = seen != m_lastUpdated.constEnd() && *seen == c.updatedMs;
                 if (m_mode == Mode::Incremental && unchanged) {
                     if (m_previousRunComplete) {
                         // Newest updated first: everything after this one is unchanged too.
                         reachedUnchanged = true;
                         break;
                     }
                     continue;
                 }
                 m_todo.append(c);
             }
             if (!reachedUnchanged && !page->after.isEmpty() && !page->conversations.isEmpty()) {
                 listConversations(page->after);
                 return;
             }
             qCDebug(lcSync) << "conversations to sync:" << m_todo.size();
             emit progress(0, int(m_todo.size()));
             processNext();
         });
}

void SyncEngine::processNext()
{
    if (m_index >= m_todo.size()) {
        if (inFirstPass() && !m_todo.isEmpty()) {
            qCInfo(lcSync) << "newest messages of" << m_todo.size() << "conversations in; reading their history";
            m_pass = 2;
            m_index = 0;
            processNext();
            return;
        }
        finish(std::nullopt);
        return;
    }
    m_listed.clear();
    m_moreListed = false;
    m_olderMissing = false;
    m_toFetch.clear();
    m_collected.clear();
    m_customers.clear();
    if (m_pass == 2) {
        if (const auto listed = m_listedInFirstPass.constFind(m_todo.at(m_index).id);
            listed != m_listedInFirstPass.constEnd()) {
            m_listed = *listed;
            checkKnown();
            return;
        }
    }
    listMessages({});
}

void SyncEngine::listMessages(const QString &after)
{
    const QString conversationId = m_todo.at(m_index).id;
    call([this, conversationId, after] { return m_source->conversationMessages(conversationId, after); },
         [this](const Result<QJsonObject> &r) {
             if (!r) {
                 if (isFatal(r.error())) {
                     finish(r.error());
                 } else {
                     qCWarning(lcSync) << "conversation skipped:" << r.error().message;
                     conversationDone();
                 }
                 return;
             }
             const Result<MessageIdPage> page = parseMessageIdPage(*r);
             if (!page) {
                 qCWarning(lcSync) << "conversation skipped:" << page.error().message;
                 conversationDone();
                 return;
             }
             // A server that ignores the cursor would hand the same page again: stop there.
             const bool repeated = !page->messages.isEmpty() && !m_listed.isEmpty()
                                   && std::any_of(m_listed.cbegin(), m_listed.cend(), [&](const MessageRef &m) {
                                          return m.mid == page->messages.first().mid;
                                      });
             if (!repeated) {
                 m_listed.append(page->messages);
             }
             // Only the newest `detailLimit` can be read: no need to page further than that.
             if (!repeated && m_listed.size() < m_options.detailLimit && !page->after.isEmpty()
                 && !page->messages.isEmpty()) {
                 listMessages(page->after);
                 return;
             }
             m_moreListed = m_listed.size() > m_options.detailLimit
                 || (!repeated && !page->after.isEmpty() && !page->messages.isEmpty());
             checkKnown();
         });
}

void SyncEngine::checkKnown()
{
    QStringList readable;
    const int limit = inFirstPass() ? std::min(m_options.firstPassDetails, m_options.detailLimit)
                                    : m_options.detailLimit;
    if (inFirstPass())
        m_listedInFirstPass.insert(m_todo.at(m_index).id, m_listed);
    for (int i = 0; i < m_listed.size(); ++i) {
        if (i < limit) {
            readable.append(m_listed.at(i).mid);
        } else if (!inFirstPass() && i >= m_options.detailLimit) {
            ++m_report.messagesSkipped;
        }
    }
    if (readable.isEmpty()) {
        conversationDone();
        return;
    }
    const quint64 generation = m_generation;
    onDone(m_target->knownMids(m_accountId, readable), this,
           [this, generation, readable](const Result<QSet<QString>> &known) {
               if (!isCurrent(generation)) {
                   return;
               }
               if (!known) {
                   finish(known.error());
                   return;
               }
               // Oldest first, so that a conversation's events reach the store in time order.
               for (auto it = readable.crbegin(); it != readable.crend(); ++it) {
                   if (!known->contains(*it)) {
                       m_toFetch.append(*it);
                   }
               }
               // A conversation walked before whose every readable message is new, with more
               // listed behind them: what came in between may be beyond Instagram's 20 newest.
               m_olderMissing = !inFirstPass() && known->isEmpty() && m_moreListed
                   && readable.size() >= m_options.detailLimit
                   && m_lastUpdated.contains(m_todo.at(m_index).id);
               fetchNextDetail();
           });
}

void SyncEngine::fetchNextDetail()
{
    if (m_toFetch.isEmpty()) {
        applyCollected();
        return;
    }
    const QString mid = m_toFetch.takeFirst();
    call([this, mid] { return m_source->message(mid); }, [this](const Result<QJsonObject> &r) {
        if (!r) {
            if (isFatal(r.error())) {
                finish(r.error());
                return;
            }
            // e.g. 100/33 "message deleted": beyond the readable 20 or unsent meanwhile.
            ++m_report.messagesSkipped;
            qCDebug(lcSync) << "message not readable, skipped:" << r.error().code << r.error().message;
            fetchNextDetail();
            return;
        }
        Result<InboundEvent> event = messageToEvent(*r, m_accountId);
        if (!event) {
            ++m_report.messagesSkipped;
            qCWarning(lcSync) << "message skipped:" << event.error().message;
        } else {
            ++m_report.messagesFetched;
            if (!m_customers.contains(event->customerId)) {
                m_customers.append(event->customerId);
            }
            m_collected.append(std::move(*event));
        }
        fetchNextDetail();
    });
}

void SyncEngine::applyCollected()
{
    if (m_collected.isEmpty()) {
        conversationDone();
        return;
    }
    std::stable_sort(m_collected.begin(), m_collected.end(),
                     [](const InboundEvent &a, const InboundEvent &b) { return a.timestampMs < b.timestampMs; });
    const quint64 generation = m_generation;
    const int count = int(m_collected.size());
    onDone(m_target->applyEvents(m_collected), this, [this, generation, count](const Status &s) {
        if (!isCurrent(generation)) {
            return;
        }
        if (!s) {
            finish(s.error()); // the store refused: stop rather than pretend the walk worked
            return;
        }
        m_report.eventsApplied += count;
        conversationDone();
    });
}

void SyncEngine::conversationDone()
{
    const ConversationRef &c = m_todo.at(m_index);
    // Only a conversation whose readable history is in counts as seen for Incremental runs.
    if (!inFirstPass()) {
        m_lastUpdated.insert(c.id, c.updatedMs);
        m_target->rememberConversationSynced(m_accountId, c.id, c.updatedMs); // fire and forget
        ++m_report.conversations;
    }
    if (m_customers.size() == 1) {
        // One customer per Instagram conversation: remember the id (fire and forget).
        m_target->linkConversation(m_accountId, m_customers.first(), c.id);
        if (m_olderMissing) {
            ++m_report.olderMaybeMissing;
            qCInfo(lcSync) << "more new messages than Instagram lets a client read in" << c.id
                           << "- older ones may be missing";
            m_target->markOlderMissing(m_accountId, m_customers.first());
        }
    }
    if (m_profiles) {
        for (const QString &igsid : std::as_const(m_customers)) {
            m_profiles->ensure(igsid);
        }
    }
    ++m_index;
    emit progress(m_index, int(m_todo.size()));
    processNext();
}

void SyncEngine::finish(std::optional<Error> error)
{
    m_running = false;
    ++m_generation;
    m_pacer->dropFor(this);
    m_previousRunComplete = !error;
    if (!error) {
        m_target->setSyncWalkComplete(m_accountId, true);
    }
    if (error) {
        m_report.ok = false;
        m_report.error = *error;
        qCWarning(lcSync) << "sync stopped:" << error->message;
    } else {
        qCInfo(lcSync) << "sync done:" << m_report.conversations << "conversations,"
                       << m_report.messagesFetched << "messages fetched," << m_report.messagesSkipped
                       << "skipped," << m_report.rateLimitHits << "rate limits";
    }
    const SyncReport report = m_report;
    const bool signInNeeded = error && isAuthInvalid(*error);
    if (signInNeeded) {
        m_rerun = false;
        m_pollTimer.stop(); // polling with a dead token only piles up 190s
        emit needsSignIn(m_accountId);
    }
    emit finished(report);
    if (m_rerun && !m_running) {
        m_rerun = false;
        start(m_rerunMode);
    }
}

} // namespace inlet
