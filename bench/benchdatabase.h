// The big benchmark database shared by bench_store and bench_startup: one account, by default
// 10,000 conversations and 1,000,000 messages (random words from a Zipf-ish vocabulary), FTS
// index built. bench_store takes other sizes (--messages 10000000 --conversations 100000).
// Header-only because bench/CMakeLists.txt makes one executable per bench_*.cpp.
#pragma once

#include "store/database.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/storereader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace inlet::bench {

inline const QString kBenchAccount = QStringLiteral("17841400000000001");

struct BigDatabaseOptions {
    int conversations = 10'000;
    qint64 messages = 1'000'000;
    // false: every conversation gets about the same number of messages (about 100).
    // true: like a real inbox, a few long customer histories and a long tail of short ones
    // (conversation c gets a share falling like c^-2/3: #1 about 46,000 messages, the last ones
    // about 30); conversation 1 also has the newest message, so it is the inbox's first row.
    bool skewed = false;
};

[[noreturn]] inline void databaseFailed(const QString &what)
{
    std::fprintf(stderr, "benchdatabase: %s\n", qPrintable(what));
    std::exit(1);
}

// A vocabulary of made-up words plus a few real ones with diacritics, Zipf-ish frequencies.
inline QStringList vocabulary()
{
    QStringList words { QStringLiteral("café"), QStringLiteral("crème"), QStringLiteral("müller"),
        QStringLiteral("straße"), QStringLiteral("niño"), QStringLiteral("order"),
        QStringLiteral("delivery"), QStringLiteral("refund"), QStringLiteral("size"),
        QStringLiteral("price"), QStringLiteral("hello"), QStringLiteral("thanks") };
    QRandomGenerator rng(7);
    const QString letters = QStringLiteral("abcdefghijklmnoprstuvwyz");
    while (words.size() < 5000) {
        QString w;
        const int len = 3 + int(rng.bounded(7));
        for (int i = 0; i < len; ++i)
            w += letters.at(int(rng.bounded(letters.size())));
        words.append(w);
    }
    return words;
}

inline QString pickWord(const QStringList &words, QRandomGenerator &rng)
{
    // Squaring a uniform number favours the first words (a long tail like real text).
    const double u = rng.generateDouble();
    return words.at(int(u * u * (words.size() - 1)));
}

// Messages and conversations in the database at `path` (0 if there is none). Plain SQL, not
// StoreReader: a file at an older schema version is counted too (bench_store then times its
// migration when it opens the Store).
struct ExistingSize {
    qint64 messages = 0;
    qint64 conversations = 0;
};
inline ExistingSize existingSize(const QString &path)
{
    ExistingSize size;
    if (!QFile::exists(path))
        return size;
    const QString connection = QStringLiteral("bench-count");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT (SELECT MAX(id) FROM messages), "
                                      "(SELECT COUNT(*) FROM conversations)"))
                && q.next()) {
                size.messages = q.value(0).toLongLong(); // ids are 1..n in a built database
                size.conversations = q.value(1).toLongLong();
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return size;
}
inline qint64 existingMessages(const QString &path)
{
    return existingSize(path).messages;
}

namespace detail {
inline void exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        databaseFailed(sql + QStringLiteral(": ") + q.lastError().text());
}

inline void exec(QSqlQuery &q)
{
    if (!q.exec())
        databaseFailed(q.lastError().text());
}
} // namespace detail

// (Re)creates the database in `dataDir`: the schema through the real migrations, then a bulk load
// with the FTS triggers dropped and the index rebuilt once at the end. Rows go in with prepared
// statements, one transaction per 100,000 messages (a single one would grow the WAL to the size
// of the database). Prints its progress and timings.
inline void buildBigDatabase(const QString &dataDir, const BigDatabaseOptions &options = {})
{
    using detail::exec;
    QDir(dataDir).removeRecursively();
    {
        auto store = Store::open(dataDir);
        if (!store)
            databaseFailed(store.error().message);
    }
    QElapsedTimer timer;
    timer.start();
    const int conversations = options.conversations;
    const QString connection = QStringLiteral("bulk");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(Database::pathInDataDir(dataDir));
        if (!db.open())
            databaseFailed(db.lastError().text());
        QSqlQuery q(db);
        exec(q, QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(q, QStringLiteral("PRAGMA synchronous = OFF")); // a throw-away bulk load
        // The index on (conversation_id, created_ms) takes rows in random places: keep it cached.
        exec(q, QStringLiteral("PRAGMA cache_size = -1000000")); // 1 GB
        for (const QString &s : schema::dropFtsTriggers())
            exec(q, s);
        exec(q, QStringLiteral("BEGIN"));
        exec(q,
            QStringLiteral("INSERT INTO accounts(id, username) VALUES ('%1', 'bench_shop')")
                .arg(kBenchAccount));
        QSqlQuery contact(db), conversation(db), message(db);
        contact.prepare(
            QStringLiteral("INSERT INTO contacts(id, name, username) VALUES (?, ?, ?)"));
        conversation.prepare(QStringLiteral(
            "INSERT INTO conversations(id, account_id, customer_id) VALUES (?, ?, ?)"));
        message.prepare(
            QStringLiteral("INSERT INTO messages(conversation_id, account_id, mid, outgoing, text, "
                           "created_ms, state, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int c = 1; c <= conversations; ++c) {
            const QString id = QStringLiteral("cust%1").arg(c);
            contact.bindValue(0, id);
            contact.bindValue(1, QStringLiteral("Customer %1").arg(c));
            contact.bindValue(2, QStringLiteral("user_%1").arg(c));
            exec(contact);
            conversation.bindValue(0, c);
            conversation.bindValue(1, kBenchAccount);
            conversation.bindValue(2, id);
            exec(conversation);
        }
        const QStringList words = vocabulary();
        QRandomGenerator rng(42);
        QList<qint64> lastActivity(conversations + 1, 0), lastIn(conversations + 1, 0),
            lastOut(conversations + 1, 0), started(conversations + 1, 0);
        QStringList lastText(conversations + 1);
        qint64 t = 1'600'000'000'000;
        constexpr qint64 kBatch = 100'000;
        for (qint64 i = 0; i < options.messages; ++i) {
            if (i > 0 && i % kBatch == 0) {
                exec(q, QStringLiteral("COMMIT"));
                exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
                exec(q, QStringLiteral("BEGIN"));
                if (i % (10 * kBatch) == 0 || options.messages <= 10 * kBatch) {
                    std::printf("  rows: %lld of %lld (%.0f%%), %.1f s\n", i, options.messages,
                        100.0 * double(i) / double(options.messages), timer.elapsed() / 1000.0);
                    std::fflush(stdout);
                }
            }
            int c = 1 + int(rng.bounded(conversations));
            if (options.skewed) {
                const double u = rng.generateDouble();
                c = i == options.messages - 1
                    ? 1
                    : std::min(conversations, 1 + int(u * u * u * conversations));
            }
            t += 1 + rng.bounded(5000);
            const bool outgoing = rng.bounded(3) == 0;
            QString text;
            const int n = 4 + int(rng.bounded(16));
            for (int w = 0; w < n; ++w) {
                if (w)
                    text += QLatin1Char(' ');
                text += pickWord(words, rng);
            }
            message.bindValue(0, c);
            message.bindValue(1, kBenchAccount);
            message.bindValue(2, QStringLiteral("mid.%1").arg(i));
            message.bindValue(3, outgoing ? 1 : 0);
            message.bindValue(4, text);
            message.bindValue(5, t);
            message.bindValue(6, outgoing ? 3 : 0);
            message.bindValue(7, outgoing ? 1 : 0);
            exec(message);
            lastActivity[c] = t;
            (outgoing ? lastOut : lastIn)[c] = t;
            if (!started[c])
                started[c] = t;
            lastText[c] = text;
        }
        QSqlQuery update(db);
        update.prepare(
            QStringLiteral("UPDATE conversations SET started_ms = ?, last_activity_ms = ?, "
                           "last_customer_message_ms = ?, last_outgoing_ms = ?, "
                           "last_message_preview = ?, unread_count = ? WHERE id = ?"));
        for (int c = 1; c <= conversations; ++c) {
            update.bindValue(0, started[c]);
            update.bindValue(1, lastActivity[c]);
            update.bindValue(2, lastIn[c]);
            update.bindValue(3, lastOut[c]);
            update.bindValue(4, lastText[c].left(120));
            update.bindValue(5, c % 4 == 0 ? 2 : 0);
            update.bindValue(6, c);
            exec(update);
        }
        exec(q, QStringLiteral("COMMIT"));
        const qint64 rowsMs = timer.elapsed();
        std::printf("  rows done in %.1f s; building the search index ...\n", rowsMs / 1000.0);
        std::fflush(stdout);
        const auto shown = std::make_shared<qint64>(-1);
        const Status filled = schema::fillFts(
            db,
            [&timer, shown](qint64 done, qint64 total) {
                if (done * 10 / total == *shown) // every tenth
                    return;
                *shown = done * 10 / total;
                std::printf("  search index: %lld of %lld (%.0f%%), %.1f s\n", done, total,
                    100.0 * double(done) / double(total), timer.elapsed() / 1000.0);
                std::fflush(stdout);
            },
            200'000);
        if (!filled)
            databaseFailed(filled.error().message);
        for (const QString &s : schema::createFtsTriggers())
            exec(q, s);
        exec(q, QStringLiteral("ANALYZE"));
        exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        std::printf("built %lld messages in %d conversations%s: rows %.1f s, FTS rebuild %.1f s\n",
            options.messages, conversations, options.skewed ? " (skewed)" : "", rowsMs / 1000.0,
            (timer.elapsed() - rowsMs) / 1000.0);
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace inlet::bench
