// Transcripts of a real store in a temporary dir: CSV parsed back (quotes, commas, line breaks,
// emoji, formulas), HTML escaped and readable, the view's conversations, notes marked as notes,
// and no file left behind by an error or a cancel.
#include "core/store/storetestutil.h"
#include "store/notewriter.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "support/await.h"
#include "transcript/csvtranscript.h"
#include "transcript/htmltranscript.h"
#include "transcript/transcriptexport.h"
#include "transcript/transcriptexporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using inlet::test::awaitResult;

namespace {

const qint64 kT0 = 1'780'000'000'000; // 2026-05-28T20:26:40Z
const QString kOther = QStringLiteral("6000000000000002");

// RFC 4180 records back from CSV text (quoted fields with "" for a quote, CRLF between records).
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
            && text.at(i + 1) == QLatin1Char('\n')) {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

// A device whose writes stop going through after `room` bytes, as on a full disk.
class FullDevice : public QIODevice {
public:
    explicit FullDevice(qint64 room)
        : m_room(room)
    {
        open(QIODevice::WriteOnly);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 len) override
    {
        if (len > m_room)
            return -1;
        m_room -= len;
        return len;
    }

private:
    qint64 m_room;
};

} // namespace

class TestTranscriptExport : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
    qint64 m_first = 0; // the conversation with kCustomer
    qint64 m_second = 0; // the conversation with kOther (Done)

    bool apply(const QList<InboundEvent> &events)
    {
        return storetest::ok(awaitResult(m_store->applyEvents(events)));
    }

    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }

    TranscriptRequest request(TranscriptFormat format, const QString &file) const
    {
        TranscriptRequest r;
        r.selection.conversationIds = { m_first };
        r.format = format;
        r.path = path(file);
        r.locale = QLocale(QLocale::German, QLocale::Germany);
        r.zone = QTimeZone("Europe/Berlin");
        return r;
    }

    static QByteArray read(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = Store::open(m_dir->path());
        QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().message));
        m_store = std::move(*opened);
        Account account;
        account.id = storetest::kAccount;
        account.username = QStringLiteral("shop");
        QVERIFY(storetest::ok(awaitResult(m_store->upsertAccount(account))));
        Contact zoe;
        zoe.id = storetest::kCustomer;
        zoe.name = QStringLiteral("Zoë \"Z\", Martín");
        zoe.username = QStringLiteral("zoe.m");
        QVERIFY(storetest::ok(awaitResult(m_store->upsertContact(zoe))));
        Contact other;
        other.id = kOther;
        other.name = QStringLiteral("Other");
        other.username = QStringLiteral("other");
        QVERIFY(storetest::ok(awaitResult(m_store->upsertContact(other))));

        InboundEvent photo = storetest::message(QStringLiteral("m3"), kT0 + 3000, QString());
        photo.attachments.append({ QStringLiteral("image"),
            QStringLiteral("https://cdn.example/p.jpg?a=1&b=2"), QString(), {} });
        photo.attachments.append({ QStringLiteral("share"), QStringLiteral("javascript:alert(1)"),
            QStringLiteral("A shared post"), {} });
        InboundEvent love
            = storetest::targeted(InboundEvent::Kind::Reaction, QStringLiteral("m2"), kT0 + 2500);
        love.reaction = QStringLiteral("love");
        love.emoji = QStringLiteral("❤️");
        QVERIFY(apply({ storetest::message(QStringLiteral("m1"), kT0,
                            QStringLiteral("Hello, \"shop\"!\nSecond line 😀")),
            storetest::message(QStringLiteral("m2"), kT0 + 2000, QStringLiteral("Sure, tomorrow."),
                storetest::kCustomer, true),
            love, photo,
            storetest::message(QStringLiteral("m4"), kT0 + 4000,
                QStringLiteral("<script>alert('x')</script> =SUM(A1)")),
            storetest::message(
                QStringLiteral("m5"), kT0 + 5000, QStringLiteral("=HYPERLINK(\"http://evil\")")),
            storetest::message(
                QStringLiteral("o1"), kT0 + 9000, QStringLiteral("Other one"), kOther) }));
        auto reader = StoreReader::open(m_store->readers()->databasePath());
        QVERIFY(reader.has_value());
        m_reader = std::move(*reader);
        auto first = m_reader->conversationFor(storetest::kAccount, storetest::kCustomer);
        auto second = m_reader->conversationFor(storetest::kAccount, kOther);
        QVERIFY(first && *first && second && *second);
        m_first = (*first)->id;
        m_second = (*second)->id;
        QVERIFY(storetest::ok(
            awaitResult(m_store->setConversationStatus(m_second, ConversationStatus::Done))));
    }

    void cleanup()
    {
        m_reader.reset();
        m_store.reset();
        m_dir.reset();
    }

    void csvParsesBackWithQuotesCommasLineBreaksAndEmoji()
    {
        const auto done
            = saveTranscript(*m_reader, request(TranscriptFormat::Csv, QStringLiteral("t.csv")));
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->conversations, 1);
        QCOMPARE(done->messages, 5);
        const QByteArray bytes = read(path(QStringLiteral("t.csv")));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads it as UTF-8
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), 6);
        QCOMPARE(records[0],
            (QStringList { "conversation", "contact_username", "contact_name", "time_utc",
                "direction", "sender", "text", "attachment_urls", "reactions", "status" }));
        for (const QStringList &r : records)
            QCOMPARE(r.size(), 10);
        const QStringList hello = records[1];
        QCOMPARE(hello[0], QString::number(m_first));
        QCOMPARE(hello[1], QStringLiteral("zoe.m"));
        QCOMPARE(hello[2], QStringLiteral("Zoë \"Z\", Martín"));
        QCOMPARE(hello[3], QStringLiteral("2026-05-28T20:26:40Z"));
        QCOMPARE(hello[4], QStringLiteral("in"));
        QCOMPARE(hello[5], QStringLiteral("zoe.m"));
        QCOMPARE(hello[6], QStringLiteral("Hello, \"shop\"!\nSecond line 😀"));
        QCOMPARE(hello[9], QStringLiteral("received"));
        const QStringList reply = records[2];
        QCOMPARE(reply[4], QStringLiteral("out"));
        QCOMPARE(reply[5], QStringLiteral("shop"));
        QCOMPARE(reply[8], QStringLiteral("❤️"));
        QCOMPARE(reply[9], QStringLiteral("sent"));
        QCOMPARE(records[3][7],
            QStringLiteral("https://cdn.example/p.jpg?a=1&b=2\njavascript:alert(1)"));
        QCOMPARE(records[4][6], QStringLiteral("<script>alert('x')</script> =SUM(A1)"));
        // A formula stays text in a spreadsheet.
        QCOMPARE(records[5][6], QStringLiteral("'=HYPERLINK(\"http://evil\")"));
    }

    void htmlKeepsMarkupAsTextAndLinksAttachments()
    {
        const auto done
            = saveTranscript(*m_reader, request(TranscriptFormat::Html, QStringLiteral("t.html")));
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().message));
        const QString html = QString::fromUtf8(read(path(QStringLiteral("t.html"))));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            || html.contains(QStringLiteral("&lt;script&gt;alert('x')&lt;/script&gt;")));
        QVERIFY(
            html.contains(QStringLiteral("Conversation with Zoë &quot;Z&quot;, Martín (@zoe.m)")));
        QVERIFY(html.contains(QStringLiteral("Hello, &quot;shop&quot;!<br>Second line 😀")));
        QVERIFY(html.contains(QStringLiteral(
            "<a href=\"https://cdn.example/p.jpg?a=1&amp;b=2\">Attachment (image)</a>")));
        // Not a link: the address is shown as text.
        QVERIFY(!html.contains(QStringLiteral("href=\"javascript")));
        QVERIFY(html.contains(QStringLiteral("A shared post (javascript:alert(1))")));
        QVERIFY(html.contains(QStringLiteral("Reactions: ❤️")));
        QVERIFY(
            html.contains(QStringLiteral("<div class=\"msg out\">\n<div class=\"meta\">@shop · ")));
        // In the manager's time zone and locale: 22:26 in Berlin (summer time), German order.
        const QString local
            = QLocale(QLocale::German, QLocale::Germany)
                  .toString(QDateTime::fromMSecsSinceEpoch(kT0, QTimeZone("Europe/Berlin")),
                      QLocale::ShortFormat);
        QVERIFY(local.contains(QStringLiteral("22:26")));
        QVERIFY(html.contains(local.toHtmlEscaped()));
        QVERIFY(!html.contains(QStringLiteral("Other one")));
    }

    void viewExportsTheViewsConversations()
    {
        TranscriptRequest r = request(TranscriptFormat::Csv, QStringLiteral("done.csv"));
        r.selection.conversationIds.clear();
        InboxQuery done;
        done.view = InboxView::Done;
        r.selection.view = done;
        auto summary = saveTranscript(*m_reader, r);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->conversations, 1);
        const auto records = parseCsv(QString::fromUtf8(read(r.path).mid(3)));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[1][0], QString::number(m_second));
        QCOMPARE(records[1][6], QStringLiteral("Other one"));

        InboxQuery every; // no view: every status, newest activity first
        r.selection.view = every;
        summary = saveTranscript(*m_reader, r);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->conversations, 2);
        QCOMPARE(summary->messages, 6);
    }

    void longConversationStreamsPageByPageInOrder()
    {
        // More than two of the exporter's pages (500 messages), some at the same millisecond.
        QList<InboundEvent> batch;
        for (int i = 0; i < 1203; ++i)
            batch.append(storetest::message(QStringLiteral("long.%1").arg(i), kT0 + 10'000 + i / 3,
                QStringLiteral("line %1").arg(i), kOther));
        QVERIFY(apply(batch));
        TranscriptRequest r = request(TranscriptFormat::Csv, QStringLiteral("long.csv"));
        r.selection.conversationIds = { m_second };
        QList<qint64> reported;
        const auto done = saveTranscript(*m_reader, r, [&reported](const TranscriptProgress &at) {
            reported.append(at.messages);
            return true;
        });
        QVERIFY(done.has_value());
        QCOMPARE(done->messages, 1204);
        QCOMPARE(reported, (QList<qint64> { 0, 500, 1000, 1204, 1204 }));
        const auto records = parseCsv(QString::fromUtf8(read(r.path).mid(3)));
        QCOMPARE(records.size(), 1205);
        QCOMPARE(records[1][6], QStringLiteral("Other one"));
        for (int i = 0; i < 1203; ++i)
            QCOMPARE(records[i + 2][6], QStringLiteral("line %1").arg(i));
    }

    void notesAreMarkedAsNotes()
    {
        StoredConversation c;
        c.id = 7;
        c.contact.username = QStringLiteral("zoe.m");
        Account shop;
        shop.id = storetest::kAccount;
        shop.username = QStringLiteral("shop");
        const TranscriptNote note { QStringLiteral("Ana"), QStringLiteral("Refund <approved>"),
            kT0 };
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        CsvTranscriptWriter csvWriter(&csv);
        csvWriter.beginConversation(c, shop);
        csvWriter.note(note);
        const auto records = parseCsv(QString::fromUtf8(csv.data()));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records[0][4], QStringLiteral("note"));
        QCOMPARE(records[0][5], QStringLiteral("Ana"));
        QCOMPARE(records[0][6], QStringLiteral("Refund <approved>"));

        QBuffer html;
        html.open(QIODevice::WriteOnly);
        HtmlTranscriptWriter htmlWriter(&html, {}, QLocale::c(), QTimeZone::utc());
        htmlWriter.beginConversation(c, shop);
        htmlWriter.note(note);
        const QString text = QString::fromUtf8(html.data());
        QVERIFY(text.contains(QStringLiteral("<div class=\"msg note\">")));
        QVERIFY(text.contains(QStringLiteral("Note · Ana")));
        QVERIFY(text.contains(QStringLiteral("Refund &lt;approved&gt;")));
    }

    // A note stored in the timeline (notes::insert, as solo mode and the team replica write it)
    // is exported in its place by time, marked as a note with its author.
    void storedNotesAreExportedAsNotes()
    {
        notes::NewNote note;
        note.conversationId = m_first;
        note.text = QStringLiteral("Customer is a reseller, offer 10%");
        note.author = QStringLiteral("ana");
        note.createdMs = kT0 + 2100;
        note.clientId = QStringLiteral("0b8e7c52-5d0e-4b39-9d53-1f7a1f9d0a11");
        QVERIFY(storetest::ok(awaitResult(m_store->write([note](WriteContext &c) -> Status {
            auto id = notes::insert(c, note);
            if (!id)
                return std::unexpected(id.error());
            return {};
        }))));
        const auto done
            = saveTranscript(*m_reader, request(TranscriptFormat::Csv, QStringLiteral("n.csv")));
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().message));
        const auto records = parseCsv(QString::fromUtf8(read(path(QStringLiteral("n.csv")))));
        int noteAt = -1;
        int m2At = -1;
        for (int i = 0; i < records.size(); ++i) {
            if (records[i].value(4) == QStringLiteral("note"))
                noteAt = i;
            if (records[i].value(6) == QStringLiteral("Sure, tomorrow."))
                m2At = i;
        }
        QVERIFY(noteAt > 0);
        QCOMPARE(noteAt, m2At + 1); // after m2 (kT0 + 2000), before the photo (kT0 + 3000)
        QCOMPARE(records[noteAt][5], QStringLiteral("ana"));
        QCOMPARE(records[noteAt][6], QStringLiteral("Customer is a reseller, offer 10%"));
        const auto html
            = saveTranscript(*m_reader, request(TranscriptFormat::Html, QStringLiteral("n.html")));
        QVERIFY(html.has_value());
        const QString text = QString::fromUtf8(read(path(QStringLiteral("n.html"))));
        QVERIFY(text.contains(QStringLiteral("<div class=\"msg note\">")));
        QVERIFY(text.contains(QStringLiteral("Note · ana")));
    }

    void unwritablePlaceLeavesNoFile()
    {
        QFile blocker(path(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        for (const QString &target :
            { path(QStringLiteral("missing/dir/t.csv")), path(QStringLiteral("afile/t.csv")) }) {
            TranscriptRequest r = request(TranscriptFormat::Csv, QString());
            r.path = target;
            const auto done = saveTranscript(*m_reader, r);
            QVERIFY(!done.has_value());
            QCOMPARE(done.error().kind, Error::Kind::Storage);
            QCOMPARE(done.error().code, transcripterror::CannotCreate);
            QVERIFY(!QFileInfo::exists(target));
        }
        QCOMPARE(QDir(m_dir->path())
                     .entryList(QDir::Files | QDir::NoDotAndDotDot)
                     .filter(QStringLiteral(".csv")),
            QStringList());
    }

    void aFullDeviceIsAnErrorValue()
    {
        FullDevice full(64);
        CsvTranscriptWriter writer(&full);
        TranscriptSelection selection;
        selection.conversationIds = { m_first };
        const auto done = writeTranscript(*m_reader, selection, writer);
        QVERIFY(!done.has_value());
        QCOMPARE(done.error().kind, Error::Kind::Storage);
        QCOMPARE(done.error().code, transcripterror::WriteFailed);
    }

    void cancelLeavesNoFileAndKeepsAnEarlierOne()
    {
        TranscriptRequest r = request(TranscriptFormat::Html, QStringLiteral("t.html"));
        int calls = 0;
        auto done = saveTranscript(
            *m_reader, r, [&calls](const TranscriptProgress &) { return ++calls < 2; });
        QVERIFY(!done.has_value());
        QCOMPARE(done.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFileInfo::exists(r.path));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).filter(QStringLiteral("t.html")),
            QStringList());

        QFile earlier(r.path);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("earlier");
        earlier.close();
        done = saveTranscript(*m_reader, r, [](const TranscriptProgress &) { return false; });
        QVERIFY(!done.has_value());
        QCOMPARE(read(r.path), QByteArray("earlier"));
    }

    void pdfWithoutARendererIsRefused()
    {
        const TranscriptRequest r = request(TranscriptFormat::Pdf, QStringLiteral("t.pdf"));
        const auto done = saveTranscript(*m_reader, r);
        QVERIFY(!done.has_value());
        QCOMPARE(done.error().code, transcripterror::NoPdfRenderer);
        QVERIFY(!QFileInfo::exists(r.path));
    }

    void pdfGetsTheHtmlTranscript()
    {
        TranscriptRequest r = request(TranscriptFormat::Pdf, QStringLiteral("t.pdf"));
        QByteArray seen;
        r.renderPdf = [&seen](const QByteArray &html, QIODevice &out) -> Status {
            seen = html;
            out.write("%PDF-fake");
            return {};
        };
        const auto done = saveTranscript(*m_reader, r);
        QVERIFY(done.has_value());
        QVERIFY(seen.contains("Conversation with"));
        QCOMPARE(read(r.path), QByteArray("%PDF-fake"));
    }

    void exporterRunsOffTheCallersThreadAndCancels()
    {
        TranscriptExporter exporter(m_store->readers());
        QSignalSpy progressed(&exporter, &TranscriptExporter::progressed);
        const TranscriptRequest r = request(TranscriptFormat::Csv, QStringLiteral("async.csv"));
        auto done = awaitResult(exporter.start(r));
        QVERIFY2(done.has_value(), done ? "" : qPrintable(done.error().message));
        QCOMPARE(done->messages, 5);
        QVERIFY(QFileInfo::exists(r.path));
        QTRY_VERIFY(!progressed.isEmpty());
        QCOMPARE(progressed.last().at(0).toInt(), 1);
        QCOMPARE(progressed.last().at(1).toInt(), 1);
        QVERIFY(!exporter.isRunning());

        // Cancelled from its own progress report (as the dialog's Cancel does): no file.
        TranscriptRequest again = request(TranscriptFormat::Csv, QStringLiteral("cancelled.csv"));
        again.selection.conversationIds = { m_first, m_second };
        connect(&exporter, &TranscriptExporter::progressed, &exporter, &TranscriptExporter::cancel,
            Qt::DirectConnection);
        done = awaitResult(exporter.start(again));
        QVERIFY(!done.has_value());
        QCOMPARE(done.error().kind, Error::Kind::Cancelled);
        QVERIFY(!QFileInfo::exists(again.path));
    }
};

QTEST_GUILESS_MAIN(TestTranscriptExport)
#include "tst_transcriptexport.moc"
