#pragma once

// A saved reply for the saved-replies tests (header only).
#include "model/savedreply.h"

namespace inlet::test {

inline SavedReply savedReply(
    const QString &title, const QString &shortcut, const QString &text, qint64 id = 0)
{
    SavedReply r;
    r.id = id;
    r.title = title;
    r.shortcut = shortcut;
    r.text = text;
    return r;
}

} // namespace inlet::test
