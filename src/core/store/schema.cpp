#include "store/schema.h"

#include "common/logging.h"
#include "store/sqlutil.h"
#include "store/storetypes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace inlet::schema {

namespace {

// v1: the base tables.
QStringList version1()
{
    return {
        QStringLiteral(R"(CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            profile_picture_url TEXT NOT NULL DEFAULT '',
            needs_sign_in INTEGER NOT NULL DEFAULT 0,
            token_issued_ms INTEGER NOT NULL DEFAULT 0,
            token_expires_ms INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            username TEXT NOT NULL DEFAULT '',
            profile_pic_url TEXT NOT NULL DEFAULT '',
            follower_count INTEGER NOT NULL DEFAULT 0,
            follows_business INTEGER NOT NULL DEFAULT 0,
            business_follows INTEGER NOT NULL DEFAULT 0,
            verified INTEGER NOT NULL DEFAULT 0,
            fetched_ms INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            customer_id TEXT NOT NULL REFERENCES contacts(id),
            ig_conversation_id TEXT,
            started_ms INTEGER NOT NULL DEFAULT 0,
            last_activity_ms INTEGER NOT NULL DEFAULT 0,
            unread_count INTEGER NOT NULL DEFAULT 0,
            last_customer_message_ms INTEGER NOT NULL DEFAULT 0,
            last_message_preview TEXT NOT NULL DEFAULT '',
            UNIQUE (account_id, customer_id)))"),
        QStringLiteral(R"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            account_id TEXT NOT NULL,
            mid TEXT,
            kind INTEGER NOT NULL DEFAULT 0,
            outgoing INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            created_ms INTEGER NOT NULL,
            state INTEGER NOT NULL,
            error_text TEXT NOT NULL DEFAULT '',
            reply_to_mid TEXT NOT NULL DEFAULT '',
            reply_to_story_url TEXT NOT NULL DEFAULT '',
            deleted INTEGER NOT NULL DEFAULT 0,
            edit_count INTEGER NOT NULL DEFAULT 0,
            seen INTEGER NOT NULL DEFAULT 0,
            meta_json TEXT NOT NULL DEFAULT '{}',
            raw_json TEXT NOT NULL DEFAULT '',
            UNIQUE (account_id, mid)))"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, created_ms)"),
        QStringLiteral(R"(CREATE TABLE attachments (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            type TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            payload_json TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (message_id, position)) WITHOUT ROWID)"),
        // A removed reaction stays as a tombstone so a late, older "react" cannot revive it.
        QStringLiteral(R"(CREATE TABLE reactions (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            reactor_id TEXT NOT NULL,
            reaction TEXT NOT NULL DEFAULT '',
            emoji TEXT NOT NULL DEFAULT '',
            reacted_ms INTEGER NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (message_id, reactor_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE unknown_events (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            received_ms INTEGER NOT NULL,
            timestamp_ms INTEGER NOT NULL DEFAULT 0,
            raw_json TEXT NOT NULL,
            raw_hash TEXT NOT NULL,
            UNIQUE (account_id, raw_hash)))"),
    };
}

// v2: the outbox, edit history, read receipts, events that arrive before their message.
QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE accounts ADD COLUMN removed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN client_id TEXT"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN next_attempt_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN tag TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE UNIQUE INDEX messages_client_id ON messages(client_id) "
                       "WHERE client_id IS NOT NULL"),
        // Queued (1) and Sending (2): the outbox's work list stays tiny however big the table.
        QStringLiteral("CREATE INDEX messages_outbox ON messages(state) WHERE state IN (1, 2)"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN last_outgoing_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN read_up_to_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN customer_seen_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN last_message_outgoing INTEGER NOT NULL "
                       "DEFAULT 0"),
        // Times of the last messages each way, for conversations written by v1.
        QStringLiteral(R"(UPDATE conversations SET last_outgoing_ms = COALESCE(
            (SELECT MAX(created_ms) FROM messages m WHERE m.conversation_id = conversations.id
             AND m.outgoing = 1), 0))"),
        QStringLiteral(R"(CREATE TABLE message_edits (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            text TEXT NOT NULL,
            edited_ms INTEGER NOT NULL,
            PRIMARY KEY (message_id, version)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE deferred_events (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            mid TEXT NOT NULL,
            timestamp_ms INTEGER NOT NULL,
            event_json TEXT NOT NULL,
            event_hash TEXT NOT NULL,
            UNIQUE (account_id, event_hash)))"),
        QStringLiteral("CREATE INDEX deferred_by_mid ON deferred_events(account_id, mid)"),
    };
}

// v3: full-text search and the inbox's paging indexes.
QStringList version3()
{
    QStringList s{
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', "
                       "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
        QStringLiteral("CREATE INDEX conversations_inbox ON conversations(last_activity_ms DESC, id DESC)"),
        QStringLiteral("CREATE INDEX conversations_inbox_account ON conversations(account_id, "
                       "last_activity_ms DESC, id DESC)"),
        QStringLiteral("CREATE INDEX conversations_by_customer ON conversations(customer_id)"),
    };
    s += createFtsTriggers();
    s.append(rebuildFts());
    return s;
}

// v4: the business's own reactions on their way to Instagram (ReactionQueue). state uses
// MessageState's numbers (1 queued, 2 sending, 4 failed); prev_* is what Instagram has as far as
// we know, restored in `reactions` when the reaction finally fails.
QStringList version4()
{
    return {
        QStringLiteral(R"(CREATE TABLE reaction_queue (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            mid TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('react', 'unreact')),
            reaction TEXT NOT NULL DEFAULT '',
            emoji TEXT NOT NULL DEFAULT '',
            state INTEGER NOT NULL DEFAULT 1,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_ms INTEGER NOT NULL DEFAULT 0,
            error_text TEXT NOT NULL DEFAULT '',
            enqueued_ms INTEGER NOT NULL,
            prev_reaction TEXT NOT NULL DEFAULT '',
            prev_emoji TEXT NOT NULL DEFAULT '',
            prev_removed INTEGER NOT NULL DEFAULT 1,
            prev_reacted_ms INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX reaction_queue_by_message ON reaction_queue(message_id, id)"),
    };
}

// v5: what the sync engine knows of Instagram's conversation list, so that the first sync after a
// restart only walks the conversations updated since (SyncEngine, Incremental), and the mark of
// conversations whose older messages may be missing (more than the 20 readable ones were new).
QStringList version5()
{
    return {
        QStringLiteral(R"(CREATE TABLE sync_conversations (
            account_id TEXT NOT NULL,
            ig_conversation_id TEXT NOT NULL,
            updated_ms INTEGER NOT NULL,
            PRIMARY KEY (account_id, ig_conversation_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE sync_accounts (
            account_id TEXT PRIMARY KEY,
            walk_complete INTEGER NOT NULL DEFAULT 0,
            walked_ms INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"),
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN older_missing INTEGER NOT NULL DEFAULT 0"),
    };
}

// v6: triage. A conversation's status (0 open, 1 done, 2 snoozed until snoozed_until_ms) and the
// time of the newest message it covers (Instagram's clock, not this computer's: a customer message
// newer than that reopens it), the manager's "mark as unread", and
// what the conversation list's filters look for, kept by WriteSession::insertMessage and filled
// here for the conversations written before.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE conversations ADD COLUMN status INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN snoozed_until_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN status_through_ms INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN marked_unread INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE conversations ADD COLUMN has_attachment INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN has_story INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(R"(UPDATE conversations SET has_attachment = EXISTS (SELECT 1 FROM messages m
            JOIN attachments a ON a.message_id = m.id WHERE m.conversation_id = conversations.id
            AND a.type <> 'story_mention'))"),
        QStringLiteral(R"(UPDATE conversations SET has_story = EXISTS (SELECT 1 FROM messages m
            WHERE m.conversation_id = conversations.id AND m.outgoing = 0 AND (
            m.reply_to_story_url <> '' OR m.meta_json LIKE '%"reply_to_story_id"%'
            OR EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id
                       AND a.type = 'story_mention'))))"),
        // The SnoozeWaker's question (the next snooze to end) stays an index lookup.
        QStringLiteral("CREATE INDEX conversations_snoozed ON conversations(snoozed_until_ms) "
                       "WHERE status = 2"),
    };
}

// v7: prefix indexes of 2 and 3 characters, so that a word being typed ("caf", "ord") reads one
// index entry instead of merging the hit lists of every word it starts (80 ms at 10,000,000
// messages without them: docs/benchmarks-store.md). FTS5 cannot add them to an existing table:
// the table is made again and filled, with progress (minutes at 10,000,000 messages).
QStringList version7()
{
    QStringList s = dropFtsTriggers();
    s << QStringLiteral("DROP TABLE messages_fts")
      << QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', "
                        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
                        "prefix='2 3')");
    s += createFtsTriggers();
    return s;
}

// v8: saved replies (the composer's "/" picker). A shortcut is unique ignoring case; '' means none.
QStringList version8()
{
    return {
        QStringLiteral(R"(CREATE TABLE saved_replies (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            shortcut TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            updated_ms INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE UNIQUE INDEX saved_replies_shortcut ON saved_replies("
                       "shortcut COLLATE NOCASE) WHERE shortcut <> ''"),
    };
}

// v9: the team replica's bookkeeping (src/core/team/replicaapplier.h): the last change-log number
// applied (written in the same transaction as the rows it applied) and which local row each
// team-database row became.
QStringList version9()
{
    return {
        QStringLiteral(R"(CREATE TABLE team_replica (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_seq INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE team_rows (
            entity TEXT NOT NULL,
            team_id INTEGER NOT NULL,
            local_id INTEGER NOT NULL DEFAULT 0,
            local_key TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (entity, team_id)) WITHOUT ROWID)"),
    };
}

// v10: labels with a colour, and which conversations carry them. A name is unique ignoring case;
// deleting a label or a conversation takes it off (foreign keys cascade). The per-label view's
// count groups conversation_labels by label, the label filter looks up (label, conversation).
QStringList version10()
{
    return {
        QStringLiteral(R"(CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            colour TEXT NOT NULL,
            updated_ms INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE UNIQUE INDEX labels_name ON labels(name COLLATE NOCASE)"),
        QStringLiteral(R"(CREATE TABLE conversation_labels (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            label_id INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
            PRIMARY KEY (conversation_id, label_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX conversation_labels_label ON conversation_labels("
                       "label_id, conversation_id)"),
    };
}

// Team mode's assignment (issue 13): the agent (PostgreSQL role) a conversation is assigned to,
// replicated from inlet.assignments; empty for nobody (and always in solo mode). Views Mine and
// Unassigned count open conversations by it.
QStringList teamAssignment()
{
    return {
        QStringLiteral("ALTER TABLE conversations ADD COLUMN assignee TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX conversations_assignee ON conversations(assignee, status)"),
    };
}

// The moments a conversation was marked Done (by whom is not kept here), for the report's time to
// Done; a conversation marked Done again after the customer wrote keeps one row per time. IF NOT
// EXISTS: tests that step a file back to an earlier version drop only that version's tables.
QStringList doneHistory()
{
    return {
        QStringLiteral(R"(CREATE TABLE IF NOT EXISTS conversation_done (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            done_ms INTEGER NOT NULL))"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS conversation_done_by_time ON conversation_done(done_ms)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS conversation_done_by_conversation ON conversation_done("
            "conversation_id, done_ms)"),
    };
}

// Team triage (issue 13 in team mode): who marked each Done (the agent's role; empty in solo mode)
// for the report's time to Done per agent, and who set a conversation's status (empty: this
// desktop in solo mode, or the customer's message that reopened it), both from the replica.
QStringList teamTriage()
{
    return {
        QStringLiteral("ALTER TABLE conversation_done ADD COLUMN agent TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE conversations ADD COLUMN status_by TEXT NOT NULL DEFAULT ''"),
        // A team write names the local row it changes: found by its local id.
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS team_rows_by_local ON team_rows(entity, local_id)"),
    };
}

// Team mode's label and saved-reply writes made while the team database was out of reach: kept
// until sent, in order (the id), each with what undoes it locally if the team refuses it (JSON,
// service/triagewritequeue.*).
QStringList teamPendingWrites()
{
    return {
        QStringLiteral(R"(CREATE TABLE IF NOT EXISTS team_pending_writes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            write TEXT NOT NULL,
            undo TEXT NOT NULL,
            created_ms INTEGER NOT NULL))"),
    };
}

} // namespace

const QList<Step> &steps()
{
    static const QList<Step> all {
        { 1, QStringLiteral("base tables"), version1() },
        { 2, QStringLiteral("outbox, edit history, read receipts, deferred events"), version2() },
        { 3, QStringLiteral("full-text search, inbox indexes"), version3() },
        { 4, QStringLiteral("queue of the business's own reactions"), version4() },
        { 5, QStringLiteral("incremental sync state, older-messages-missing mark"), version5() },
        { 6, QStringLiteral("triage: status, snooze, marked unread, filter flags"), version6() },
        { 7, QStringLiteral("search index with prefix indexes"), version7(),
            [](const QSqlDatabase &db, const Progress &progress) {
                return fillFts(db, progress);
            } },
        { 8, QStringLiteral("saved replies"), version8() },
        { 9, QStringLiteral("team replica state"), version9() },
        { 10, QStringLiteral("labels"), version10() },
        { 11, QStringLiteral("team assignment"), teamAssignment() },
        { 12, QStringLiteral("when conversations were marked Done"), doneHistory() },
        { 13, QStringLiteral("who marked Done and set the status (team triage)"), teamTriage() },
        { 14, QStringLiteral("team writes made offline (labels, saved replies)"),
            teamPendingWrites() },
    };
    return all;
}

int currentVersion() { return steps().constLast().version; }

QStringList dropFtsTriggers()
{
    return {QStringLiteral("DROP TRIGGER IF EXISTS messages_fts_insert"),
            QStringLiteral("DROP TRIGGER IF EXISTS messages_fts_delete"),
            QStringLiteral("DROP TRIGGER IF EXISTS messages_fts_update")};
}

QStringList createFtsTriggers()
{
    return {
        QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
                       "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END"),
        QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
                       "INSERT INTO messages_fts(messages_fts, rowid, text) "
                       "VALUES ('delete', old.id, old.text); END"),
        QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN "
                       "INSERT INTO messages_fts(messages_fts, rowid, text) "
                       "VALUES ('delete', old.id, old.text); "
                       "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END"),
    };
}

QString rebuildFts() { return QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')"); }

Status fillFts(const QSqlDatabase &db, const Progress &progress, qint64 chunkRows)
{
    auto total = sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages"));
    auto first = sql::scalar(db, QStringLiteral("SELECT MIN(id) FROM messages"));
    auto last = sql::scalar(db, QStringLiteral("SELECT MAX(id) FROM messages"));
    if (!total || !first || !last)
        return std::unexpected(!total ? total.error() : !first ? first.error() : last.error());
    if (total->toLongLong() == 0)
        return {};
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO messages_fts(rowid, text) "
                                       "SELECT id, text FROM messages WHERE id >= ? AND id < ?")))
        return std::unexpected(
            sql::toError(insert.lastError(), QStringLiteral("filling the search index")));
    qint64 done = 0;
    for (qint64 from = first->toLongLong(); from <= last->toLongLong(); from += chunkRows) {
        if (auto ok = sql::exec(
                insert, { from, from + chunkRows }, QStringLiteral("filling the search index"));
            !ok)
            return ok;
        done += qMax(0, insert.numRowsAffected());
        if (progress)
            progress(qMin(done, total->toLongLong()), total->toLongLong());
    }
    return {};
}

Result<int> version(const QSqlDatabase &db)
{
    auto v = sql::scalar(db, QStringLiteral("PRAGMA user_version"));
    if (!v)
        return std::unexpected(v.error());
    return v->toInt();
}

Status migrate(const QSqlDatabase &db, const QList<Step> &all, int target, const Progress &progress)
{
    auto current = version(db);
    if (!current)
        return std::unexpected(current.error());
    const int newest = all.isEmpty() ? 0 : all.constLast().version;
    if (*current > newest) {
        return fail(Error::Kind::Storage,
                    QStringLiteral("the database was written by a newer Inlet (schema version %1, "
                                   "this version knows up to %2); refusing to open it")
                        .arg(*current)
                        .arg(newest),
                    sqlite::SchemaTooNew);
    }
    for (const Step &step : all) {
        if (step.version <= *current || step.version > target)
            continue;
        qCInfo(lcStore) << "migrating the database to version" << step.version << step.description;
        if (auto ok = sql::execText(db, QStringLiteral("BEGIN IMMEDIATE")); !ok)
            return ok;
        Status result;
        for (const QString &statement : step.statements) {
            result = sql::execText(db, statement);
            if (!result)
                break;
        }
        if (result && step.run) {
            int tenthsLogged = 0;
            result = step.run(db, [&](qint64 done, qint64 total) {
                const int tenths = total > 0 ? int(done * 10 / total) : 10;
                if (tenths > tenthsLogged) {
                    tenthsLogged = tenths;
                    qCInfo(lcStore).nospace()
                        << "migrating to version " << step.version << ": " << tenths * 10 << "% ("
                        << done << " of " << total << ")";
                }
                if (progress)
                    progress(done, total);
            });
        }
        if (result)
            result = sql::execText(db, QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        if (result)
            result = sql::execText(db, QStringLiteral("COMMIT"));
        if (!result) {
            (void)sql::execText(db, QStringLiteral("ROLLBACK"));
            Error e = result.error();
            e.message = QStringLiteral("migration to schema version %1 failed, the database is "
                                       "unchanged at version %2: %3")
                            .arg(step.version)
                            .arg(*current)
                            .arg(e.message);
            return std::unexpected(e);
        }
        *current = step.version;
    }
    return {};
}

} // namespace inlet::schema
