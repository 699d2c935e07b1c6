// libFuzzer harness for the search query builder (src/core/store/ftsquery.cpp): what a user types
// (the input, as UTF-8) -> an FTS5 MATCH expression. ftsMatchExpression promises an expression
// that is always valid whatever the input, so both forms (whole words, last word as a prefix) run
// against an in-memory FTS5 table made like messages_fts (schema.cpp: unicode61,
// remove_diacritics 2), through Qt's SQLite driver as the store uses it, and must not fail. The
// table holds the input itself as a message, and a message must be found by its own text
// whenever SQLite's tokenizer sees a word in it (fts5vocab says).
#include "fuzzsupport.h"
#include "store/ftsquery.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace inlet;

namespace {

QSqlDatabase db;

void exec(QSqlQuery &q)
{
    if (!q.exec()) {
        std::fprintf(stderr, "SQL failed: %s\n", qPrintable(q.lastError().text()));
        std::abort();
    }
}

// Rows of the table matching `expression` (an FTS5 syntax error aborts).
int matches(const QString &expression)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM fts WHERE fts MATCH ?"));
    q.addBindValue(expression);
    if (!q.exec()) {
        std::fprintf(stderr, "MATCH '%s' failed: %s\n", qPrintable(expression),
            qPrintable(q.lastError().text()));
        fuzz::violated("the expression is valid FTS5", __FILE__, __LINE__);
    }
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::quietQtMessages();
    static QCoreApplication app(*argc, *argv); // Qt's SQL plugins are found through it
    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fuzz"));
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open()) {
        std::fprintf(stderr, "cannot open SQLite: %s\n", qPrintable(db.lastError().text()));
        std::abort();
    }
    for (const char *sql : { "CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='unicode61 "
                             "remove_diacritics 2')",
             "CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, 'instance')" }) {
        QSqlQuery q(db);
        q.prepare(QString::fromLatin1(sql));
        exec(q);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QString exact = ftsMatchExpression(text, false);
    const QString prefix = ftsMatchExpression(text, true);

    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM fts"));
    exec(q);
    q.prepare(QStringLiteral("INSERT INTO fts(rowid, text) VALUES (1, ?)"));
    q.addBindValue(text);
    exec(q);
    q.prepare(QStringLiteral("SELECT count(*) FROM vocab"));
    exec(q);
    const int tokens = q.next() ? q.value(0).toInt() : 0;

    const int exactHits = exact.isEmpty() ? 0 : matches(exact);
    const int prefixHits = prefix.isEmpty() ? 0 : matches(prefix);
    if (tokens > 0) { // a message is found by its own text
        if (exactHits != 1 || prefixHits != 1)
            std::fprintf(stderr, "text has %d tokens; '%s' -> %d, '%s' -> %d\n", tokens,
                qPrintable(exact), exactHits, qPrintable(prefix), prefixHits);
        FUZZ_CHECK(exactHits == 1);
        FUZZ_CHECK(prefixHits == 1);
    }
    return 0;
}
