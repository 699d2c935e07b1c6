#pragma once

#include <QList>
#include <QString>

// Saved replies (issue 13): canned answers the manager writes once and picks in the composer with
// "/", with variables filled from the conversation.
namespace inlet {

struct SavedReply {
    qint64 id = 0; // 0: not stored yet
    QString title;
    QString shortcut; // without the "/"; may be empty; unique ignoring case
    QString text; // may hold {first_name}, {username}, {agent}
    qint64 updatedMs = 0;

    friend bool operator==(const SavedReply &, const SavedReply &) = default;
};

// Why a saved reply was refused (Error::code of an Error::Kind::Invalid); the app words them.
namespace savedreply {
enum Problem {
    TitleMissing = 1,
    TextMissing = 2,
    ShortcutHasSpace = 3,
    ShortcutTaken = 4,
    NotFound = 5,
};
}

// What the composer fills in. An empty value leaves its variable as written, so the manager sees
// what is missing before sending.
struct ReplyVariables {
    QString firstName; // the contact's first name (the first word of their name)
    QString username; // their Instagram username, without "@"
    QString agent; // who answers: the "Your name" of the saved-replies editor, else the account
};

// `text` with {first_name}, {username} and {agent} replaced. An unknown variable ({order_id}) and
// a known one without a value stay as written.
QString fillReplyVariables(const QString &text, const ReplyVariables &values);
// The first word of a contact's name ("Ana Beatriz Souza" -> "Ana"); empty for a blank name.
QString firstNameOf(const QString &name);
// A shortcut as stored: trimmed, without a leading "/".
QString normalizedShortcut(const QString &shortcut);
// The first problem of `reply` that can be seen without the store (not ShortcutTaken), or 0.
int problemOf(const SavedReply &reply);

// The replies the composer's "/" picker offers for `query` (what follows the "/"): by shortcut or
// title, ignoring case. Best first: the shortcut itself, shortcuts starting with the query, titles
// (or a word of them) starting with it, then shortcuts and titles containing it; each group by
// title. An empty query gives every reply by title.
QList<SavedReply> findSavedReplies(const QList<SavedReply> &replies, const QString &query);

} // namespace inlet
