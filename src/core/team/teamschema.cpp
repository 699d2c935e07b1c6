#include "team/teamschema.h"

#include "team/teamsql.h"

namespace inlet::team::schema {

namespace {

// The advisory lock key of migrations ("inletmig" in ASCII).
constexpr qint64 MigrationLock = 0x696e6c65746d6967;

// The accounts an agent may see: the policy every agent-readable table filters by.
#define INLET_VISIBLE_ACCOUNTS                                                                     \
    "(SELECT aa.account_id FROM inlet.agent_accounts aa WHERE aa.agent_role = current_user::text)"

// v1: accounts, agents and their grants, the conversation data, the outbox, the change log and
// the secrets; row-level security and GRANTs for the agents.
QStringList version1()
{
    return {
        QStringLiteral("CREATE SCHEMA inlet AUTHORIZATION inlet_server"),
        QStringLiteral(R"(CREATE TABLE inlet.schema_migrations (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()))"),
        // One row per connected Instagram professional account. No token here: see secrets.
        QStringLiteral(R"(CREATE TABLE inlet.accounts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            ig_user_id text NOT NULL UNIQUE,
            username text NOT NULL DEFAULT '',
            name text NOT NULL DEFAULT '',
            profile_picture_url text NOT NULL DEFAULT '',
            needs_sign_in boolean NOT NULL DEFAULT false,
            removed boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL DEFAULT now()))"),
        // An agent is a PostgreSQL login role, member of inlet_agent (admin::addAgent).
        QStringLiteral(R"(CREATE TABLE inlet.agents (
            role_name text PRIMARY KEY,
            display_name text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL DEFAULT now()))"),
        QStringLiteral(R"(CREATE TABLE inlet.agent_accounts (
            agent_role text NOT NULL REFERENCES inlet.agents(role_name) ON DELETE CASCADE,
            account_id bigint NOT NULL REFERENCES inlet.accounts(id) ON DELETE CASCADE,
            PRIMARY KEY (agent_role, account_id)))"),
        QStringLiteral(
            "CREATE INDEX agent_accounts_by_account ON inlet.agent_accounts(account_id)"),
        // Instagram-scoped ids are per business account, so a contact belongs to one account.
        QStringLiteral(R"(CREATE TABLE inlet.contacts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL REFERENCES inlet.accounts(id) ON DELETE CASCADE,
            igsid text NOT NULL,
            name text NOT NULL DEFAULT '',
            username text NOT NULL DEFAULT '',
            profile_pic_url text NOT NULL DEFAULT '',
            follower_count integer NOT NULL DEFAULT 0,
            follows_business boolean NOT NULL DEFAULT false,
            business_follows boolean NOT NULL DEFAULT false,
            verified boolean NOT NULL DEFAULT false,
            fetched_ms bigint NOT NULL DEFAULT 0,
            UNIQUE (account_id, igsid),
            UNIQUE (id, account_id)))"),
        // (contact, account) and (conversation, account) foreign keys keep every row's account
        // the same as its parent's: the account id is what row-level security filters on.
        QStringLiteral(R"(CREATE TABLE inlet.conversations (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL REFERENCES inlet.accounts(id) ON DELETE CASCADE,
            contact_id bigint NOT NULL,
            ig_conversation_id text,
            started_ms bigint NOT NULL DEFAULT 0,
            last_activity_ms bigint NOT NULL DEFAULT 0,
            last_customer_message_ms bigint NOT NULL DEFAULT 0,
            last_message_preview text NOT NULL DEFAULT '',
            UNIQUE (account_id, contact_id),
            UNIQUE (id, account_id),
            FOREIGN KEY (contact_id, account_id) REFERENCES inlet.contacts(id, account_id)
                ON DELETE CASCADE))"),
        // mid is Instagram's message id: a webhook delivered twice (or by two servers) inserts
        // once with ON CONFLICT (account_id, mid) DO NOTHING. NULL until an outgoing one is sent.
        QStringLiteral(R"(CREATE TABLE inlet.messages (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            mid text,
            outgoing boolean NOT NULL,
            kind smallint NOT NULL DEFAULT 0,
            text text NOT NULL DEFAULT '',
            created_ms bigint NOT NULL,
            sent_by text,
            reply_to_mid text NOT NULL DEFAULT '',
            deleted boolean NOT NULL DEFAULT false,
            edit_count integer NOT NULL DEFAULT 0,
            meta jsonb NOT NULL DEFAULT '{}',
            UNIQUE (account_id, mid),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral(
            "CREATE INDEX messages_by_conversation ON inlet.messages(conversation_id, created_ms)"),
        // Replies (and later attachments, reactions) waiting for the server to send them.
        // client_id makes a desktop's retried enqueue (after being offline) idempotent;
        // agent_role is who wrote it (row-level security forces it to the writer's own role).
        QStringLiteral(R"(CREATE TABLE inlet.outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            client_id uuid NOT NULL UNIQUE,
            agent_role text NOT NULL DEFAULT current_user,
            kind text NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'attachment', 'reaction')),
            body jsonb NOT NULL,
            state text NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_ms bigint NOT NULL DEFAULT 0,
            claimed_by text NOT NULL DEFAULT '',
            claimed_at timestamptz,
            message_id bigint REFERENCES inlet.messages(id) ON DELETE SET NULL,
            error_text text NOT NULL DEFAULT '',
            created_at timestamptz NOT NULL DEFAULT now(),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX outbox_queued ON inlet.outbox(next_attempt_ms, id) "
                       "WHERE state = 'queued'"),
        // What replicas apply, in seq order: the row as it is after the change (NULL when
        // deleted). No foreign key: the log outlives what it describes.
        QStringLiteral(R"(CREATE TABLE inlet.change_log (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            entity text NOT NULL,
            entity_id bigint NOT NULL,
            op char(1) NOT NULL CHECK (op IN ('I', 'U', 'D')),
            row_data jsonb,
            changed_at timestamptz NOT NULL DEFAULT now()))"),
        QStringLiteral("CREATE INDEX change_log_by_account ON inlet.change_log(account_id, seq)"),
        // Instagram tokens (account_id set) and the app secrets (account_id NULL). Readable by
        // the owner (inlet_server) only: no GRANT to anyone, and row-level security without a
        // policy as a second lock. Never in the change log.
        QStringLiteral(R"(CREATE TABLE inlet.secrets (
            name text NOT NULL,
            account_id bigint REFERENCES inlet.accounts(id) ON DELETE CASCADE,
            value text NOT NULL,
            expires_ms bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE NULLS NOT DISTINCT (name, account_id)))"),
        // Every change of a replicated table appends to the change log and announces
        // "<seq> <account id>" (numbers only: NOTIFY reaches every listener, whatever its rights).
        // The triggers are deferred to COMMIT and take an advisory lock held until the commit is
        // done, so seq order is commit order and a replica reading "seq > last applied" never
        // skips a change committed late; writers take turns only for that moment, not for their
        // whole transaction. SECURITY DEFINER: an agent's enqueue writes the log without any
        // right on it.
        QStringLiteral(R"(CREATE FUNCTION inlet.log_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                r jsonb;
                acc bigint;
                s bigint;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    r := to_jsonb(OLD);
                ELSE
                    r := to_jsonb(NEW);
                END IF;
                IF TG_TABLE_NAME = 'accounts' THEN
                    acc := (r->>'id')::bigint;
                ELSE
                    acc := (r->>'account_id')::bigint;
                END IF;
                PERFORM pg_advisory_xact_lock(7598263121);
                INSERT INTO inlet.change_log (account_id, entity, entity_id, op, row_data)
                VALUES (acc, TG_TABLE_NAME, (r->>'id')::bigint, left(TG_OP, 1),
                        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE r END)
                RETURNING seq INTO s;
                PERFORM pg_notify('inlet_changes', s::text || ' ' || acc::text);
                RETURN NULL;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.log_change() FROM PUBLIC"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER accounts_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.accounts "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER contacts_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.contacts "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER conversations_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.conversations "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER messages_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.messages "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER outbox_log AFTER INSERT OR UPDATE OR DELETE ON inlet.outbox "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        // Row-level security. The owner (inlet_server) is exempt; members of inlet_agent see the
        // rows of the accounts granted to them; any other role sees nothing.
        QStringLiteral("ALTER TABLE inlet.accounts ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.agent_accounts ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.contacts ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.conversations ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.messages ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.outbox ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.change_log ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.secrets ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY own_grants ON inlet.agent_accounts FOR SELECT TO inlet_agent "
                       "USING (agent_role = current_user::text)"),
        QStringLiteral("CREATE POLICY granted ON inlet.accounts FOR SELECT TO inlet_agent "
                       "USING (id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.contacts FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.conversations FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.messages FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.change_log FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.outbox FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY enqueue ON inlet.outbox FOR INSERT TO inlet_agent "
                       "WITH CHECK (agent_role = current_user::text AND state = 'queued' "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("REVOKE ALL ON SCHEMA inlet FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA inlet TO inlet_agent"),
        QStringLiteral("GRANT SELECT ON inlet.schema_migrations, inlet.accounts, inlet.agents, "
                       "inlet.agent_accounts, inlet.contacts, inlet.conversations, inlet.messages, "
                       "inlet.outbox, inlet.change_log TO inlet_agent"),
        QStringLiteral("GRANT INSERT (account_id, conversation_id, client_id, kind, body) "
                       "ON inlet.outbox TO inlet_agent"),
    };
}

// Team work (issue 13).
// Assignment: which agent a conversation is assigned to, NULL for nobody; one row per
// conversation, replicated like the conversation data. An agent writes it as itself
// (assigned_by = current_user, forced by the policies) on the conversations of its accounts; the
// assignee must be an agent (removing the agent unassigns). The list of agents to pick from is
// inlet.agents, readable by every agent.
// Internal notes: written by an agent as itself (author = current_user) into a conversation of
// its accounts, never changed afterwards, never sent (the server's sender reads only the outbox);
// replicated into each desktop's timeline. client_id makes a retried write idempotent.
// Presence: one row per agent (UNLOGGED: nothing of it needs to outlive a crash), the conversation
// it looks at and whether it types, kept fresh by a heartbeat (team/teampresence.h). Agents read
// the rows of their accounts and write only their own. A change of conversation or of typing
// wakes the others with NOTIFY inlet_presence and the account id alone (NOTIFY reaches every
// listener, whatever its rights); a heartbeat wakes nobody.
QStringList teamWork()
{
    return {
        QStringLiteral(R"(CREATE TABLE inlet.assignments (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL UNIQUE,
            assignee text REFERENCES inlet.agents(role_name) ON DELETE SET NULL,
            assigned_by text NOT NULL DEFAULT current_user,
            assigned_at timestamptz NOT NULL DEFAULT now(),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER assignments_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.assignments "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral("ALTER TABLE inlet.assignments ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY granted ON inlet.assignments FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY assign ON inlet.assignments FOR INSERT TO inlet_agent "
                       "WITH CHECK (assigned_by = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY reassign ON inlet.assignments FOR UPDATE TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ") "
                       "WITH CHECK (assigned_by = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("GRANT SELECT ON inlet.assignments TO inlet_agent"),
        QStringLiteral("GRANT INSERT (account_id, conversation_id, assignee, assigned_by), "
                       "UPDATE (assignee, assigned_by, assigned_at) "
                       "ON inlet.assignments TO inlet_agent"),
        QStringLiteral(R"(CREATE TABLE inlet.notes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            client_id uuid NOT NULL UNIQUE,
            author text NOT NULL DEFAULT current_user,
            body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
            created_ms bigint NOT NULL,
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX notes_by_conversation ON inlet.notes(conversation_id, "
                       "created_ms)"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER notes_log AFTER INSERT OR UPDATE OR DELETE ON inlet.notes "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral("ALTER TABLE inlet.notes ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY granted ON inlet.notes FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY write ON inlet.notes FOR INSERT TO inlet_agent "
                       "WITH CHECK (author = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("GRANT SELECT ON inlet.notes TO inlet_agent"),
        QStringLiteral("GRANT INSERT (account_id, conversation_id, client_id, author, body, "
                       "created_ms) ON inlet.notes TO inlet_agent"),
        QStringLiteral(R"(CREATE UNLOGGED TABLE inlet.presence (
            agent_role text PRIMARY KEY DEFAULT current_user,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            typing boolean NOT NULL DEFAULT false,
            seen_at timestamptz NOT NULL DEFAULT now(),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral(R"(CREATE FUNCTION inlet.presence_notify() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF TG_OP = 'UPDATE' AND OLD.conversation_id = NEW.conversation_id
                        AND OLD.typing = NEW.typing THEN
                    RETURN NULL; -- a heartbeat
                END IF;
                IF TG_OP <> 'INSERT' THEN
                    PERFORM pg_notify('inlet_presence', OLD.account_id::text);
                END IF;
                IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.account_id <> NEW.account_id) THEN
                    PERFORM pg_notify('inlet_presence', NEW.account_id::text);
                END IF;
                RETURN NULL;
            END $$)"),
        QStringLiteral("CREATE TRIGGER presence_notify AFTER INSERT OR UPDATE OR DELETE ON "
                       "inlet.presence FOR EACH ROW EXECUTE FUNCTION inlet.presence_notify()"),
        QStringLiteral("ALTER TABLE inlet.presence ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY granted ON inlet.presence FOR SELECT TO inlet_agent "
                       "USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY own_insert ON inlet.presence FOR INSERT TO inlet_agent "
                       "WITH CHECK (agent_role = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY own_update ON inlet.presence FOR UPDATE TO inlet_agent "
                       "USING (agent_role = current_user::text) "
                       "WITH CHECK (agent_role = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY own_delete ON inlet.presence FOR DELETE TO inlet_agent "
                       "USING (agent_role = current_user::text)"),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON inlet.presence TO inlet_agent"),
    };
}

// v7, team triage (issue 13 in team mode): the conversations' status, the Done history, labels,
// the labels on conversations and saved replies, replicated like the other tables.
// Status: one row per conversation (open, done, snoozed until snoozed_until_ms, covering the
// messages up to through_ms), who set it and when; changed_by NULL when a customer message
// reopened it. Agents write it only through inlet.set_status (SECURITY DEFINER, like enqueue):
// it checks the grant of the session's role, computes through_ms from the messages and appends a
// Done to inlet.conversation_done as that agent, so neither who nor when can be forged.
// A customer message newer than through_ms reopens the conversation in the transaction that
// stores it (trigger on inlet.messages). A snooze that ended is open by definition: every
// replica opens it at snoozed_until_ms (docs/triage.md, "Team mode").
// Labels and saved replies belong to the whole team, not to an account: their changes go into
// the change log with account id 0 (no account has it), which every agent may read; the labels
// on a conversation carry the conversation's account, so only the agents of that account get
// them. Any agent adds, renames, recolours and deletes labels and saved replies, as itself.
QStringList teamTriage()
{
    const QString setStatus = QStringLiteral(R"(CREATE FUNCTION inlet.set_status(
                p_conversation bigint, p_status text, p_until_ms bigint) RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                who text := session_user::text;
                now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
                acc bigint;
                through bigint;
            BEGIN
                IF p_status IS NULL OR p_status NOT IN ('open', 'done', 'snoozed') THEN
                    RAISE EXCEPTION 'inlet.set_status: unknown status %', p_status
                        USING ERRCODE = '22023';
                END IF;
                IF p_status = 'snoozed' AND (p_until_ms IS NULL OR p_until_ms <= now_ms) THEN
                    RAISE EXCEPTION 'inlet.set_status: a snooze must end in the future'
                        USING ERRCODE = '22023';
                END IF;
                SELECT c.account_id INTO acc FROM inlet.conversations c
                  JOIN inlet.agent_accounts g ON g.account_id = c.account_id AND g.agent_role = who
                 WHERE c.id = p_conversation;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'inlet.set_status: no such conversation for %', who
                        USING ERRCODE = 'P0002';
                END IF;
                SELECT COALESCE(max(m.created_ms), 0) INTO through FROM inlet.messages m
                 WHERE m.conversation_id = p_conversation;
                INSERT INTO inlet.conversation_status (account_id, conversation_id, status,
                        snoozed_until_ms, through_ms, changed_by, changed_at)
                VALUES (acc, p_conversation, p_status,
                        CASE WHEN p_status = 'snoozed' THEN p_until_ms ELSE 0 END, through, who,
                        now())
                ON CONFLICT (conversation_id) DO UPDATE SET status = EXCLUDED.status,
                    snoozed_until_ms = EXCLUDED.snoozed_until_ms,
                    through_ms = EXCLUDED.through_ms, changed_by = EXCLUDED.changed_by,
                    changed_at = EXCLUDED.changed_at;
                IF p_status = 'done' THEN
                    INSERT INTO inlet.conversation_done (account_id, conversation_id, agent_role,
                                                         done_ms)
                    VALUES (acc, p_conversation, who, now_ms);
                END IF;
            END $$)");
    return {
        // Team-wide rows (labels, saved replies) are logged under account 0.
        QStringLiteral(R"(CREATE OR REPLACE FUNCTION inlet.log_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                r jsonb;
                acc bigint;
                s bigint;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    r := to_jsonb(OLD);
                ELSE
                    r := to_jsonb(NEW);
                END IF;
                IF TG_TABLE_NAME = 'accounts' THEN
                    acc := (r->>'id')::bigint;
                ELSIF TG_TABLE_NAME IN ('labels', 'saved_replies') THEN
                    acc := 0;
                ELSE
                    acc := (r->>'account_id')::bigint;
                END IF;
                PERFORM pg_advisory_xact_lock(7598263121);
                INSERT INTO inlet.change_log (account_id, entity, entity_id, op, row_data)
                VALUES (acc, TG_TABLE_NAME, (r->>'id')::bigint, left(TG_OP, 1),
                        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE r END)
                RETURNING seq INTO s;
                PERFORM pg_notify('inlet_changes', s::text || ' ' || acc::text);
                RETURN NULL;
            END $$)"),
        QStringLiteral("CREATE POLICY team_wide ON inlet.change_log FOR SELECT TO inlet_agent "
                       "USING (account_id = 0)"),
        QStringLiteral(R"(CREATE TABLE inlet.conversation_status (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL UNIQUE,
            status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'snoozed')),
            snoozed_until_ms bigint NOT NULL DEFAULT 0,
            through_ms bigint NOT NULL DEFAULT 0,
            changed_by text,
            changed_at timestamptz NOT NULL DEFAULT now(),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral(R"(CREATE TABLE inlet.conversation_done (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            agent_role text NOT NULL,
            done_ms bigint NOT NULL,
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX conversation_done_by_conversation ON "
                       "inlet.conversation_done(conversation_id, done_ms)"),
        QStringLiteral(R"(CREATE TABLE inlet.labels (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            colour text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
            updated_by text NOT NULL DEFAULT current_user,
            updated_at timestamptz NOT NULL DEFAULT now()))"),
        QStringLiteral("CREATE UNIQUE INDEX labels_name ON inlet.labels(lower(name))"),
        QStringLiteral(R"(CREATE TABLE inlet.conversation_labels (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            account_id bigint NOT NULL,
            conversation_id bigint NOT NULL,
            label_id bigint NOT NULL REFERENCES inlet.labels(id) ON DELETE CASCADE,
            added_by text NOT NULL DEFAULT current_user,
            added_at timestamptz NOT NULL DEFAULT now(),
            UNIQUE (conversation_id, label_id),
            FOREIGN KEY (conversation_id, account_id) REFERENCES inlet.conversations(id, account_id)
                ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX conversation_labels_by_label ON "
                       "inlet.conversation_labels(label_id)"),
        QStringLiteral(R"(CREATE TABLE inlet.saved_replies (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
            shortcut text NOT NULL DEFAULT '' CHECK (shortcut !~ '\s'),
            body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
            updated_by text NOT NULL DEFAULT current_user,
            updated_ms bigint NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE UNIQUE INDEX saved_replies_shortcut ON "
                       "inlet.saved_replies(lower(shortcut)) WHERE shortcut <> ''"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER conversation_status_log AFTER INSERT OR UPDATE OR DELETE "
            "ON inlet.conversation_status "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER conversation_done_log AFTER INSERT OR UPDATE OR DELETE "
            "ON inlet.conversation_done "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER labels_log AFTER INSERT OR UPDATE OR DELETE ON inlet.labels "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER conversation_labels_log AFTER INSERT OR UPDATE OR DELETE "
            "ON inlet.conversation_labels "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER saved_replies_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.saved_replies "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION inlet.log_change()"),
        // A customer's message reopens a Done or Snoozed conversation (only one newer than what
        // the status covers: an older one fetched late does not undo it).
        QStringLiteral(R"(CREATE FUNCTION inlet.reopen_on_customer_message() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                UPDATE inlet.conversation_status SET status = 'open', snoozed_until_ms = 0,
                       through_ms = NEW.created_ms, changed_by = NULL, changed_at = now()
                 WHERE conversation_id = NEW.conversation_id AND status <> 'open'
                   AND NEW.created_ms > through_ms;
                RETURN NULL;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.reopen_on_customer_message() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER messages_reopen AFTER INSERT ON inlet.messages "
                       "FOR EACH ROW WHEN (NOT NEW.outgoing) "
                       "EXECUTE FUNCTION inlet.reopen_on_customer_message()"),
        setStatus,
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.set_status(bigint, text, bigint) "
                       "FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION inlet.set_status(bigint, text, bigint) "
                       "TO inlet_agent"),
        QStringLiteral("ALTER TABLE inlet.conversation_status ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.conversation_done ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.labels ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.conversation_labels ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.saved_replies ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY granted ON inlet.conversation_status FOR SELECT TO "
                       "inlet_agent USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.conversation_done FOR SELECT TO "
                       "inlet_agent USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY granted ON inlet.conversation_labels FOR SELECT TO "
                       "inlet_agent USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY label_on ON inlet.conversation_labels FOR INSERT TO "
                       "inlet_agent WITH CHECK (added_by = current_user::text "
                       "AND account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY label_off ON inlet.conversation_labels FOR DELETE TO "
                       "inlet_agent USING (account_id IN " INLET_VISIBLE_ACCOUNTS ")"),
        QStringLiteral("CREATE POLICY team ON inlet.labels FOR SELECT TO inlet_agent USING (true)"),
        QStringLiteral("CREATE POLICY add ON inlet.labels FOR INSERT TO inlet_agent "
                       "WITH CHECK (updated_by = current_user::text)"),
        QStringLiteral("CREATE POLICY edit ON inlet.labels FOR UPDATE TO inlet_agent "
                       "USING (true) WITH CHECK (updated_by = current_user::text)"),
        QStringLiteral(
            "CREATE POLICY remove ON inlet.labels FOR DELETE TO inlet_agent USING (true)"),
        QStringLiteral(
            "CREATE POLICY team ON inlet.saved_replies FOR SELECT TO inlet_agent USING (true)"),
        QStringLiteral("CREATE POLICY add ON inlet.saved_replies FOR INSERT TO inlet_agent "
                       "WITH CHECK (updated_by = current_user::text)"),
        QStringLiteral("CREATE POLICY edit ON inlet.saved_replies FOR UPDATE TO inlet_agent "
                       "USING (true) WITH CHECK (updated_by = current_user::text)"),
        QStringLiteral(
            "CREATE POLICY remove ON inlet.saved_replies FOR DELETE TO inlet_agent USING (true)"),
        QStringLiteral("GRANT SELECT ON inlet.conversation_status, inlet.conversation_done, "
                       "inlet.labels, inlet.conversation_labels, inlet.saved_replies "
                       "TO inlet_agent"),
        QStringLiteral("GRANT INSERT (name, colour, updated_by), UPDATE (name, colour, "
                       "updated_by, updated_at), DELETE ON inlet.labels TO inlet_agent"),
        QStringLiteral("GRANT INSERT (account_id, conversation_id, label_id, added_by), DELETE "
                       "ON inlet.conversation_labels TO inlet_agent"),
        QStringLiteral("GRANT INSERT (title, shortcut, body, updated_by, updated_ms), UPDATE "
                       "(title, shortcut, body, updated_by, updated_ms), DELETE "
                       "ON inlet.saved_replies TO inlet_agent"),
    };
}

#undef INLET_VISIBLE_ACCOUNTS

// v2, for inlet-server: webhook events it keeps raw (kinds not applied to a table yet, accounts
// not connected, events about a message not stored), the singleton jobs' last runs, and an index
// for finding abandoned sends. None of it is replicated or readable by agents.
QStringList version2()
{
    return {
        QStringLiteral(R"(CREATE TABLE inlet.webhook_events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            received_at timestamptz NOT NULL DEFAULT now(),
            ig_account_id text NOT NULL,
            kind text NOT NULL,
            mid text NOT NULL DEFAULT '',
            raw text NOT NULL,
            applied boolean NOT NULL DEFAULT false))"),
        QStringLiteral("CREATE INDEX webhook_events_by_mid ON inlet.webhook_events(ig_account_id, "
                       "mid) WHERE NOT applied"),
        QStringLiteral(R"(CREATE TABLE inlet.server_jobs (
            name text PRIMARY KEY,
            last_run_ms bigint NOT NULL DEFAULT 0,
            last_worker text NOT NULL DEFAULT '',
            last_result text NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX outbox_sending ON inlet.outbox(claimed_at) "
                       "WHERE state = 'sending'"),
        QStringLiteral("ALTER TABLE inlet.webhook_events ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE inlet.server_jobs ENABLE ROW LEVEL SECURITY"),
    };
}

// v3, for inlet-server: the customers whose Instagram profile (name, username, picture) it still
// has to fetch. A contact the ingest creates is queued by a trigger in the same transaction, so no
// contact is forgotten when a server dies; the fetched profile reaches the replicas as an update of
// inlet.contacts. Not replicated, not readable by agents.
QStringList profileFetchQueue()
{
    return {
        QStringLiteral(R"(CREATE TABLE inlet.profile_fetches (
            contact_id bigint PRIMARY KEY REFERENCES inlet.contacts(id) ON DELETE CASCADE,
            due_ms bigint NOT NULL DEFAULT 0,
            attempts integer NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX profile_fetches_due ON inlet.profile_fetches(due_ms)"),
        QStringLiteral(R"(CREATE FUNCTION inlet.queue_profile_fetch() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO inlet.profile_fetches (contact_id) VALUES (NEW.id)
                    ON CONFLICT DO NOTHING;
                RETURN NULL;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.queue_profile_fetch() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER contacts_profile_fetch AFTER INSERT ON inlet.contacts "
                       "FOR EACH ROW EXECUTE FUNCTION inlet.queue_profile_fetch()"),
        QStringLiteral("INSERT INTO inlet.profile_fetches (contact_id) "
                       "SELECT id FROM inlet.contacts WHERE fetched_ms = 0"),
        QStringLiteral("ALTER TABLE inlet.profile_fetches ENABLE ROW LEVEL SECURITY"),
    };
}

// v4, the sign-in hand-off (docs/team.md, "Connecting an account"): the server's public OAuth
// settings that agents read to open Instagram's login, admin agents, and the hand-off rows an
// admin's desktop writes with the code it caught. An admin inserts only the code (agent_role
// defaults to its own role, created_at to now(): neither can be forged), reads only its own rows
// and never the code back; the server claims them (FOR UPDATE SKIP LOCKED), clears the code and
// writes the result. The insert wakes servers with NOTIFY inlet_signin, '<id>' (a number only).
QStringList signInHandoff()
{
    return {
        // One row (id is always true): not secret, the App Secret stays in inlet.secrets.
        QStringLiteral(R"(CREATE TABLE inlet.oauth_settings (
            id boolean PRIMARY KEY DEFAULT true CHECK (id),
            app_id text NOT NULL,
            redirect_uri text NOT NULL,
            authorize_base text NOT NULL DEFAULT '',
            updated_at timestamptz NOT NULL DEFAULT now()))"),
        QStringLiteral("ALTER TABLE inlet.oauth_settings ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY everyone ON inlet.oauth_settings FOR SELECT TO inlet_agent "
                       "USING (true)"),
        QStringLiteral("GRANT SELECT ON inlet.oauth_settings TO inlet_agent"),
        QStringLiteral("ALTER TABLE inlet.agents ADD COLUMN admin boolean NOT NULL DEFAULT false"),
        QStringLiteral(R"(CREATE TABLE inlet.signin_handoffs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            agent_role text NOT NULL DEFAULT current_user
                REFERENCES inlet.agents(role_name) ON DELETE CASCADE,
            code text CHECK (length(code) BETWEEN 1 AND 2048),
            state text NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'exchanging', 'done', 'failed')),
            error_kind text NOT NULL DEFAULT '',
            error_reason integer NOT NULL DEFAULT 0,
            error_code integer NOT NULL DEFAULT 0,
            error_message text NOT NULL DEFAULT '',
            account_ig_user_id text NOT NULL DEFAULT '',
            account_username text NOT NULL DEFAULT '',
            subscribed boolean NOT NULL DEFAULT false,
            claimed_by text NOT NULL DEFAULT '',
            claimed_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz))"),
        QStringLiteral("CREATE INDEX signin_handoffs_pending ON inlet.signin_handoffs(id) "
                       "WHERE state = 'pending'"),
        QStringLiteral(
            "CREATE INDEX signin_handoffs_by_agent ON inlet.signin_handoffs(agent_role)"),
        QStringLiteral("ALTER TABLE inlet.signin_handoffs ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY own_rows ON inlet.signin_handoffs FOR SELECT TO inlet_agent "
                       "USING (agent_role = current_user::text)"),
        QStringLiteral(
            "CREATE POLICY admins_hand_off ON inlet.signin_handoffs FOR INSERT TO inlet_agent "
            "WITH CHECK (agent_role = current_user::text AND state = 'pending' AND EXISTS "
            "(SELECT 1 FROM inlet.agents a WHERE a.role_name = current_user::text AND a.admin))"),
        // Every column but the code may be read back; only the code may be written.
        QStringLiteral("GRANT SELECT (id, agent_role, state, error_kind, error_reason, error_code, "
                       "error_message, account_ig_user_id, account_username, subscribed, "
                       "created_at, finished_at) ON inlet.signin_handoffs TO inlet_agent"),
        QStringLiteral("GRANT INSERT (code) ON inlet.signin_handoffs TO inlet_agent"),
        QStringLiteral(R"(CREATE FUNCTION inlet.signin_wake() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                PERFORM pg_notify('inlet_signin', NEW.id::text);
                RETURN NULL;
            END $$)"),
        QStringLiteral("CREATE TRIGGER signin_handoffs_wake AFTER INSERT OR UPDATE OF state ON "
                       "inlet.signin_handoffs FOR EACH ROW EXECUTE FUNCTION inlet.signin_wake()"),
    };
}

// v5: outbox actions besides replies (the business's reactions, mark_seen), and agents' writes
// through one SECURITY DEFINER function instead of an INSERT grant: it checks the kind, the
// body's shape and size, that the conversation belongs to an account granted to the session's
// agent, and how much that agent has queued, and writes agent_role itself. Agents' sessions get
// timeouts (per role: ALTER ROLE on inlet_agent would not reach its members), so an agent's
// transaction left open cannot hold the change log's writers for long. docs/team.md.
QStringList outboxActionsAndGuardedEnqueue()
{
    const QString enqueue = QStringLiteral(R"(CREATE FUNCTION inlet.enqueue(p_client_id uuid,
                p_account text, p_customer text, p_kind text, p_body jsonb) RETURNS bigint
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                who text := session_user::text;
                acc bigint;
                conv bigint;
                existing record;
                new_id bigint;
            BEGIN
                IF p_client_id IS NULL OR p_kind IS NULL
                   OR p_kind NOT IN ('text', 'attachment', 'reaction', 'mark_seen') THEN
                    RAISE EXCEPTION 'inlet.enqueue: unknown kind %', p_kind
                        USING ERRCODE = '22023';
                END IF;
                IF p_body IS NULL OR jsonb_typeof(p_body) <> 'object'
                   OR octet_length(p_body::text) > %1 THEN
                    RAISE EXCEPTION 'inlet.enqueue: the body must be a JSON object of at most %1 bytes'
                        USING ERRCODE = '22023';
                END IF;
                SELECT id, agent_role INTO existing FROM inlet.outbox
                 WHERE client_id = p_client_id;
                IF FOUND THEN
                    IF existing.agent_role = who THEN
                        RETURN existing.id;
                    END IF;
                    RAISE EXCEPTION 'inlet.enqueue: client id taken' USING ERRCODE = '23505';
                END IF;
                SELECT c.account_id, c.id INTO acc, conv
                  FROM inlet.conversations c
                  JOIN inlet.accounts a ON a.id = c.account_id
                  JOIN inlet.contacts p ON p.id = c.contact_id AND p.account_id = c.account_id
                  JOIN inlet.agent_accounts g ON g.account_id = c.account_id AND g.agent_role = who
                 WHERE a.ig_user_id = p_account AND p.igsid = p_customer;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'inlet.enqueue: no such conversation for %', who
                        USING ERRCODE = 'P0002';
                END IF;
                IF (SELECT count(*) FROM inlet.outbox
                     WHERE agent_role = who AND state = 'queued') >= %2 THEN
                    RAISE EXCEPTION 'inlet.enqueue: too many rows queued for %', who
                        USING ERRCODE = '54000';
                END IF;
                INSERT INTO inlet.outbox (account_id, conversation_id, client_id, agent_role,
                                          kind, body)
                VALUES (acc, conv, p_client_id, who, p_kind, p_body)
                ON CONFLICT (client_id) DO NOTHING
                RETURNING id INTO new_id;
                IF new_id IS NULL THEN
                    RAISE EXCEPTION 'inlet.enqueue: client id taken' USING ERRCODE = '23505';
                END IF;
                RETURN new_id;
            END $$)");
    const QString agentTimeouts = QStringLiteral(R"(DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT a.role_name FROM inlet.agents a
                          JOIN pg_catalog.pg_roles p ON p.rolname = a.role_name LOOP
                    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L',
                                   r.role_name, '%1');
                    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', r.role_name, '%2');
                END LOOP;
            END $$)");
    return {
        // When an agent's mark_seen was sent: replicas mark the conversation read.
        QStringLiteral("ALTER TABLE inlet.conversations ADD COLUMN business_seen_ms bigint NOT "
                       "NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE inlet.outbox DROP CONSTRAINT outbox_kind_check"),
        QStringLiteral("ALTER TABLE inlet.outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN "
                       "('text', 'attachment', 'reaction', 'mark_seen'))"),
        enqueue.arg(MaxOutboxBodyBytes).arg(MaxQueuedPerAgent),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.enqueue(uuid, text, text, text, jsonb) "
                       "FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION inlet.enqueue(uuid, text, text, text, jsonb) "
                       "TO inlet_agent"),
        QStringLiteral("CREATE INDEX outbox_queued_by_agent ON inlet.outbox(agent_role) "
                       "WHERE state = 'queued'"),
        QStringLiteral("REVOKE INSERT ON inlet.outbox FROM inlet_agent"),
        QStringLiteral("DROP POLICY enqueue ON inlet.outbox"),
        agentTimeouts.arg(
            QLatin1String(AgentIdleInTransactionTimeout), QLatin1String(AgentStatementTimeout)),
    };
}

// v8 (7 is the team's shared statuses, labels and saved replies): notes may be edited and
// deleted by their author (policies edit and remove); a conversation is assigned
// only to an agent granted its account, checked by PostgreSQL whoever writes the row; and each
// agent comes with the accounts it is granted among the session agent's own
// (inlet.agents_and_accounts: other agents' grants are hidden from agents otherwise), so a
// conversation's menu offers only the agents who may see it.
QStringList assignOnlyToGrantedAgents()
{
    // INLET_VISIBLE_ACCOUNTS, spelled out (the macro ends with the steps that use it above).
    const QString visible = QStringLiteral("(SELECT aa.account_id FROM inlet.agent_accounts aa "
                                           "WHERE aa.agent_role = current_user::text)");
    return {
        QStringLiteral(R"(CREATE FUNCTION inlet.check_assignee() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                IF NEW.assignee IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM inlet.agent_accounts g
                         WHERE g.agent_role = NEW.assignee AND g.account_id = NEW.account_id) THEN
                    RAISE EXCEPTION 'inlet.assignments: % may not see account %',
                        NEW.assignee, NEW.account_id USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.check_assignee() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER assignments_assignee BEFORE INSERT OR UPDATE OF assignee, "
                       "account_id ON inlet.assignments FOR EACH ROW EXECUTE FUNCTION "
                       "inlet.check_assignee()"),
        QStringLiteral(R"(CREATE FUNCTION inlet.agents_and_accounts()
            RETURNS TABLE (role_name text, display_name text, accounts text)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                SELECT ag.role_name, ag.display_name,
                       COALESCE(string_agg(a.ig_user_id, ',' ORDER BY a.ig_user_id), '')
                  FROM inlet.agents ag
                  LEFT JOIN inlet.agent_accounts g ON g.agent_role = ag.role_name
                       AND g.account_id IN (SELECT mine.account_id FROM inlet.agent_accounts mine
                                             WHERE mine.agent_role = session_user::text)
                  LEFT JOIN inlet.accounts a ON a.id = g.account_id
                 GROUP BY ag.role_name, ag.display_name
                 ORDER BY lower(COALESCE(NULLIF(ag.display_name, ''), ag.role_name)),
                          ag.role_name
            $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.agents_and_accounts() FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION inlet.agents_and_accounts() TO inlet_agent"),
        // Notes: their author may change the text or delete them (in the accounts it still
        // sees); the change log carries both to the replicas.
        QStringLiteral("CREATE POLICY edit ON inlet.notes FOR UPDATE TO inlet_agent "
                       "USING (author = current_user::text AND account_id IN %1) "
                       "WITH CHECK (author = current_user::text AND account_id IN %1)")
            .arg(visible),
        QStringLiteral("CREATE POLICY remove ON inlet.notes FOR DELETE TO inlet_agent "
                       "USING (author = current_user::text AND account_id IN %1)")
            .arg(visible),
        QStringLiteral("GRANT UPDATE (body) ON inlet.notes TO inlet_agent"),
        QStringLiteral("GRANT DELETE ON inlet.notes TO inlet_agent"),
    };
}

// v10: an admin's desktop disconnects an Instagram
// account through the server, as it connects one (docs/team.md, "Disconnecting an account"). The
// admin inserts only the account's Instagram user id (agent_role defaults to its own role,
// created_at to now()), and only for an account that it is granted and that is not removed; it
// reads its own rows back. A server claims the row (FOR UPDATE SKIP LOCKED), unsubscribes the
// account from webhooks with its token, deletes the token, marks the account removed (which the
// change log carries to every replica) and writes the result. NOTIFY inlet_disconnect, '<id>'.
QStringList accountDisconnects()
{
    return {
        QStringLiteral(R"(CREATE TABLE inlet.account_disconnects (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            agent_role text NOT NULL DEFAULT current_user
                REFERENCES inlet.agents(role_name) ON DELETE CASCADE,
            account_ig_user_id text NOT NULL CHECK (length(account_ig_user_id) BETWEEN 1 AND 64),
            state text NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'working', 'done', 'failed')),
            unsubscribed boolean NOT NULL DEFAULT false,
            error_kind text NOT NULL DEFAULT '',
            error_reason integer NOT NULL DEFAULT 0,
            error_code integer NOT NULL DEFAULT 0,
            error_message text NOT NULL DEFAULT '',
            claimed_by text NOT NULL DEFAULT '',
            claimed_at timestamptz,
            created_at timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz))"),
        QStringLiteral("CREATE INDEX account_disconnects_pending ON inlet.account_disconnects(id) "
                       "WHERE state = 'pending'"),
        QStringLiteral("CREATE INDEX account_disconnects_by_agent ON "
                       "inlet.account_disconnects(agent_role)"),
        QStringLiteral("ALTER TABLE inlet.account_disconnects ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY own_rows ON inlet.account_disconnects FOR SELECT TO "
                       "inlet_agent USING (agent_role = current_user::text)"),
        QStringLiteral(
            "CREATE POLICY admins_disconnect ON inlet.account_disconnects FOR INSERT TO "
            "inlet_agent WITH CHECK (agent_role = current_user::text AND state = 'pending' AND "
            "EXISTS (SELECT 1 FROM inlet.agents a WHERE a.role_name = current_user::text AND "
            "a.admin) AND EXISTS (SELECT 1 FROM inlet.accounts c JOIN inlet.agent_accounts g ON "
            "g.account_id = c.id AND g.agent_role = current_user::text WHERE c.ig_user_id = "
            "account_ig_user_id AND NOT c.removed))"),
        QStringLiteral("GRANT SELECT (id, agent_role, account_ig_user_id, state, unsubscribed, "
                       "error_kind, error_reason, error_code, error_message, created_at, "
                       "finished_at) ON inlet.account_disconnects TO inlet_agent"),
        QStringLiteral("GRANT INSERT (account_ig_user_id) ON inlet.account_disconnects TO "
                       "inlet_agent"),
        QStringLiteral(R"(CREATE FUNCTION inlet.disconnect_wake() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                PERFORM pg_notify('inlet_disconnect', NEW.id::text);
                RETURN NULL;
            END $$)"),
        QStringLiteral("CREATE TRIGGER account_disconnects_wake AFTER INSERT OR UPDATE OF state "
                       "ON inlet.account_disconnects FOR EACH ROW EXECUTE FUNCTION "
                       "inlet.disconnect_wake()"),
    };
}

// v9, the ingest in one statement per group (docs/benchmarks-team.md, "Ingest"): inlet.ingest
// takes a group's new messages as one jsonb array and writes the customers, conversations,
// messages and their change-log rows set-based (jsonb_to_recordset), where the ingest ran four
// statements per message and a PL/pgSQL trigger per changed row. Each element: i (its position,
// returned when its account is not connected: the caller keeps it raw), a (the account's
// Instagram id), c (the customer's scoped id), u (username), m (mid), o (outgoing), k (kind),
// t (text), ts (created_ms), r (reply_to_mid), n (edit_count), meta.
// Exactly what the statements one message after the other did: a contact and a conversation
// made when missing (started at the customer's first message of the group), messages inserted
// ON CONFLICT (account_id, mid) DO NOTHING (a repeated delivery is stored once), each
// conversation moved on by the stored messages not older than its last activity nor than the
// group's stored messages before them (the last of them gives the preview), a Done or Snoozed
// conversation reopened by the first newer customer message (messages_reopen), and the same
// change-log rows the triggers wrote (the row after the change; contacts, then conversations,
// then messages, then the conversations moved on), under the same advisory lock held until
// the commit, taken after its writes (the caller commits right after it, so the ingest never
// waits for a row lock while holding it: another writer holding that row would wait for it at
// its own commit). The per-row triggers skip rows written while the transaction's inlet.ingest
// setting is on (only the ingest sets it; agents cannot write these tables).
// One NOTIFY per transaction and account instead of one per change: log_change and inlet.ingest
// announce the first change of each account in a transaction (the accounts announced are in the
// transaction's inlet.notified setting); a replica woken reads everything after the last change
// it applied, so fewer NOTIFYs lose nothing.
// The condition of the per-row triggers that inlet.ingest does the work of (a constraint
// trigger's WHEN is evaluated when the row changes, not at COMMIT).
#define INLET_NOT_IN_INGEST "current_setting('inlet.ingest', true) IS DISTINCT FROM 'on'"

QStringList ingestInOneStatement()
{
    return {
        QStringLiteral(R"(CREATE OR REPLACE FUNCTION inlet.log_change() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
                r jsonb;
                acc bigint;
                s bigint;
                notified text;
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    r := to_jsonb(OLD);
                ELSE
                    r := to_jsonb(NEW);
                END IF;
                IF TG_TABLE_NAME = 'accounts' THEN
                    acc := (r->>'id')::bigint;
                ELSIF TG_TABLE_NAME IN ('labels', 'saved_replies') THEN
                    acc := 0;
                ELSE
                    acc := (r->>'account_id')::bigint;
                END IF;
                PERFORM pg_advisory_xact_lock(7598263121);
                INSERT INTO inlet.change_log (account_id, entity, entity_id, op, row_data)
                VALUES (acc, TG_TABLE_NAME, (r->>'id')::bigint, left(TG_OP, 1),
                        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE r END)
                RETURNING seq INTO s;
                notified := COALESCE(NULLIF(current_setting('inlet.notified', true), ''), ',');
                IF position(',' || acc::text || ',' IN notified) = 0 THEN
                    PERFORM pg_notify('inlet_changes', s::text || ' ' || acc::text);
                    PERFORM set_config('inlet.notified', notified || acc::text || ',', true);
                END IF;
                RETURN NULL;
            END $$)"),
        // Index lookups only (nested loops, no hash or merge joins, no sequential scans): the
        // statements' plans are cached with the function, usually while the tables are small
        // and not analysed yet, and a plan that scans contacts or conversations whole is fine
        // for a hundred rows and ruinous for a million.
        QStringLiteral(R"(CREATE FUNCTION inlet.ingest(p_events jsonb) RETURNS SETOF integer
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp SET enable_hashjoin = off
            SET enable_mergejoin = off SET enable_seqscan = off AS $$
            DECLARE
                new_contacts jsonb;
                new_conversations jsonb;
                new_messages jsonb;
                moved_conversations jsonb;
                notified text := COALESCE(NULLIF(current_setting('inlet.notified', true), ''),
                                          ',');
                woken text;
            BEGIN
                RETURN QUERY SELECT e.i FROM jsonb_to_recordset(p_events) AS e(i integer, a text)
                  WHERE NOT EXISTS (SELECT 1 FROM inlet.accounts x
                                     WHERE x.ig_user_id = e.a AND NOT x.removed)
                  ORDER BY e.i;
                -- What follows logs its own changes: the per-row triggers skip them.
                PERFORM set_config('inlet.ingest', 'on', true);
                WITH ins AS (
                    INSERT INTO inlet.contacts (account_id, igsid, username)
                    SELECT f.account_id, f.c, f.u FROM (
                        SELECT DISTINCT ON (x.id, e.c) x.id AS account_id, e.c, e.u, e.i
                          FROM jsonb_to_recordset(p_events) AS e(i integer, a text, c text,
                                   u text)
                          JOIN inlet.accounts x ON x.ig_user_id = e.a AND NOT x.removed
                         WHERE (SELECT p.id FROM inlet.contacts p
                                 WHERE p.account_id = x.id AND p.igsid = e.c) IS NULL
                         ORDER BY x.id, e.c, e.i) f
                     ORDER BY f.i
                    ON CONFLICT (account_id, igsid) DO NOTHING
                    RETURNING *
                )
                SELECT jsonb_agg(to_jsonb(ins) ORDER BY ins.id) INTO new_contacts FROM ins;
                WITH ins AS (
                    INSERT INTO inlet.conversations (account_id, contact_id, started_ms)
                    SELECT f.account_id, f.contact_id, f.ts FROM (
                        SELECT DISTINCT ON (g.contact_id) g.account_id, g.contact_id, g.ts, g.i
                          FROM (SELECT x.id AS account_id, e.ts, e.i,
                                       (SELECT p.id FROM inlet.contacts p
                                         WHERE p.account_id = x.id AND p.igsid = e.c)
                                           AS contact_id
                                  FROM jsonb_to_recordset(p_events)
                                       AS e(i integer, a text, c text, ts bigint)
                                  JOIN inlet.accounts x ON x.ig_user_id = e.a AND NOT x.removed
                                OFFSET 0) g
                         WHERE (SELECT v.id FROM inlet.conversations v
                                 WHERE v.account_id = g.account_id
                                   AND v.contact_id = g.contact_id) IS NULL
                         ORDER BY g.contact_id, g.i) f
                     ORDER BY f.i
                    ON CONFLICT (account_id, contact_id) DO NOTHING
                    RETURNING *
                )
                SELECT jsonb_agg(to_jsonb(ins) ORDER BY ins.id) INTO new_conversations FROM ins;
                WITH ev AS (
                    SELECT e.*, x.id AS account_id,
                           (SELECT v.id FROM inlet.conversations v
                             WHERE v.account_id = x.id
                               AND v.contact_id = (SELECT p.id FROM inlet.contacts p
                                                    WHERE p.account_id = x.id
                                                      AND p.igsid = e.c)) AS conversation_id
                      FROM jsonb_to_recordset(p_events) AS e(i integer, a text, c text, m text,
                               o boolean, k smallint, t text, ts bigint, r text, n integer,
                               meta jsonb)
                      JOIN inlet.accounts x ON x.ig_user_id = e.a AND NOT x.removed
                ), stored AS (
                    INSERT INTO inlet.messages (account_id, conversation_id, mid, outgoing, kind,
                                                text, created_ms, reply_to_mid, edit_count, meta)
                    SELECT f.account_id, f.conversation_id, f.m, f.o, f.k, f.t, f.ts, f.r, f.n,
                           f.meta
                      FROM (SELECT DISTINCT ON (ev.account_id, ev.m) ev.* FROM ev
                             ORDER BY ev.account_id, ev.m, ev.i) f
                     ORDER BY f.i
                    ON CONFLICT (account_id, mid) DO NOTHING
                    RETURNING *
                ), ordered AS (
                    -- The ids follow the events' order (inserted ORDER BY f.i).
                    SELECT s.id, s.conversation_id, s.outgoing, s.created_ms, s.text,
                           max(s.created_ms) OVER (PARTITION BY s.conversation_id
                               ORDER BY s.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                               AS before_ms
                      FROM stored s
                ), latest AS (
                    SELECT DISTINCT ON (q.conversation_id) q.conversation_id,
                           q.created_ms AS ts, left(q.text, 200) AS preview,
                           max(q.created_ms) FILTER (WHERE NOT q.outgoing)
                               OVER (PARTITION BY q.conversation_id) AS customer_ms
                      FROM ordered q JOIN inlet.conversations v ON v.id = q.conversation_id
                     WHERE q.created_ms >= v.last_activity_ms
                       AND (q.before_ms IS NULL OR q.created_ms >= q.before_ms)
                     ORDER BY q.conversation_id, q.id DESC
                ), moved AS (
                    UPDATE inlet.conversations v SET last_activity_ms = l.ts,
                           last_message_preview = l.preview,
                           last_customer_message_ms = greatest(v.last_customer_message_ms,
                                                               l.customer_ms)
                      FROM latest l WHERE v.id = l.conversation_id
                    RETURNING v.*
                ), reopened AS (
                    -- messages_reopen, set-based: the first customer message newer than what
                    -- a Done or Snoozed status covers opens it.
                    UPDATE inlet.conversation_status cs SET status = 'open', snoozed_until_ms = 0,
                           through_ms = f.created_ms, changed_by = NULL, changed_at = now()
                      FROM (SELECT DISTINCT ON (m.conversation_id) m.conversation_id,
                                   m.created_ms
                              FROM stored m JOIN inlet.conversation_status st
                                   ON st.conversation_id = m.conversation_id
                             WHERE NOT m.outgoing AND st.status <> 'open'
                               AND m.created_ms > st.through_ms
                             ORDER BY m.conversation_id, m.id) f
                     WHERE cs.conversation_id = f.conversation_id
                )
                SELECT (SELECT jsonb_agg(to_jsonb(m) ORDER BY m.id) FROM stored m),
                       (SELECT jsonb_agg(to_jsonb(v) ORDER BY v.id) FROM moved v)
                  INTO new_messages, moved_conversations;
                -- The change log, under its lock held until the commit (as log_change): seq
                -- order is commit order. Taken after the writes above, so the ingest never waits
                -- for a row while holding it (the caller commits right after this function).
                PERFORM pg_advisory_xact_lock(7598263121);
                WITH logged AS (
                    INSERT INTO inlet.change_log (account_id, entity, entity_id, op, row_data)
                    SELECT (l.r->>'account_id')::bigint, l.entity, (l.r->>'id')::bigint, l.op,
                           l.r
                      FROM (SELECT 1 AS step, 'contacts' AS entity, 'I' AS op, c.r, c.n
                              FROM jsonb_array_elements(new_contacts) WITH ORDINALITY AS c(r, n)
                            UNION ALL
                            SELECT 2, 'conversations', 'I', c.r, c.n
                              FROM jsonb_array_elements(new_conversations)
                                   WITH ORDINALITY AS c(r, n)
                            UNION ALL
                            SELECT 3, 'messages', 'I', c.r, c.n
                              FROM jsonb_array_elements(new_messages) WITH ORDINALITY AS c(r, n)
                            UNION ALL
                            SELECT 4, 'conversations', 'U', c.r, c.n
                              FROM jsonb_array_elements(moved_conversations)
                                   WITH ORDINALITY AS c(r, n)) l
                     ORDER BY l.step, l.n
                    RETURNING seq, account_id
                )
                SELECT string_agg(w.account_id::text, ',') INTO woken FROM (
                    SELECT g.account_id, pg_notify('inlet_changes',
                               min(g.seq)::text || ' ' || g.account_id::text)
                      FROM logged g
                     WHERE position(',' || g.account_id::text || ',' IN notified) = 0
                     GROUP BY g.account_id) w;
                IF woken IS NOT NULL THEN
                    PERFORM set_config('inlet.notified', notified || woken || ',', true);
                END IF;
                PERFORM set_config('inlet.ingest', 'off', true);
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION inlet.ingest(jsonb) FROM PUBLIC"),
        QStringLiteral("DROP TRIGGER contacts_log ON inlet.contacts"),
        QStringLiteral("DROP TRIGGER conversations_log ON inlet.conversations"),
        QStringLiteral("DROP TRIGGER messages_log ON inlet.messages"),
        QStringLiteral("DROP TRIGGER messages_reopen ON inlet.messages"),
        QStringLiteral("CREATE CONSTRAINT TRIGGER contacts_log AFTER INSERT OR UPDATE OR DELETE ON "
                       "inlet.contacts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                       "WHEN (" INLET_NOT_IN_INGEST ") EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral(
            "CREATE CONSTRAINT TRIGGER conversations_log AFTER INSERT OR UPDATE OR DELETE ON "
            "inlet.conversations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            "WHEN (" INLET_NOT_IN_INGEST ") EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral("CREATE CONSTRAINT TRIGGER messages_log AFTER INSERT OR UPDATE OR DELETE ON "
                       "inlet.messages DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                       "WHEN (" INLET_NOT_IN_INGEST ") EXECUTE FUNCTION inlet.log_change()"),
        QStringLiteral("CREATE TRIGGER messages_reopen AFTER INSERT ON inlet.messages "
                       "FOR EACH ROW WHEN (NOT NEW.outgoing AND " INLET_NOT_IN_INGEST ") "
                       "EXECUTE FUNCTION inlet.reopen_on_customer_message()"),
    };
}

#undef INLET_NOT_IN_INGEST

} // namespace

const QList<Step> &steps()
{
    static const QList<Step> all {
        { 1,
            QStringLiteral(
                "accounts, agents, conversations, messages, outbox, change log, secrets, "
                "row-level security"),
            version1() },
        { 2, QStringLiteral("webhook events kept raw, server jobs"), version2() },
        { 3, QStringLiteral("customers' profiles to fetch"), profileFetchQueue() },
        { 4, QStringLiteral("sign-in hand-off: OAuth settings, admin agents, hand-off rows"),
            signInHandoff() },
        { 5,
            QStringLiteral("reactions and mark_seen in the outbox, enqueue through a checked "
                           "function, agents' session timeouts"),
            outboxActionsAndGuardedEnqueue() },
        { 6, QStringLiteral("team work: assignment, internal notes, presence"), teamWork() },
        { 7,
            QStringLiteral("team triage: status and Done history, labels, saved replies, "
                           "reopening on a customer message"),
            teamTriage() },
        { 8,
            QStringLiteral("assignment only to agents granted the account; notes edited and "
                           "deleted by their author"),
            assignOnlyToGrantedAgents() },
        { 9,
            QStringLiteral("the ingest in one statement per group (inlet.ingest), one NOTIFY per "
                           "transaction and account"),
            ingestInOneStatement() },
        { 10, QStringLiteral("accounts disconnected from an admin's desktop: disconnect requests"),
            accountDisconnects() },
    };
    return all;
}

int currentVersion()
{
    return steps().constLast().version;
}

Result<int> version(const QSqlDatabase &db)
{
    auto exists = sql::scalar(
        db, QStringLiteral("SELECT to_regclass('inlet.schema_migrations') IS NOT NULL"));
    if (!exists)
        return std::unexpected(exists.error());
    if (!exists->toBool())
        return 0;
    auto v = sql::scalar(
        db, QStringLiteral("SELECT COALESCE(max(version), 0) FROM inlet.schema_migrations"));
    if (!v)
        return std::unexpected(v.error());
    return v->toInt();
}

Status migrate(const QSqlDatabase &db, const QList<Step> &all, int target)
{
    const int newest = all.isEmpty() ? 0 : all.constLast().version;
    for (const Step &step : all) {
        if (step.version > target)
            break;
        int current = 0;
        Status result = sql::inTransaction(db, [&]() -> Status {
            if (auto ok = sql::exec(db, QStringLiteral("SET LOCAL ROLE inlet_server")); !ok)
                return ok;
            if (auto ok = sql::exec(
                    db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(MigrationLock));
                !ok)
                return ok;
            // Read under the lock: another server may have migrated meanwhile.
            auto v = version(db);
            if (!v)
                return std::unexpected(v.error());
            current = *v;
            if (current > newest) {
                return fail(Error::Kind::Storage,
                    QStringLiteral("the team database was written by a newer Inlet (schema "
                                   "version %1, this version knows up to %2); refusing it")
                        .arg(current)
                        .arg(newest),
                    SchemaTooNew);
            }
            if (step.version <= current)
                return {};
            qCInfo(lcTeam) << "migrating the team database to version" << step.version
                           << step.description;
            for (const QString &statement : step.statements) {
                if (auto ok = sql::exec(db, statement); !ok)
                    return ok;
            }
            return sql::exec(db,
                QStringLiteral("INSERT INTO inlet.schema_migrations (version, description) "
                               "VALUES (?, ?)"),
                { step.version, step.description });
        });
        if (!result) {
            Error e = result.error();
            if (e.code != SchemaTooNew) {
                e.message
                    = QStringLiteral("migration of the team database to version %1 failed, it "
                                     "is unchanged at version %2: %3")
                          .arg(step.version)
                          .arg(current)
                          .arg(e.message);
            }
            return std::unexpected(e);
        }
    }
    return {};
}

} // namespace inlet::team::schema
