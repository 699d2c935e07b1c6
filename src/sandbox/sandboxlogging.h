#pragma once

#include <QLoggingCategory>

// The sandbox's own log category (QT_LOGGING_RULES="inlet.sandbox.debug=true"). It lives here,
// not in the core's common/logging.h: the core does not know the sandbox.
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
