#pragma once

#include <QString>

#include <functional>

namespace inlet {

// What Inlet calls a customer, everywhere one is named (inbox list, conversation header, contact
// panel, quick switcher, notifications): the profile's name; without one, the @username (from the
// profile or any event that carried it); without either (the User Profile API refuses profiles of
// people who have not messaged or have blocked the account, code 230), the last four digits of
// their Instagram-scoped id (IGSID), so that two unnamed customers still look different.
struct ContactName {
    enum class Kind { Name, Username, ScopedId };
    Kind kind = Kind::ScopedId;
    // The name; the username without "@"; or the scoped id's last 4 digits (fewer if it is
    // shorter, empty without an id).
    QString text;

    friend bool operator==(const ContactName &, const ContactName &) = default;
};

// The one rule. Blank (whitespace-only) names and usernames count as missing.
ContactName contactName(const QString &name, const QString &username, const QString &scopedId);

// The words for it: the name, "@" + the username, or `scopedId` with %1 = the digits (`noId`
// without any). The app passes its tr() words and hands the result to the models as their
// ContactNameText; contactNameInEnglish() is the untranslated default (headless logs, tests):
// "Ana", "@ana.b", "Instagram user ·4821".
QString wordContactName(const ContactName &name, const QString &scopedId, const QString &noId);
using ContactNameText = std::function<QString(const ContactName &)>;
QString contactNameInEnglish(const ContactName &name);

} // namespace inlet
