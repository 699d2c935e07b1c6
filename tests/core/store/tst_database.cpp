// Opening the store's file: pragmas, migrations from every earlier version, and the ways a file
// can be unusable (newer schema, not a database, corrupted pages, a failed migration, full disk).
#include "common/privatefiles.h"
#include "store/database.h"
#include "store/schema.h"
#include "store/sqlutil.h"
#include "storetestutil.h"
#include "support/await.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::storetest;

namespace {

// A raw connection to `path`, closed and removed when it goes out of scope.
class RawConnection {
public:
    explicit RawConnection(const QString &path)
    {
        static int counter = 0;
        m_name = QStringLiteral("raw-%1").arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }
    QVariant scalar(const QString &sql) const { return sql::scalar(db(), sql).value_or(QVariant()); }

private:
    QString m_name;
};

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private slots:
    void freshFileIsCurrentAndInWalMode()
    {
        QTemporaryDir dir;
        {
            auto store = Store::open(dir.path());
            QVERIFY(ok(store));
        }
        RawConnection raw(Database::pathInDataDir(dir.path()));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), schema::currentVersion());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QVERIFY(schema::currentVersion() >= 3);
    }

    // Messages, names and settings are the user's only, even under the usual umask 022 and when
    // nothing in the process narrowed the umask (the core alone: tests, tools, headless).
    void dataFilesArePrivateUnderUmask022()
    {
#ifndef Q_OS_UNIX
        QSKIP("file modes are Unix");
#else
        const mode_t previous = ::umask(022);
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(QStringLiteral("data"));
        {
            auto store = Store::open(dataDir);
            QVERIFY(ok(store));
            const QString iniPath = QDir(dataDir).filePath(QStringLiteral("inlet.ini"));
            QVERIFY(privatefiles::makePrivateFile(iniPath));
            QSettings settings(iniPath, QSettings::IniFormat);
            settings.setValue(QStringLiteral("webhook/port"), 8123);
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);

            const auto mode = [](const QString &path) {
                struct stat st { };
                return ::stat(QFile::encodeName(path).constData(), &st) == 0
                    ? int(st.st_mode & 0777)
                    : -1;
            };
            const QString db = Database::pathInDataDir(dataDir);
            QCOMPARE(mode(dataDir), 0700);
            QCOMPARE(mode(db), 0600);
            QCOMPARE(mode(db + QStringLiteral("-wal")), 0600);
            QCOMPARE(mode(db + QStringLiteral("-shm")), 0600);
            QCOMPARE(mode(iniPath), 0600);
        }
        // A profile an older Inlet left world-readable is narrowed when it is opened again.
        const QString db = Database::pathInDataDir(dataDir);
        QFile::setPermissions(dataDir, QFile::Permissions(0x7755));
        QFile::setPermissions(db, QFile::Permissions(0x6644));
        {
            auto store = Store::open(dataDir);
            QVERIFY(ok(store));
            QCOMPARE(QFileInfo(db).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                QFile::Permissions());
            QCOMPARE(QFileInfo(dataDir).permissions() & (QFile::ReadOther | QFile::ExeOther),
                QFile::Permissions());
        }
        ::umask(previous);
#endif
    }

    // A burst (a full sync, a webhook flood) does not leave a WAL that big for good.
    void walSizeIsBounded()
    {
        QTemporaryDir dir;
        auto db = Database::open(Database::pathInDataDir(dir.path()), Database::Mode::Writer);
        QVERIFY(ok(db));
        const qint64 limit
            = sql::scalar((*db)->connection(), QStringLiteral("PRAGMA journal_size_limit"))
                  ->toLongLong();
        QCOMPARE(limit, Database::kJournalSizeLimitBytes);
        QVERIFY(limit > 0 && limit <= 64LL * 1024 * 1024);
    }

    // Events waiting for a message that never comes are dropped when the store opens: by age, and
    // by count (a timestamp is the sender's word).
    void oldDeferredEventsExpireAtOpen()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            auto db = Database::open(path, Database::Mode::Writer);
            QVERIFY(ok(db));
            QSqlQuery q((*db)->connection());
            q.prepare(QStringLiteral("INSERT INTO deferred_events(account_id, mid, timestamp_ms, "
                                     "event_json, event_hash) VALUES ('a', ?, ?, '{}', ?)"));
            const QList<std::pair<QString, qint64>> rows{
                {QStringLiteral("old"), now - 15LL * 24 * 3600 * 1000},
                {QStringLiteral("recent"), now - 3600 * 1000}};
            for (const auto &[mid, ts] : rows) {
                q.addBindValue(mid);
                q.addBindValue(ts);
                q.addBindValue(mid);
                QVERIFY(q.exec());
            }
        }
        {
            auto db = Database::open(path, Database::Mode::Writer);
            QVERIFY(ok(db));
            QCOMPARE(sql::scalar((*db)->connection(), QStringLiteral("SELECT group_concat(mid) FROM deferred_events"))
                         ->toString(),
                     QStringLiteral("recent"));
            // Beyond the row cap, the oldest rows go whatever their timestamps say.
            QVERIFY(sql::execText((*db)->connection(),
                                  QStringLiteral("INSERT INTO deferred_events(id, account_id, mid, timestamp_ms, "
                                                 "event_json, event_hash) VALUES (%1, 'a', 'future', %2, '{}', 'f')")
                                      .arg(Database::kDeferredMaxRows + 10)
                                      .arg(now + 1000LL * 24 * 3600 * 1000)));
            QVERIFY(ok(Database::expireDeferred((*db)->connection(), now)));
            QCOMPARE(sql::scalar((*db)->connection(), QStringLiteral("SELECT group_concat(mid) FROM deferred_events"))
                         ->toString(),
                     QStringLiteral("future"));
        }
    }

    void writerConnectionHasForeignKeysAndSync()
    {
        QTemporaryDir dir;
        auto db = Database::open(Database::pathInDataDir(dir.path()), Database::Mode::Writer);
        QVERIFY(ok(db));
        QCOMPARE(sql::scalar((*db)->connection(), QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
        QCOMPARE(sql::scalar((*db)->connection(), QStringLiteral("PRAGMA synchronous"))->toInt(), 1); // NORMAL
        StoreOptions full;
        full.durableAgainstPowerLoss = true;
        auto db2 = Database::open(Database::pathInDataDir(dir.path()), Database::Mode::Writer, full);
        QVERIFY(ok(db2));
        QCOMPARE(sql::scalar((*db2)->connection(), QStringLiteral("PRAGMA synchronous"))->toInt(), 2); // FULL
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < schema::currentVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            RawConnection raw(path);
            QVERIFY(ok(schema::migrate(raw.db(), schema::steps(), fromVersion)));
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), fromVersion);
            if (fromVersion >= 1) {
                // Rows as the oldest schema (v1) knew them; later columns take their defaults.
                const QStringList rows{
                    QStringLiteral("INSERT INTO accounts(id, username) VALUES ('%1', 'shop')").arg(kAccount),
                    QStringLiteral("INSERT INTO contacts(id, name) VALUES ('%1', 'Zoë')").arg(kCustomer),
                    QStringLiteral("INSERT INTO conversations(id, account_id, customer_id, last_activity_ms, "
                                   "unread_count, last_customer_message_ms) VALUES (7, '%1', '%2', 2000, 1, 1000)")
                        .arg(kAccount, kCustomer),
                    QStringLiteral("INSERT INTO messages(conversation_id, account_id, mid, outgoing, text, "
                                   "created_ms, state) VALUES (7, '%1', 'm1', 0, 'un café au lait', 1000, 0)")
                        .arg(kAccount),
                    QStringLiteral("INSERT INTO messages(conversation_id, account_id, mid, outgoing, text, "
                                   "created_ms, state) VALUES (7, '%1', 'm2', 1, 'merci', 2000, 3)")
                        .arg(kAccount),
                };
                for (const QString &row : rows)
                    QVERIFY2(raw.exec(row), qPrintable(row));
            }
        }

        auto store = Store::open(dir.path());
        QVERIFY(ok(store));
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        {
            RawConnection raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), schema::currentVersion());
        }
        if (fromVersion >= 1) {
            auto messages = (*reader)->newestMessages(7, 10);
            QVERIFY(ok(messages));
            QCOMPARE(messages->size(), 2);
            QCOMPARE(messages->at(0).text, QStringLiteral("un café au lait"));
            auto conversation = (*reader)->conversation(7);
            QVERIFY(ok(conversation) && conversation->has_value());
            if (fromVersion < 2)
                QCOMPARE((*conversation)->lastOutgoingMs, qint64(2000)); // back-filled by v2
            QCOMPARE((*conversation)->contact.name, QStringLiteral("Zoë"));
            // Old messages are searchable (v3 rebuilt the index), diacritics-insensitively.
            auto hits = (*reader)->search(QStringLiteral("cafe"));
            QVERIFY(ok(hits));
            QCOMPARE(hits->size(), 1);
        }
        // The migrated file takes new writes like a fresh one.
        QVERIFY(ok(awaitResult((*store)->applyEvents(
            { message(QStringLiteral("m3"), 3000, QStringLiteral("encore")) }))));
        auto counts = (*reader)->counts();
        QVERIFY(ok(counts));
        QCOMPARE(counts->messages, qint64(fromVersion >= 1 ? 3 : 1));
    }

    void newerSchemaIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future(x)")));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(schema::currentVersion() + 1)));
        }
        auto store = Store::open(dir.path());
        QVERIFY(!store);
        QCOMPARE(store.error().kind, Error::Kind::Storage);
        QCOMPARE(store.error().code, sqlite::SchemaTooNew);
        QVERIFY2(store.error().message.contains(QStringLiteral("newer")), qPrintable(store.error().message));
        RawConnection raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), schema::currentVersion() + 1);
        QVERIFY(!raw.exec(QStringLiteral("SELECT * FROM messages")));
    }

    void fileThatIsNotADatabaseIsReported()
    {
        QTemporaryDir dir;
        QFile file(Database::pathInDataDir(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        auto store = Store::open(dir.path());
        QVERIFY(!store);
        QCOMPARE(store.error().kind, Error::Kind::Storage);
        QCOMPARE(store.error().code, sqlite::NotADatabase);
        QVERIFY2(store.error().message.contains(QStringLiteral("not an Inlet database")),
                 qPrintable(store.error().message));
    }

    void corruptedPagesAreReported()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            auto store = Store::open(dir.path());
            QVERIFY(ok(store));
            QList<InboundEvent> events;
            for (int i = 0; i < 2000; ++i)
                events.append(message(QStringLiteral("m%1").arg(i), 1000 + i,
                                      QStringLiteral("message number %1 with some padding text").arg(i),
                                      QStringLiteral("c%1").arg(i % 50)));
            QVERIFY(ok(awaitResult((*store)->applyEvents(events))));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 40 * 4096);
        // Scribble over pages in the middle of the file (the header stays valid).
        for (qint64 page = 4; page < size / 4096 - 2; page += 3) {
            file.seek(page * 4096);
            file.write(QByteArray(4096, char(0x5a)));
        }
        file.close();

        auto store = Store::open(dir.path());
        QVERIFY(!store);
        QCOMPARE(store.error().kind, Error::Kind::Storage);
        QCOMPARE(store.error().code, sqlite::Corrupt);
        QVERIFY2(store.error().message.contains(QStringLiteral("corrupted")), qPrintable(store.error().message));
    }

    void version3FileGetsTheReactionQueue()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            RawConnection raw(path);
            QVERIFY(ok(schema::migrate(raw.db(), schema::steps(), 3)));
            const QStringList rows{
                QStringLiteral("INSERT INTO accounts(id) VALUES ('%1')").arg(kAccount),
                QStringLiteral("INSERT INTO contacts(id) VALUES ('%1')").arg(kCustomer),
                QStringLiteral("INSERT INTO conversations(id, account_id, customer_id) VALUES (7, '%1', '%2')")
                    .arg(kAccount, kCustomer),
                QStringLiteral("INSERT INTO messages(id, conversation_id, account_id, mid, outgoing, text, "
                               "created_ms, state) VALUES (70, 7, '%1', 'm1', 0, 'nice', 1000, 0)")
                    .arg(kAccount),
                QStringLiteral("INSERT INTO reactions(message_id, reactor_id, reaction, emoji, reacted_ms) "
                               "VALUES (70, '%1', 'love', '❤️', 1500)")
                    .arg(kCustomer),
            };
            for (const QString &row : rows)
                QVERIFY2(raw.exec(row), qPrintable(row));
        }
        auto store = Store::open(dir.path());
        QVERIFY(ok(store));
        {
            RawConnection raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), schema::currentVersion());
            QVERIFY(raw.scalar(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'reaction_queue'")).isValid());
        }
        // The old rows take the business's own reaction next to the customer's.
        auto queued = awaitResult(
            (*store)->enqueueReaction(70, QStringLiteral("😂"), QStringLiteral("😂"), false));
        QVERIFY(ok(queued));
        QCOMPARE(queued->entry.mid, QStringLiteral("m1"));
        QCOMPARE(queued->entry.customerId, kCustomer);
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        auto m = (*reader)->message(70);
        QVERIFY(ok(m) && m->has_value());
        QCOMPARE((*m)->reactions.size(), 2);
        QCOMPARE((*m)->reactions.at(0).emoji, QStringLiteral("❤️"));
        QCOMPARE((*m)->reactions.at(1).reactorId, kAccount);
        QCOMPARE(awaitResult((*store)->queuedReactions())->size(), 1);
    }

    // v5: the sync engine's state (conversation list walked, up to which updated_time) survives
    // a restart, and a conversation can carry the "older messages may be missing" mark.
    void version4FileGetsTheSyncState()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            RawConnection raw(path);
            QVERIFY(ok(schema::migrate(raw.db(), schema::steps(), 4)));
            const QStringList rows {
                QStringLiteral("INSERT INTO accounts(id) VALUES ('%1')").arg(kAccount),
                QStringLiteral("INSERT INTO contacts(id) VALUES ('%1')").arg(kCustomer),
                QStringLiteral(
                    "INSERT INTO conversations(id, account_id, customer_id) VALUES (7, '%1', '%2')")
                    .arg(kAccount, kCustomer),
            };
            for (const QString &row : rows)
                QVERIFY2(raw.exec(row), qPrintable(row));
        }
        auto store = Store::open(dir.path());
        QVERIFY(ok(store));
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        auto empty = (*reader)->syncState(kAccount);
        QVERIFY(ok(empty));
        QVERIFY(empty->updatedMs.isEmpty());
        QVERIFY(!empty->walkComplete);
        auto conversation = (*reader)->conversation(7);
        QVERIFY(ok(conversation) && conversation->has_value());
        QVERIFY(!(*conversation)->olderMissing);

        QVERIFY(ok(awaitResult(
            (*store)->rememberConversationSynced(kAccount, QStringLiteral("c1"), 1000))));
        QVERIFY(ok(awaitResult(
            (*store)->rememberConversationSynced(kAccount, QStringLiteral("c1"), 2000))));
        QVERIFY(ok(awaitResult(
            (*store)->rememberConversationSynced(kAccount, QStringLiteral("c2"), 1500))));
        QVERIFY(ok(awaitResult((*store)->setSyncWalkComplete(kAccount, true))));
        QVERIFY(ok(awaitResult((*store)->markOlderMissing(kAccount, kCustomer))));
        auto state = (*reader)->syncState(kAccount);
        QVERIFY(ok(state));
        QCOMPARE(state->updatedMs.size(), 2);
        QCOMPARE(state->updatedMs.value(QStringLiteral("c1")), qint64(2000));
        QVERIFY(state->walkComplete);
        conversation = (*reader)->conversation(7);
        QVERIFY((*conversation)->olderMissing);

        // Removing the account with its messages forgets what sync knew (a new connection walks
        // everything again).
        QVERIFY(ok(awaitResult((*store)->removeAccount(kAccount, true))));
        state = (*reader)->syncState(kAccount);
        QVERIFY(ok(state));
        QVERIFY(state->updatedMs.isEmpty());
        QVERIFY(!state->walkComplete);
    }

    // v7: the search index is made again with prefix indexes (2 and 3 characters), filled with
    // progress; the old messages are still found, by whole words and by prefixes as typed.
    void version5FileGetsPrefixIndexes()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        const QStringList texts { QStringLiteral("the cafeteria opens at nine"),
            QStringLiteral("Straße und Café"), QStringLiteral("ordering two more"),
            QStringLiteral("ΚΑΛΗΜΕΡΑ from Athens"), QStringLiteral("nothing else") };
        {
            RawConnection raw(path);
            QVERIFY(ok(schema::migrate(raw.db(), schema::steps(), 5)));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO accounts(id) VALUES ('%1')").arg(kAccount)));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO contacts(id) VALUES ('%1')").arg(kCustomer)));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO conversations(id, account_id, customer_id) "
                                        "VALUES (7, '%1', '%2')")
                             .arg(kAccount, kCustomer)));
            for (int i = 0; i < texts.size(); ++i) {
                QSqlQuery q(raw.db());
                q.prepare(QStringLiteral(
                    "INSERT INTO messages(id, conversation_id, account_id, mid, "
                    "outgoing, text, created_ms, state) VALUES (?, 7, ?, ?, 0, ?, ?, 0)"));
                q.addBindValue(10 * (i + 1)); // gaps between the ids
                q.addBindValue(kAccount);
                q.addBindValue(QStringLiteral("m%1").arg(i));
                q.addBindValue(texts.at(i));
                q.addBindValue(1000 + i);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            QVERIFY(!raw.scalar(QStringLiteral(
                                    "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"))
                         .toString()
                         .contains(QStringLiteral("prefix")));
        }
        // The log tells how far the rebuild is (minutes at 10,000,000 messages).
        QTest::ignoreMessage(QtInfoMsg,
            QRegularExpression(QStringLiteral("migrating to version 7: 100% \\(5 of 5\\)")));
        auto store = Store::open(dir.path());
        QVERIFY(ok(store));
        {
            RawConnection raw(path);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
                schema::currentVersion());
            QVERIFY(raw.scalar(QStringLiteral(
                                   "SELECT sql FROM sqlite_master WHERE name = 'messages_fts'"))
                        .toString()
                        .contains(QStringLiteral("prefix='2 3'")));
            // The index (its prefix indexes included) holds exactly the messages' words.
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")));
        }
        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        const auto found = [&](const QString &typed) {
            auto hits = (*reader)->search(typed);
            QStringList ids;
            for (const SearchHit &hit : hits.value_or(QList<SearchHit>()))
                ids << QString::number(hit.messageId);
            return ids.join(QLatin1Char(','));
        };
        QCOMPARE(
            found(QStringLiteral("ca")), QStringLiteral("20,10")); // café, cafeteria: newest first
        QCOMPARE(found(QStringLiteral("caf")), QStringLiteral("20,10"));
        QCOMPARE(found(QStringLiteral("cafet")), QStringLiteral("10"));
        QCOMPARE(found(QStringLiteral("STRA")), QStringLiteral("20"));
        QCOMPARE(found(QStringLiteral("or")), QStringLiteral("30"));
        QCOMPARE(found(QStringLiteral("καλ")), QStringLiteral("40"));
        QCOMPARE(found(QStringLiteral("two mo")), QStringLiteral("30"));
        QCOMPARE(found(QStringLiteral("zz")), QString());
        // New messages reach the rebuilt index through the triggers, prefixes included.
        QVERIFY(ok(awaitResult((*store)->applyEvents(
            { message(QStringLiteral("m9"), 9000, QStringLiteral("caffeine")) }))));
        QCOMPARE(found(QStringLiteral("caf")).split(QLatin1Char(',')).size(), 3);
    }

    void fillFtsWorksInRowRanges()
    {
        QTemporaryDir dir;
        auto store = Store::open(dir.path());
        QVERIFY(ok(store));
        QList<InboundEvent> events;
        for (int i = 0; i < 25; ++i)
            events.append(message(
                QStringLiteral("m%1").arg(i), 1000 + i, QStringLiteral("word%1 shared").arg(i)));
        QVERIFY(ok(awaitResult((*store)->applyEvents(events))));
        store->reset();
        RawConnection raw(Database::pathInDataDir(dir.path()));
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('delete-all')")));
        QCOMPARE(
            raw.scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH 'shared'"))
                .toInt(),
            0);
        QList<qint64> done;
        QVERIFY(ok(schema::fillFts(
            raw.db(),
            [&](qint64 d, qint64 total) {
                QCOMPARE(total, qint64(25));
                done.append(d);
            },
            4)));
        QCOMPARE(done.constLast(), qint64(25));
        QVERIFY(done.size() >= 7); // 25 rows in ranges of 4 ids
        QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
        QCOMPARE(
            raw.scalar(QStringLiteral(
                           "SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH 'shared'"))
                .toInt(),
            25);
        QCOMPARE(raw.scalar(QStringLiteral(
                                "SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH 'wo*'"))
                     .toInt(),
            25);
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")));
    }

    void failedMigrationLeavesThePreviousVersion()
    {
        QTemporaryDir dir;
        RawConnection raw(Database::pathInDataDir(dir.path()));
        QVERIFY(ok(schema::migrate(raw.db())));
        QList<schema::Step> steps = schema::steps();
        const int next = schema::currentVersion() + 1;
        steps.append({next, QStringLiteral("broken"),
                      {QStringLiteral("CREATE TABLE half_done(x)"), QStringLiteral("THIS IS NOT SQL")}});
        auto result = schema::migrate(raw.db(), steps, next);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Storage);
        QVERIFY(result.error().message.contains(QStringLiteral("unchanged")));
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), schema::currentVersion());
        QVERIFY(!raw.scalar(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'half_done'")).isValid());
    }

    void fullDiskIsReportedAndNothingIsHalfWritten()
    {
        QTemporaryDir dir;
        StoreOptions options;
        options.maxPageCount = 80; // a little above what the empty schema takes
        auto store = Store::open(dir.path(), options);
        QVERIFY(ok(store));
        QVERIFY(ok(awaitResult(
            (*store)->applyEvents({ message(QStringLiteral("small"), 1, QStringLiteral("hi")) }))));

        QList<InboundEvent> big;
        for (int i = 0; i < 3000; ++i)
            big.append(message(QStringLiteral("big%1").arg(i), 100 + i, QString(200, QLatin1Char('a' + i % 26))));
        auto result = awaitResult((*store)->applyEvents(big));
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Storage);
        QCOMPARE(result.error().code, sqlite::Full);
        QVERIFY2(result.error().message.contains(QStringLiteral("disk is full")), qPrintable(result.error().message));

        auto reader = StoreReader::open((*store)->databasePath());
        QVERIFY(ok(reader));
        QCOMPARE((*reader)->counts()->messages, qint64(1)); // the failed batch left nothing behind
        // The store keeps working for writes that fit.
        QVERIFY(ok(awaitResult((*store)->applyEvents(
            { message(QStringLiteral("after"), 5000, QStringLiteral("ok")) }))));
        QCOMPARE((*reader)->counts()->messages, qint64(2));
    }

    void readerRefusesAnUnmigratedFile()
    {
        QTemporaryDir dir;
        const QString path = Database::pathInDataDir(dir.path());
        {
            RawConnection raw(path);
            QVERIFY(ok(schema::migrate(raw.db(), schema::steps(), 1)));
        }
        auto reader = StoreReader::open(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().kind, Error::Kind::Storage);
        auto missing = StoreReader::open(dir.filePath(QStringLiteral("nope.sqlite")));
        QVERIFY(!missing);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
