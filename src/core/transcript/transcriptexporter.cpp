#include "transcript/transcriptexporter.h"

#include "store/readerpool.h"
#include "store/storereader.h"

#include <QtConcurrent/QtConcurrentRun>

namespace inlet {

TranscriptExporter::TranscriptExporter(std::shared_ptr<ReaderPool> readers, QObject *parent)
    : QObject(parent)
    , m_readers(std::move(readers))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_thread.setObjectName(QStringLiteral("inlet-transcript"));
    m_thread.setMaxThreadCount(1);
}

TranscriptExporter::~TranscriptExporter()
{
    cancel();
    m_thread.waitForDone();
}

QFuture<Result<TranscriptSummary>> TranscriptExporter::start(TranscriptRequest request)
{
    if (m_running.exchange(true))
        return QtFuture::makeReadyFuture<Result<TranscriptSummary>>(
            fail(Error::Kind::Invalid, QStringLiteral("an export is running")));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    return QtConcurrent::run(&m_thread,
        [this, readers = m_readers, cancel = m_cancel,
            request = std::move(request)]() -> Result<TranscriptSummary> {
            struct Done {
                std::atomic_bool &running;
                ~Done() { running = false; }
            } done { m_running };
            auto reader = readers->reader();
            if (!reader)
                return std::unexpected(reader.error());
            return saveTranscript(**reader, request, [this, cancel](const TranscriptProgress &at) {
                emit progressed(at.conversationsDone, at.conversationsTotal, at.messages);
                return !cancel->load();
            });
        });
}

void TranscriptExporter::cancel()
{
    m_cancel->store(true);
}

} // namespace inlet
