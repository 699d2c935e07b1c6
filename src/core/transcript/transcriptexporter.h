#pragma once

#include "transcript/transcriptexport.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace inlet {

class ReaderPool;

// Runs saveTranscript on a thread of its own, with that thread's reader from the store's pool (not
// the pool's shared reader thread: a long export would hold up the other reads), one export at a
// time. progressed() comes on the exporter's thread while it runs; cancel() stops it at the next
// page and the future then holds a Cancelled error (and no file was left). Destroying the
// exporter cancels a running export and waits for it.
class TranscriptExporter : public QObject {
    Q_OBJECT
public:
    explicit TranscriptExporter(std::shared_ptr<ReaderPool> readers, QObject *parent = nullptr);
    ~TranscriptExporter() override;

    // An Invalid error at once while an export runs.
    QFuture<Result<TranscriptSummary>> start(TranscriptRequest request);
    void cancel();
    bool isRunning() const { return m_running.load(); }

signals:
    void progressed(int conversationsDone, int conversationsTotal, qint64 messages);

private:
    std::shared_ptr<ReaderPool> m_readers;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::atomic_bool m_running = false;
    QThreadPool m_thread; // declared last: it ends (waiting for the export) first
};

} // namespace inlet
