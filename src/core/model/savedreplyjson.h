#pragma once

#include "common/result.h"
#include "model/savedreply.h"

#include <QByteArray>

// Saved replies as a JSON file, to move them between profiles or computers:
//   {"format": "inlet-saved-replies", "version": 1,
//    "replies": [{"title": "...", "shortcut": "...", "text": "..."}]}
// A bare array of reply objects is read too. Ids and times are not exported.
namespace inlet::savedreplyjson {

// More replies than this in one file is not a list anyone wrote by hand: refused.
constexpr int kMaxReplies = 5000;
// Bigger files are refused before they are parsed.
constexpr qint64 kMaxBytes = 4 * 1024 * 1024;

QByteArray write(const QList<SavedReply> &replies);
// Error::Kind::Parse: not JSON, not this format, a newer version, or a reply without its title or
// text (the message names which one, counting from 1).
Result<QList<SavedReply>> read(const QByteArray &json);

} // namespace inlet::savedreplyjson
