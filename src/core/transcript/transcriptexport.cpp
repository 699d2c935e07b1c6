#include "transcript/transcriptexport.h"

#include "store/storereader.h"
#include "transcript/csvtranscript.h"
#include "transcript/transcriptwriter.h"

#include <QBuffer>
#include <QHash>
#include <QSaveFile>

#include <limits>

namespace inlet {

namespace {

constexpr int kPage = 500;

Result<QList<StoredConversation>> selectedConversations(
    StoreReader &reader, const TranscriptSelection &selection)
{
    QList<StoredConversation> list;
    if (!selection.conversationIds.isEmpty() || !selection.view)
        return reader.conversationsByIds(selection.conversationIds);
    // The view's pages, by offset: the Reply window view orders by time left and has no keyset.
    InboxQuery query = *selection.view;
    query.after.reset();
    query.limit = kPage;
    query.offset = 0;
    for (;;) {
        auto page = reader.inbox(query);
        if (!page)
            return std::unexpected(page.error());
        list.append(*page);
        if (page->size() < kPage)
            return list;
        query.offset += kPage;
    }
}

Result<QHash<QString, Account>> accountsById(StoreReader &reader)
{
    auto accounts = reader.accounts();
    if (!accounts)
        return std::unexpected(accounts.error());
    QHash<QString, Account> byId;
    for (const Account &a : std::as_const(*accounts))
        byId.insert(a.id, a);
    return byId;
}

Error cancelled()
{
    return Error::make(Error::Kind::Cancelled, QStringLiteral("export cancelled"));
}

Error writeFailed(const QString &detail)
{
    return Error::make(Error::Kind::Storage, detail, transcripterror::WriteFailed);
}

} // namespace

Result<TranscriptSummary> writeTranscript(StoreReader &reader, const TranscriptSelection &selection,
    TranscriptWriter &writer, const TranscriptProgressFn &progress)
{
    auto conversations = selectedConversations(reader, selection);
    if (!conversations)
        return std::unexpected(conversations.error());
    auto accounts = accountsById(reader);
    if (!accounts)
        return std::unexpected(accounts.error());

    TranscriptProgress at;
    at.conversationsTotal = int(conversations->size());
    const auto goOn = [&] { return !progress || progress(at); };
    if (!goOn())
        return std::unexpected(cancelled());
    writer.begin();
    for (const StoredConversation &c : std::as_const(*conversations)) {
        // A removed account's conversation (its messages kept) is signed with the account's id.
        Account unknown;
        unknown.id = c.accountId;
        writer.beginConversation(c, accounts->value(c.accountId, unknown));
        // Internal notes (issue 13, Team work) are rows of the timeline (MessageKind::Note), so
        // they come in time order with the messages and go to writer.note(): marked as notes.
        MessageCursor after { std::numeric_limits<qint64>::min(), 0 };
        for (;;) {
            auto page = reader.messagesAfter(c.id, after, kPage);
            if (!page)
                return std::unexpected(page.error());
            for (const StoredMessage &m : std::as_const(*page)) {
                if (m.kind == MessageKind::Note)
                    writer.note({ m.meta.value(QLatin1String("note_author")).toString(), m.text,
                        m.createdMs });
                else
                    writer.message(m);
            }
            if (writer.failed())
                return std::unexpected(
                    writeFailed(QStringLiteral("writing the transcript failed")));
            at.messages += page->size();
            if (!goOn())
                return std::unexpected(cancelled());
            if (page->size() < kPage)
                break;
            after = page->last().cursor();
        }
        writer.endConversation();
        ++at.conversationsDone;
        if (!goOn())
            return std::unexpected(cancelled());
    }
    writer.end();
    if (writer.failed())
        return std::unexpected(writeFailed(QStringLiteral("writing the transcript failed")));
    return TranscriptSummary { at.conversationsDone, at.messages };
}

Result<TranscriptSummary> saveTranscript(
    StoreReader &reader, const TranscriptRequest &request, const TranscriptProgressFn &progress)
{
    if (request.format == TranscriptFormat::Pdf && !request.renderPdf)
        return fail(Error::Kind::Invalid, QStringLiteral("no PDF renderer"),
            transcripterror::NoPdfRenderer);
    QSaveFile file(request.path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Error::Kind::Storage, file.errorString(), transcripterror::CannotCreate);
    // QSaveFile's destructor throws the temporary file away unless commit() ran.
    QBuffer html;
    html.open(QIODevice::WriteOnly);
    QIODevice *target
        = request.format == TranscriptFormat::Pdf ? static_cast<QIODevice *>(&html) : &file;
    std::unique_ptr<TranscriptWriter> writer;
    if (request.format == TranscriptFormat::Csv)
        writer = std::make_unique<CsvTranscriptWriter>(target);
    else
        writer = std::make_unique<HtmlTranscriptWriter>(
            target, request.labels, request.locale, request.zone);
    auto summary = writeTranscript(reader, request.selection, *writer, progress);
    if (!summary) {
        file.cancelWriting();
        return summary;
    }
    if (request.format == TranscriptFormat::Pdf) {
        html.close();
        if (const Status rendered = request.renderPdf(html.data(), file); !rendered) {
            file.cancelWriting();
            return std::unexpected(rendered.error());
        }
    }
    if (file.error() != QFileDevice::NoError) {
        const QString detail = file.errorString();
        file.cancelWriting();
        return std::unexpected(writeFailed(detail));
    }
    if (!file.commit())
        return fail(Error::Kind::Storage, file.errorString(),
            file.error() == QFileDevice::WriteError || file.error() == QFileDevice::ResourceError
                ? transcripterror::WriteFailed
                : transcripterror::CannotFinish);
    return summary;
}

} // namespace inlet
