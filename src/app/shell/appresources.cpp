#include "app/shell/appresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initAppResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace inlet::app {

void initResources()
{
    static const bool done = (initAppResources(), true);
    Q_UNUSED(done);
}

} // namespace inlet::app
