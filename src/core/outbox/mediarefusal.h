#pragma once

#include "common/result.h"

#include <QString>

#include <optional>

namespace inlet {

// Why a local file cannot be sent as an attachment (MediaPolicy's refusals, or no media host to
// upload it to): a reason and its parameters, never a sentence. It travels as an
// Error::Kind::Invalid whose message is the refusal as compact JSON (like SendFailure in the
// store), so it survives Outbox::send, the upload step and a stored SendFailure; the app words it
// with tr() (app/inbox/failuretext.h).
struct MediaRefusal {
    enum class Reason {
        Missing, // the file no longer exists
        Unreadable, // not a regular file, or no permission
        Empty,
        Unsupported, // a content Instagram does not take (mimeType says what it is)
        NotAsNamed, // named like a type Instagram takes (namedType), but the content is not
        NameMismatch, // named like one type Instagram takes, contains another
        TooLarge, // over the limit of its type
        NoMediaHost, // none set up: Instagram only takes media by public URL
    };

    Reason reason = Reason::Missing;
    QString fileName; // without the directory
    QString type; // by content: "image", "video", "audio" or "file"; empty when none of them
    QString namedType; // what the name suggests, in the same words
    QString suffix; // the name's, with its dot: ".jpg"; empty without one
    QString mimeType; // by content, e.g. "text/plain"
    QString namedMimeType; // by the name, e.g. "image/png"
    qint64 limitBytes = 0; // TooLarge: the limit of `type`
    qint64 sizeBytes = 0; // the file's size, when it was read

    bool operator==(const MediaRefusal &) const = default;

    // A refusal of the file at `filePath` with only its name, e.g. NoMediaHost.
    static MediaRefusal forFile(Reason reason, const QString &filePath);

    // The Error that carries it; TooLarge also carries the Graph code Instagram would answer
    // (100/2018109).
    Error error() const;
    // The refusal an Error carries, or nothing for any other error.
    static std::optional<MediaRefusal> of(const Error &error);
};

} // namespace inlet
