#include "app/inbox/contactnametext.h"

#include <QCoreApplication>

namespace inlet::app {

QString contactNameText(const ContactName &name)
{
    if (name.kind != ContactName::Kind::ScopedId)
        return wordContactName(name, {}, {});
    return wordContactName(name,
        //: A customer whose profile Instagram does not show: the last digits of their Instagram id.
        QCoreApplication::translate("inlet::app::ContactName", "Instagram user ·%1"),
        QCoreApplication::translate("inlet::app::ContactName", "Instagram user"));
}

QString contactNameText(const QString &name, const QString &username, const QString &customerId)
{
    return contactNameText(contactName(name, username, customerId));
}

} // namespace inlet::app
