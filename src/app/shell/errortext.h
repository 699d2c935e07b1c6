#pragma once

#include "common/result.h"

#include <QString>

namespace inlet::app {

// An error of the core in the UI's language: the core's reason (Error::Reason) worded with tr(),
// followed by the words of whoever else said something (Instagram, the media host, the system) as
// a detail. The core's own `message` is for the log and never shown.
QString errorText(const Error &error);
// Only the core's reason, worded; empty for Error::Reason::None.
QString reasonText(const Error &error);
// What the error says beyond its reason: someone else's words, or empty where the message is the
// core's own (a reason, or an Invalid error the core made).
QString errorDetail(const Error &error);

} // namespace inlet::app
