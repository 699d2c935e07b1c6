// The ingest's statements on a real PostgreSQL (TeamDb): a group's new messages go set-based in
// one statement (inlet.ingest, team schema step 9), exactly as the statements one message after
// the other did. The same batch twice is stored once with one change per message; the kinds kept
// on the per-row path (edits, reactions, unknown accounts) keep their order around a set-based
// run; a transaction's changes wake each listener once per account.
#include "server/pgingest.h"
#include "support/teamdb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QTest>
#include <QtConcurrent>

using namespace inlet;
using namespace inlet::teamtest;

namespace {

const QString kBusiness = QStringLiteral("17841400000000009");

InboundEvent message(const QString &customer, const QString &mid, const QString &text, qint64 ts,
    bool outgoing = false)
{
    InboundEvent e;
    e.kind = InboundEvent::Kind::Message;
    e.accountId = kBusiness;
    e.customerId = customer;
    e.outgoing = outgoing;
    e.timestampMs = ts;
    e.mid = mid;
    e.text = text;
    e.rawJson = QJsonDocument(
        QJsonObject { { QStringLiteral("mid"), mid }, { QStringLiteral("text"), text } })
                    .toJson(QJsonDocument::Compact);
    return e;
}

InboundEvent about(InboundEvent::Kind kind, const QString &mid, qint64 ts)
{
    InboundEvent e;
    e.kind = kind;
    e.accountId = kBusiness;
    e.customerId = QStringLiteral("7100000000000001");
    e.timestampMs = ts;
    e.mid = mid;
    e.rawJson = QJsonDocument(
        QJsonObject { { QStringLiteral("about"),
            mid } }).toJson(QJsonDocument::Compact);
    return e;
}

} // namespace

class TstPgIngest : public QObject {
    Q_OBJECT

private:
    TeamDb m_db;
    qint64 m_account = 0;

    QString value(const QString &sql, const QVariantList &values = {})
    {
        return m_db.serverValue(sql, values);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!test::PgCluster::binDir().isEmpty(),
            "PostgreSQL is not installed: ./inlet.sh deps installs postgresql-15");
        QVERIFY2(m_db.setUp(), qPrintable(m_db.error()));
        m_account = m_db.addAccount(kBusiness);
        QVERIFY(m_account > 0);
    }

    // 50 events of 5 customers (one of them a repeated mid, one an echo of the business's reply,
    // one a postback, one with an attachment): stored once each, however often the batch comes.
    void sameBatchTwiceIsStoredOnce()
    {
        QList<InboundEvent> batch;
        const qint64 base = 1'765'000'000'000;
        for (int i = 0; i < 49; ++i) {
            const QString customer
                = QStringLiteral("72000000000000%1").arg(i % 5, 2, 10, QChar('0'));
            batch.append(message(customer, QStringLiteral("mid.twice.%1").arg(i),
                QStringLiteral("text %1").arg(i), base + i, i == 45));
        }
        batch[47].kind = InboundEvent::Kind::Postback;
        batch[47].postbackTitle = QStringLiteral("Opening hours");
        batch[48].attachments.append(
            { QStringLiteral("image"), QStringLiteral("https://cdn.example/a.jpg"), {}, {} });
        batch.append(batch.at(3)); // the same mid again in the same batch

        QVERIFY2(server::ingestBatch(m_db.server, batch), "first");
        const QString seq = value(QStringLiteral("SELECT max(seq) FROM inlet.change_log"));
        QVERIFY2(server::ingestBatch(m_db.server, batch), "second");
        QCOMPARE(value(QStringLiteral("SELECT max(seq) FROM inlet.change_log")), seq);

        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid LIKE "
                                      "'mid.twice.%'")),
            QStringLiteral("49"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.change_log l JOIN "
                                      "inlet.messages m ON l.entity = 'messages' AND l.entity_id "
                                      "= m.id WHERE m.mid LIKE 'mid.twice.%'")),
            QStringLiteral("49"));
        QCOMPARE(value(QStringLiteral("SELECT count(DISTINCT l.entity_id) || ' ' || count(*) FROM "
                                      "inlet.change_log l JOIN inlet.contacts c ON l.entity = "
                                      "'contacts' AND l.entity_id = c.id WHERE c.igsid LIKE "
                                      "'72%'")),
            QStringLiteral("5 5"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.conversations v JOIN "
                                      "inlet.contacts c ON c.id = v.contact_id WHERE c.igsid "
                                      "LIKE '72%' AND v.started_ms < ?"),
                     { base + 5 }),
            QStringLiteral("5"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.profile_fetches f JOIN "
                                      "inlet.contacts c ON c.id = f.contact_id WHERE c.igsid "
                                      "LIKE '72%'")),
            QStringLiteral("5"));
        // Each conversation as after its messages one by one: the newest gives the preview, the
        // customer's newest the reply window (message 45 is the business's echo).
        QCOMPARE(
            value(QStringLiteral(
                      "SELECT string_agg(v.last_activity_ms - ? || ':' || v.last_message_preview "
                      "|| ':' || v.last_customer_message_ms - ?, ',' ORDER BY c.igsid) FROM "
                      "inlet.conversations v JOIN inlet.contacts c ON c.id = v.contact_id "
                      "WHERE c.igsid LIKE '72%'"),
                { base, base }),
            QStringLiteral("45:text 45:40,46:text 46:46,47:Opening hours:47,48:text 48:48,"
                           "44:text 44:44"));
        QCOMPARE(value(QStringLiteral("SELECT meta->'attachments'->0->>'url' || ' ' || "
                                      "(meta->'raw'->>'mid') FROM inlet.messages WHERE mid = "
                                      "'mid.twice.48'")),
            QStringLiteral("https://cdn.example/a.jpg mid.twice.48"));
        QCOMPARE(value(QStringLiteral("SELECT kind || ' ' || text FROM inlet.messages WHERE mid = "
                                      "'mid.twice.47'")),
            QStringLiteral("%1 Opening hours").arg(int(InboundEvent::Kind::Postback)));
        // The change log holds what the row triggers wrote: each row as it is after the change,
        // a conversation's insert and then its move.
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.change_log l JOIN "
                                      "inlet.messages m ON l.entity = 'messages' AND l.entity_id "
                                      "= m.id AND l.op = 'I' AND l.row_data = to_jsonb(m) AND "
                                      "l.account_id = m.account_id WHERE m.mid LIKE "
                                      "'mid.twice.%'")),
            QStringLiteral("49"));
        QCOMPARE(value(QStringLiteral("SELECT string_agg(l.op, '' ORDER BY l.seq) FROM "
                                      "inlet.change_log l JOIN inlet.conversations v ON l.entity "
                                      "= 'conversations' AND l.entity_id = v.id AND l.account_id "
                                      "= v.account_id JOIN inlet.contacts c ON c.id = "
                                      "v.contact_id WHERE c.igsid = '7200000000000000'")),
            QStringLiteral("IU"));
        QCOMPARE(value(QStringLiteral("SELECT l.row_data = to_jsonb(v) FROM inlet.change_log l "
                                      "JOIN inlet.conversations v ON l.entity = 'conversations' "
                                      "AND l.entity_id = v.id JOIN inlet.contacts c ON c.id = "
                                      "v.contact_id WHERE c.igsid = '7200000000000000' ORDER BY "
                                      "l.seq DESC LIMIT 1")),
            QStringLiteral("true"));
    }

    // A customer's message newer than what a Done status covers reopens the conversation (the
    // first such message of the group gives through_ms); the business's own message does not.
    void customerMessageReopensADoneConversation()
    {
        const QString customer = QStringLiteral("7500000000000001");
        QVERIFY(server::ingestBatch(m_db.server,
            { message(customer, QStringLiteral("mid.reopen.1"), QStringLiteral("hi"), 100) }));
        const QString conversation
            = value(QStringLiteral("SELECT v.id FROM inlet.conversations v JOIN inlet.contacts c "
                                   "ON c.id = v.contact_id WHERE c.igsid = ?"),
                { customer });
        QCOMPARE(value(QStringLiteral("INSERT INTO inlet.conversation_status (account_id, "
                                      "conversation_id, status, through_ms, changed_by) VALUES "
                                      "(?, ?, 'done', 100, 'alice') RETURNING status"),
                     { m_account, conversation }),
            QStringLiteral("done"));
        QVERIFY(server::ingestBatch(m_db.server,
            { message(
                customer, QStringLiteral("mid.reopen.echo"), QStringLiteral("bye"), 150, true) }));
        QCOMPARE(value(QStringLiteral("SELECT status FROM inlet.conversation_status WHERE "
                                      "conversation_id = ?"),
                     { conversation }),
            QStringLiteral("done"));
        const QString before = value(QStringLiteral("SELECT max(seq) FROM inlet.change_log"));
        QVERIFY(server::ingestBatch(m_db.server,
            { message(customer, QStringLiteral("mid.reopen.old"), QStringLiteral("old"), 90),
                message(customer, QStringLiteral("mid.reopen.2"), QStringLiteral("again"), 200),
                message(customer, QStringLiteral("mid.reopen.3"), QStringLiteral("and"), 300) }));
        QCOMPARE(value(QStringLiteral("SELECT status || ' ' || through_ms || ' ' || "
                                      "(changed_by IS NULL) FROM inlet.conversation_status WHERE "
                                      "conversation_id = ?"),
                     { conversation }),
            QStringLiteral("open 200 true"));
        QCOMPARE(value(QStringLiteral("SELECT string_agg(entity || ' ' || op, ',' ORDER BY seq) "
                                      "FROM inlet.change_log WHERE seq > ?"),
                     { before }),
            QStringLiteral("messages I,messages I,messages I,conversations U,"
                           "conversation_status U"));
    }

    // Events the ingest applies one by one stay in their place between runs of messages: an
    // edit before its message is kept raw, one after it applied; reactions in their order; a
    // message older than the conversation's last activity does not move it; a message for an
    // account not connected is kept raw as it came.
    void perRowKindsKeepTheirOrder()
    {
        const QString customer = QStringLiteral("7100000000000001");
        InboundEvent early = about(InboundEvent::Kind::Edit, QStringLiteral("mid.order.1"), 10);
        early.text = QStringLiteral("edited too early");
        early.editCount = 1;
        InboundEvent edit = about(InboundEvent::Kind::Edit, QStringLiteral("mid.order.1"), 12);
        edit.text = QStringLiteral("edited");
        edit.editCount = 1;
        InboundEvent react = about(InboundEvent::Kind::Reaction, QStringLiteral("mid.order.1"), 13);
        react.reaction = QStringLiteral("love");
        InboundEvent stranger = message(
            customer, QStringLiteral("mid.order.elsewhere"), QStringLiteral("not ours"), 14);
        stranger.accountId = QStringLiteral("17841499999999999");
        const QList<InboundEvent> batch { early,
            message(customer, QStringLiteral("mid.order.1"), QStringLiteral("first"), 11), edit,
            about(InboundEvent::Kind::Unreaction, QStringLiteral("mid.order.1"), 13), react,
            stranger,
            message(customer, QStringLiteral("mid.order.2"), QStringLiteral("second"), 20),
            message(customer, QStringLiteral("mid.order.old"), QStringLiteral("older"), 5) };
        QVERIFY(server::ingestBatch(m_db.server, batch));

        QCOMPARE(value(QStringLiteral("SELECT text || ' ' || edit_count || ' ' || "
                                      "(meta->'customer_reaction'->>'reaction') FROM "
                                      "inlet.messages WHERE mid = 'mid.order.1'")),
            QStringLiteral("edited 1 love"));
        QCOMPARE(value(QStringLiteral("SELECT string_agg(kind || ' ' || mid, ',' ORDER BY id) FROM "
                                      "inlet.webhook_events WHERE mid LIKE 'mid.order.%'")),
            QStringLiteral("edit mid.order.1,message mid.order.elsewhere"));
        QCOMPARE(value(QStringLiteral("SELECT raw FROM inlet.webhook_events WHERE mid = "
                                      "'mid.order.elsewhere'")),
            QString::fromUtf8(stranger.rawJson));
        QCOMPARE(value(QStringLiteral("SELECT v.last_activity_ms || ' ' || v.last_message_preview "
                                      "|| ' ' || v.started_ms FROM inlet.conversations v JOIN "
                                      "inlet.contacts c ON c.id = v.contact_id WHERE c.igsid = ?"),
                     { customer }),
            QStringLiteral("20 second 11"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM inlet.messages WHERE mid LIKE "
                                      "'mid.order.%'")),
            QStringLiteral("3"));
    }

    // Another writer holding a conversation's row (as the outbox sender does when it stores a
    // reply) until after the ingest started: the ingest waits for the row without holding the
    // change log's lock, which that writer takes at its commit, so both commit (no deadlock).
    void ingestWaitsForARowWithoutHoldingTheLog()
    {
        const QString customer = QStringLiteral("7600000000000001");
        QVERIFY(server::ingestBatch(m_db.server,
            { message(customer, QStringLiteral("mid.wait.1"), QStringLiteral("one"), 100) }));
        const QString conversation
            = value(QStringLiteral("SELECT v.id FROM inlet.conversations v JOIN inlet.contacts c "
                                   "ON c.id = v.contact_id WHERE c.igsid = ?"),
                { customer });
        QSqlDatabase sender = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(sender.isOpen());
        QVERIFY(sender.transaction());
        QVERIFY(team::sql::exec(sender,
            QStringLiteral("UPDATE inlet.conversations SET business_seen_ms = 1 WHERE id = ?"),
            { conversation }));

        const test::PgCluster &cluster = m_db.cluster;
        QFuture<bool> ingest = QtConcurrent::run([&cluster, customer] {
            QSqlDatabase db
                = cluster.connect(QStringLiteral("inlet_server"), kServerPassword, kDatabase);
            const bool ok = db.isOpen()
                && server::ingestBatch(db,
                    { message(customer, QStringLiteral("mid.wait.2"), QStringLiteral("two"), 200) })
                       .has_value();
            const QString name = db.connectionName();
            db = QSqlDatabase();
            test::PgCluster::closeConnection(name);
            return ok;
        });
        // The ingest waits for the conversation's row.
        QTRY_COMPARE(value(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                          "wait_event_type = 'Lock' AND usename = "
                                          "'inlet_server'")),
            QStringLiteral("1"));
        QVERIFY(sender.commit());
        ingest.waitForFinished();
        QVERIFY(ingest.result());
        QCOMPARE(value(QStringLiteral("SELECT last_message_preview || ' ' || business_seen_ms "
                                      "FROM inlet.conversations WHERE id = ?"),
                     { conversation }),
            QStringLiteral("two 1"));
    }

    // One transaction of 50 messages in two accounts wakes a listener once per account (the
    // payload: the transaction's first change of that account, and the account), not once per
    // change; the next transaction wakes it again.
    void oneNotifyPerTransactionAndAccount()
    {
        const QString other = QStringLiteral("17841400000000010");
        const qint64 otherAccount = m_db.addAccount(other);
        QVERIFY(otherAccount > 0);
        QSqlDatabase listener = m_db.connect(QStringLiteral("inlet_server"), kServerPassword);
        QVERIFY(listener.isOpen());
        QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("inlet_changes")));
        QStringList payloads;
        QObject scope;
        connect(listener.driver(), &QSqlDriver::notification, &scope,
            [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                payloads.append(payload.toString());
            });

        for (int round = 0; round < 2; ++round) {
            const QString first = value(QStringLiteral("SELECT max(seq) FROM inlet.change_log"));
            QList<InboundEvent> batch;
            for (int i = 0; i < 50; ++i) {
                InboundEvent e = message(QStringLiteral("73000000000000%1").arg(i % 3),
                    QStringLiteral("mid.notify.%1.%2").arg(round).arg(i), QStringLiteral("hello"),
                    2000 + i);
                if (i % 10 == 9)
                    e.accountId = other;
                batch.append(e);
            }
            payloads.clear();
            QVERIFY(server::ingestBatch(m_db.server, batch));
            QTRY_COMPARE(payloads.size(), 2);
            QTest::qWait(300); // no more come
            QCOMPARE(payloads.size(), 2);
            QCOMPARE(
                value(QStringLiteral("SELECT count(*) > 50 FROM inlet.change_log WHERE seq > ?"),
                    { first }),
                QStringLiteral("true"));
            for (qint64 account : { m_account, otherAccount }) {
                QCOMPARE(payloads.filter(QStringLiteral(" %1").arg(account)).size(), 1);
                QCOMPARE(payloads.filter(QStringLiteral(" %1").arg(account)).first(),
                    value(QStringLiteral("SELECT min(seq) || ' ' || ? FROM inlet.change_log "
                                         "WHERE seq > ? AND account_id = ?"),
                        { account, first, account }));
            }
        }
        listener.driver()->unsubscribeFromNotification(QStringLiteral("inlet_changes"));
    }
};

QTEST_GUILESS_MAIN(TstPgIngest)
#include "tst_pgingest.moc"
