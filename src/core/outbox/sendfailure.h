#pragma once

#include "common/result.h"

#include <QString>

namespace inlet {

// Why a message or a reaction ended Failed: kinds and codes, never sentences. The store keeps it in
// the row's error_text as compact JSON (encode); the app words it with tr()
// (app/inbox/failuretext.h), so the reason reads in the manager's language and still reads right
// after a language change.
struct SendFailure {
    enum class Stage {
        Send, // Instagram's Send API answered (or did not)
        Upload, // the media host refused or could not take the attachment
        File, // the file itself: gone, changed, refused by the media policy
    };
    // What the manager needs to know, derived from the error (instagram-api.md §6.2).
    enum class Reason {
        OutsideWindow, // the 24-hour (7-day with HUMAN_AGENT) window is closed
        UserUnavailable, // blocked, deactivated, not receiving messages
        SignInNeeded, // the token is dead (190/102)
        RateLimited,
        Unreachable, // no answer: offline, timeout, DNS
        KeychainLocked, // the token could not be read
        Refused, // Instagram refused it otherwise (code 100 and the like): see the detail
        MediaHost, // the media host refused the upload
        File, // the attachment's file
        Other,
    };

    Stage stage = Stage::Send;
    Error error;
    int attempts = 0; // > 0: the retries gave up after this many answered failures

    Reason reason() const;
    QString encode() const;
    // A stored reason; the plain sentences of older versions come back as Reason::Other with the
    // sentence as the error's message.
    static SendFailure decode(const QString &stored);
};

} // namespace inlet
