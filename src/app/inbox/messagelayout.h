#pragma once

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <QTextLayout>

#include <memory>

class QModelIndex;

namespace inlet::app {

// Where each part of one message row goes at one width: computed once per (message revision,
// width, fonts) by MessageLayoutCache, then reused by sizeHint, paint and hit tests.
// All rectangles are relative to the row's top-left corner.
struct MessageLayout {
    struct Link {
        int start = 0;
        int length = 0;
        QString url;
    };
    struct Attachment {
        QRect rect;
        QString type;
        QString url;
        QString title;
        QString localPath;
        bool isImage = false;
        QString detail; // a local file's size on its card
    };

    QSize size;
    bool outgoing = false;
    // An internal note of the team (never sent): on the right like the business's messages, in
    // the note colour, its meta line "Note · author · time".
    bool note = false;
    bool onRight() const { return outgoing || note; }
    QString dayText; // non-empty: a day separator on top
    QRect dayRect;
    QRect bubble;
    QString quote; // reply quote
    QRect quoteRect;
    std::shared_ptr<QTextLayout> text;
    QPoint textPos;
    bool italicText = false; // "unsent" placeholder
    QList<Link> links;
    QList<Attachment> attachments;
    QString meta; // time, edited, state or "Seen"
    QRect metaRect;
    bool failed = false;
    QRect retryRect;
    QRect deleteRect;
    // An attachment still on its way: the upload's bar (while it runs) and Cancel (until the
    // message itself goes to Instagram).
    double uploadProgress = -1;
    QRect progressRect;
    QRect cancelRect;
    QString reactions;
    QRect reactionsRect;
    bool ownReaction = false; // the business reacted too: the pill is highlighted

    // The URL under `pos` (row coordinates), or empty.
    QString linkAt(QPoint pos) const;
    // The attachment under `pos`, or null.
    const Attachment *attachmentAt(QPoint pos) const;
};

struct MessageLayoutFonts {
    QFont base;
    QFont small;
    QFont bold;
};

// Builds MessageLayouts. Pure layout: no painting, no model writes.
class MessageLayoutEngine {
public:
    static constexpr int kImageWidth = 240;
    static constexpr int kImageHeight = 180;
    static constexpr int kPadding = 10;
    static constexpr int kRowMargin = 6;

    static MessageLayout build(const QModelIndex &index, int width, const MessageLayoutFonts &fonts);
    static QList<MessageLayout::Link> findLinks(const QString &text);
    static QString percentText(double progress);
    static QString dayLabel(qint64 ms);
};

} // namespace inlet::app
