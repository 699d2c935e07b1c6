#pragma once

#include <QList>
#include <QString>

// Reactions on Instagram DMs, in one place for the queue, the models and the UI
// (instagram-api.md §2.7, §3.3, §11).
namespace inlet::reactions {

// The reaction the Send API takes from a business. Meta's Instagram sample sends
// `"sender_action":"react","payload":{"reaction":"love"}`; other names and emoji are reported
// refused on Instagram (Messenger takes any emoji), so "love" is the only one Inlet sends.
inline constexpr char16_t kLove[] = u"love";

// One entry of the React menu: Instagram's usual reactions, of which only `sendable` ones can go.
struct Choice {
    QString name; // Instagram's reaction name ("love", "laugh", ...)
    QString emoji; // what the menu and the bubble show
    bool sendable = false;
};

// The React menu, in Instagram's order: ❤️ (sendable), then 😂 😮 😢 😡 👍 (not
// sendable).
QList<Choice> businessChoices();

// The payload.reaction to send for a reaction given by name or by emoji ("❤️", "❤" and "love"
// all give "love"); empty when Instagram would refuse it from a business.
QString sendableName(const QString &nameOrEmoji);

// The emoji for one of Instagram's reaction names (love, like, laugh, wow, sad, angry, and
// Messenger's smile and dislike); empty for "other" and unknown names.
QString emojiForName(const QString &name);

// What a bubble shows for a reaction event's `reaction` (a name, or sometimes an emoji) and
// `emoji` (either may be empty): the emoji when given, else the name's emoji, else the value
// itself when it is an emoji, else a neutral mark (never a raw word like "other").
QString display(const QString &reaction, const QString &emoji);

// The neutral mark shown for a reaction Inlet cannot name ("other" without an emoji, a new name).
inline constexpr char16_t kUnknownMark[] = u"\u2754"; // ❔

} // namespace inlet::reactions
