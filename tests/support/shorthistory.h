#pragma once

// Sandbox worlds with short histories keep a first sync walk (2 calls/s, as Instagram allows)
// brief: only the newest `visible` messages of each conversation stay listed (the others count as
// unsent, which Instagram does not list).
#include "sandbox/world.h"

namespace inlet::test {

inline void keepNewestMessages(sandbox::World &world, int visible)
{
    for (const QString &igsid : world.conversationsByRecency()) {
        const auto messages = world.conversation(igsid);
        for (qsizetype i = visible; i < messages.size(); ++i)
            world.message(messages.at(i)->mid)->deleted = true;
    }
}

} // namespace inlet::test
