// The big benchmark database shared by bench_store and bench_startup: one account, 10,000
// conversations, 1,000,000 messages (random words from a Zipf-ish vocabulary), FTS index built.
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

namespace inlet::bench {

inline const QString kBenchAccount = QStringLiteral("17841400000000001");

struct BigDatabaseOptions {
    int conversations = 10'000;
    int messages = 1'000'000;
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

// Messages in the database at `path` (0 if there is none).
inline qint64 existingMessages(const QString &path)
{
    if (!QFile::exists(path))
        return 0;
    auto reader = StoreReader::open(path);
    if (!reader)
        return 0;
    auto counts = (*reader)->counts();
    return counts ? counts->messages : 0;
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
// with the FTS triggers dropped and the index rebuilt once at the end. Prints its timings.
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
        for (int i = 0; i < options.messages; ++i) {
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
        exec(q, schema::rebuildFts());
        for (const QString &s : schema::createFtsTriggers())
            exec(q, s);
        exec(q, QStringLiteral("ANALYZE"));
        exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        std::printf("built %d messages in %d conversations%s: rows %.1f s, FTS rebuild %.1f s\n",
            options.messages, conversations, options.skewed ? " (skewed)" : "", rowsMs / 1000.0,
            (timer.elapsed() - rowsMs) / 1000.0);
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace inlet::bench
