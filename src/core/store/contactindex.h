#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace inlet {

// The quick switcher's lookup in memory: every conversation's contact name and username, folded
// once (textfold::fold), newest activity first. Matching a keystroke is then a walk over short
// strings with no SQL and no folding (under a millisecond at 10,000 conversations, where the scan
// of StoreReader::conversationsByContact folds every name again: docs/benchmarks-ui.md). A
// snapshot: whoever keeps one takes a new one when it may be stale (ConversationFinderModel does
// at each opening of the switcher).
class ContactIndex {
public:
    struct Entry {
        qint64 conversationId = 0;
        QString accountId;
        QString foldedName;
        QString foldedUsername;
        QStringList foldedLabels; // the names of the labels on it (issue 13)
    };

    ContactIndex() = default;
    explicit ContactIndex(QList<Entry> newestFirst)
        : m_entries(std::move(newestFirst))
    {
    }

    // Ids of the conversations whose name or username matches `text` as conversationsByContact
    // matches them (case and accents ignored, a leading '@' dropped), or one of whose labels'
    // names does: a name or username matching at a word start first, then a label's name
    // matching at a word start, then other substrings, each newest first; at most `limit`. An
    // empty accountId matches every account.
    QList<qint64> find(const QString &text, const QString &accountId, int limit) const;

    qsizetype size() const { return m_entries.size(); }

private:
    QList<Entry> m_entries;
};

} // namespace inlet
