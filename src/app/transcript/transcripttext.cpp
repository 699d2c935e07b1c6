#include "app/transcript/transcripttext.h"

#include "store/storetypes.h"
#include "transcript/transcriptexport.h"

#include <QDir>

namespace inlet::app {

TranscriptLabels TranscriptText::labels()
{
    TranscriptLabels l;
    l.documentTitle = tr("Inlet transcript");
    l.conversationWith = tr("Conversation with %1");
    l.note = tr("Note");
    l.attachment = tr("Attachment (%1)");
    l.reactions = tr("Reactions: %1");
    l.noMessages = tr("No messages.");
    l.received = tr("received");
    l.queued = tr("queued");
    l.sending = tr("sending");
    l.sent = tr("sent");
    l.seen = tr("seen");
    l.failed = tr("not sent");
    l.deleted = tr("deleted");
    l.edited = tr("edited");
    return l;
}

QString TranscriptText::errorText(const Error &error, const QString &path)
{
    const QString file = QDir::toNativeSeparators(path);
    if (error.kind == Error::Kind::Storage) {
        switch (error.code) {
        case transcripterror::CannotCreate:
            return tr("Inlet cannot create %1. Choose a folder you can write to.").arg(file);
        case transcripterror::WriteFailed:
            return tr("Writing %1 failed, perhaps because the disk is full. No file was saved.")
                .arg(file);
        case transcripterror::CannotFinish:
            return tr("%1 could not be replaced. No file was saved.").arg(file);
        case sqlite::Busy:
        case sqlite::IoError:
        case sqlite::Corrupt:
        case sqlite::CantOpen:
        case sqlite::NotADatabase:
            return tr("The messages could not be read from Inlet's database. No file was saved.");
        default:
            break;
        }
    }
    return tr("The export failed: %1. No file was saved.").arg(error.message);
}

} // namespace inlet::app
