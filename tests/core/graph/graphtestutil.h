#pragma once

// The graph and auth tests' helpers, which live in tests/support: waiting on futures, the
// sandbox's control API, capturing log lines. New tests include those headers themselves.
#include "support/await.h"
#include "support/logcapture.h"
#include "support/sandboxcontrol.h"
