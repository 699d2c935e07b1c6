#pragma once

#include "model/contactname.h"

#include <QString>

namespace inlet::app {

// The app's words for a customer's name (the rule is core's contactName()): the name, "@username",
// or "Instagram user ·4821" (the last digits of the scoped id), translated. The models get it as
// their ContactNameText; widgets that name a customer from a row call it directly.
QString contactNameText(const ContactName &name);
QString contactNameText(const QString &name, const QString &username, const QString &customerId);

} // namespace inlet::app
