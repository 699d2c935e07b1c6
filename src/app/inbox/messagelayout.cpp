#include "app/inbox/messagelayout.h"

#include "app/inbox/failuretext.h"
#include "model/types.h"
#include "models/messagelistmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QRegularExpression>
#include <QTextLine>
#include <QVariantMap>

namespace inlet::app {

namespace {

QString tr(const char *text)
{
    // lupdate files these strings under the enclosing scope: the engine's members, or the
    // namespace for the helpers below.
    const QString translated = QCoreApplication::translate("inlet::app::MessageLayoutEngine", text);
    if (translated != QString::fromUtf8(text))
        return translated;
    return QCoreApplication::translate("inlet::app", text);
}

QString stateText(MessageState state, bool seen)
{
    switch (state) {
    case MessageState::Queued: return tr("Queued");
    case MessageState::Sending: return tr("Sending…");
    case MessageState::Sent: return seen ? tr("Seen") : tr("Sent");
    case MessageState::Failed: return tr("Failed");
    case MessageState::Received: return {};
    }
    return {};
}

QString attachmentLabel(const QString &type)
{
    if (type == QLatin1String("video") || type == QLatin1String("ig_reel") || type == QLatin1String("reel"))
        return tr("Video");
    if (type == QLatin1String("audio"))
        return tr("Voice message");
    if (type == QLatin1String("file"))
        return tr("File");
    if (type == QLatin1String("story_mention"))
        return tr("Mentioned you in their story");
    if (type == QLatin1String("share") || type == QLatin1String("ig_post"))
        return tr("Shared post");
    return tr("Attachment");
}

} // namespace

QString MessageLayout::linkAt(QPoint pos) const
{
    if (!text)
        return {};
    const QPointF local = QPointF(pos - textPos);
    for (int i = 0; i < text->lineCount(); ++i) {
        const QTextLine line = text->lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() < line.x() || local.x() > line.x() + line.naturalTextWidth())
            return {};
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        for (const Link &link : links) {
            if (cursor >= link.start && cursor < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

const MessageLayout::Attachment *MessageLayout::attachmentAt(QPoint pos) const
{
    for (const Attachment &att : attachments) {
        if (att.rect.contains(pos))
            return &att;
    }
    return nullptr;
}

QString MessageLayoutEngine::percentText(double progress)
{
    return tr("%1 %").arg(qRound(qBound(0.0, progress, 1.0) * 100));
}

QList<MessageLayout::Link> MessageLayoutEngine::findLinks(const QString &text)
{
    // Plain URLs as people type them; trailing punctuation is not part of the link.
    static const QRegularExpression re(QStringLiteral(R"((?:https?://|www\.)[^\s<>"]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    QList<MessageLayout::Link> links;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString url = m.captured();
        while (!url.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(url.back()))
            url.chop(1);
        if (url.isEmpty())
            continue;
        const int length = int(url.size());
        if (url.startsWith(QLatin1String("www."), Qt::CaseInsensitive))
            url.prepend(QStringLiteral("https://"));
        links.append({int(m.capturedStart()), length, url});
    }
    return links;
}

QString MessageLayoutEngine::dayLabel(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms).date();
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

MessageLayout MessageLayoutEngine::build(const QModelIndex &index, int width,
                                         const MessageLayoutFonts &fonts)
{
    using M = MessageListModel;
    MessageLayout l;
    const QFontMetrics fm(fonts.base);
    const QFontMetrics sm(fonts.small);
    l.outgoing = index.data(M::OutgoingRole).toBool();
    l.note = MessageRow::Kind(index.data(M::KindRole).toInt()) == MessageRow::Kind::Note;
    const bool deleted = index.data(M::DeletedRole).toBool();
    const auto state = MessageState(index.data(M::StateRole).toInt());
    int y = kRowMargin;

    if (index.data(M::DaySeparatorRole).toBool()) {
        l.dayText = dayLabel(index.data(M::TimeRole).toLongLong());
        l.dayRect = QRect(0, y, width, sm.height() + 12);
        y += l.dayRect.height() + kRowMargin;
    }

    const int maxBubble = qBound(120, width * 7 / 10, 560);
    const int inner = maxBubble - 2 * kPadding;
    int contentWidth = 0;
    int cy = kPadding; // inside the bubble

    const QString quote = index.data(M::ReplyQuoteRole).toString();
    if (!index.data(M::ReplyToMidRole).toString().isEmpty() || !quote.isEmpty()) {
        l.quote = quote.isEmpty() ? tr("Replying to a message") : quote;
        l.quote = sm.elidedText(l.quote.simplified(), Qt::ElideRight, inner - 10);
        l.quoteRect = QRect(kPadding, cy, qMin(inner, sm.horizontalAdvance(l.quote) + 14), sm.height() + 8);
        contentWidth = l.quoteRect.width();
        cy += l.quoteRect.height() + 6;
    } else if (!index.data(M::ReplyToStoryRole).toString().isEmpty()) {
        l.quote = tr("Replied to your story");
        l.quoteRect = QRect(kPadding, cy, sm.horizontalAdvance(l.quote) + 14, sm.height() + 8);
        contentWidth = l.quoteRect.width();
        cy += l.quoteRect.height() + 6;
        l.attachments.append({QRect(), QStringLiteral("story"), index.data(M::ReplyToStoryRole).toString(), {}, {}, false, {}});
    }

    QString text = index.data(M::TextRole).toString();
    if (deleted) {
        text = tr("This message was unsent");
        l.italicText = true;
    }
    if (!text.isEmpty()) {
        if (!deleted)
            l.links = findLinks(text);
        QFont font = fonts.base;
        font.setItalic(l.italicText);
        l.text = std::make_shared<QTextLayout>(text, font);
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        option.setTextDirection(text.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight);
        l.text->setTextOption(option);
        QList<QTextLayout::FormatRange> formats;
        for (const auto &link : std::as_const(l.links)) {
            QTextCharFormat f;
            f.setFontUnderline(true);
            formats.append({link.start, link.length, f});
        }
        l.text->setFormats(formats);
        l.text->beginLayout();
        qreal h = 0;
        qreal widest = 0;
        for (;;) {
            QTextLine line = l.text->createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(inner);
            line.setPosition(QPointF(0, h));
            h += line.height();
            widest = qMax(widest, line.naturalTextWidth());
        }
        l.text->endLayout();
        const int textWidth = qMin(inner, int(std::ceil(widest)) + 1);
        // Right-to-left lines are laid out against the right edge of `inner`: shift them back.
        if (text.isRightToLeft())
            l.textPos = QPoint(kPadding - (inner - textWidth), cy);
        else
            l.textPos = QPoint(kPadding, cy);
        contentWidth = qMax(contentWidth, textWidth);
        cy += int(std::ceil(h));
    }

    if (!deleted) {
        const QVariantList attachments = index.data(M::AttachmentsRole).toList();
        for (const QVariant &v : attachments) {
            const QVariantMap a = v.toMap();
            MessageLayout::Attachment att;
            att.type = a.value(QStringLiteral("type")).toString();
            att.url = a.value(QStringLiteral("url")).toString();
            att.title = a.value(QStringLiteral("title")).toString();
            att.localPath = a.value(QStringLiteral("localPath")).toString();
            att.isImage = att.type == QLatin1String("image") || att.type == QLatin1String("animated_image");
            if (cy > kPadding)
                cy += 6;
            if (att.isImage) {
                const int w = qMin(inner, kImageWidth);
                att.rect = QRect(kPadding, cy, w, kImageHeight * w / kImageWidth);
            } else {
                // Our own file before (and after) its upload: its name and size.
                if (!att.localPath.isEmpty()) {
                    const QFileInfo file(att.localPath);
                    if (att.title.isEmpty())
                        att.title = file.fileName();
                    if (file.exists())
                        att.detail = QLocale().formattedDataSize(file.size());
                }
                if (att.title.isEmpty())
                    att.title = attachmentLabel(att.type);
                att.rect = QRect(kPadding, cy, qMin(inner, 260), fm.height() + sm.height() + 16);
            }
            contentWidth = qMax(contentWidth, att.rect.width());
            cy += att.rect.height();
            l.attachments.append(att);
        }
        // The story card from a story reply has no rect yet: give it one.
        for (auto &att : l.attachments) {
            if (att.rect.isNull()) {
                cy += 6;
                att.title = tr("Open the story");
                att.rect = QRect(kPadding, cy, qMin(inner, 260), fm.height() + 12);
                contentWidth = qMax(contentWidth, att.rect.width());
                cy += att.rect.height();
            }
        }
    }
    if (cy == kPadding) // nothing at all (an unsupported message): keep a visible bubble
        cy += fm.height();

    l.uploadProgress = index.data(M::UploadProgressRole).toDouble();
    if (l.outgoing && l.uploadProgress >= 0 && !l.attachments.isEmpty()) {
        // The bar spans the content; the percentage sits at its right.
        const int w = qMax(contentWidth, 120);
        l.progressRect = QRect(kPadding, cy + 6, w, sm.height());
        contentWidth = w;
        cy = l.progressRect.bottom() + 1;
    }

    const int bubbleWidth = contentWidth + 2 * kPadding;
    const int bubbleHeight = cy + kPadding;
    const int x = l.onRight() ? width - bubbleWidth - 12 : 12;
    l.bubble = QRect(x, y, qMax(bubbleWidth, 40), bubbleHeight);
    // Shift the inner parts to the bubble's position.
    const QPoint offset(l.bubble.left(), l.bubble.top());
    l.quoteRect.translate(offset);
    l.progressRect.translate(offset);
    l.textPos += offset;
    for (auto &att : l.attachments)
        att.rect.translate(offset);
    y = l.bubble.bottom() + 1;

    const QStringList reactions = index.data(M::ReactionsRole).toStringList();
    if (!reactions.isEmpty()) {
        l.reactions = reactions.join(QLatin1Char(' '));
        l.ownReaction = !index.data(M::OwnReactionRole).toString().isEmpty();
        const int w = fm.horizontalAdvance(l.reactions) + 12;
        l.reactionsRect = QRect(
            l.onRight() ? l.bubble.right() - w : l.bubble.left() + 8, y - 4, w, fm.height() + 4);
        y = l.reactionsRect.bottom() + 1;
    }

    QStringList meta;
    if (l.note) {
        meta << tr("Note");
        if (const QString author = index.data(M::SentByRole).toString(); !author.isEmpty())
            meta << author;
    }
    // Team mode: who sent it (small and muted, like the time).
    if (l.outgoing) {
        if (const QString agent = index.data(M::SentByRole).toString(); !agent.isEmpty())
            meta << agent;
        else if (index.data(M::SentElsewhereRole).toBool())
            meta << tr("Instagram app");
    }
    meta << QLocale().toString(QDateTime::fromMSecsSinceEpoch(index.data(M::TimeRole).toLongLong()).time(),
                               QLocale::ShortFormat);
    if (index.data(M::EditedRole).toBool() && !deleted)
        meta << tr("Edited");
    if (l.outgoing) {
        const QString s = l.progressRect.isValid() ? tr("Uploading…")
                                                   : stateText(state, index.data(M::SeenRole).toBool());
        if (!s.isEmpty())
            meta << s;
    }
    l.failed = l.outgoing && state == MessageState::Failed;
    if (l.failed) {
        const QString reason = failureText(index.data(M::ErrorRole).toString());
        if (!reason.isEmpty())
            meta << reason;
    }
    l.meta = meta.join(QStringLiteral(" · "));
    const int metaWidth = qMin(width - 24, sm.horizontalAdvance(l.meta) + 2);
    l.metaRect = QRect(l.onRight() ? width - 12 - metaWidth : 12, y + 2, metaWidth, sm.height());
    y = l.metaRect.bottom() + 1;
    if (l.failed) {
        const QString retry = tr("Retry");
        const QString remove = tr("Delete");
        const int rw = fm.horizontalAdvance(retry) + 16;
        const int dw = fm.horizontalAdvance(remove) + 16;
        const int top = y + 4;
        const int right = width - 12;
        l.deleteRect = QRect(right - dw, top, dw, fm.height() + 6);
        l.retryRect = QRect(l.deleteRect.left() - 8 - rw, top, rw, fm.height() + 6);
        y = l.retryRect.bottom() + 1;
    }
    if (l.outgoing && state == MessageState::Queued && !l.attachments.isEmpty()) {
        const QString cancel = tr("Cancel");
        const int cw = fm.horizontalAdvance(cancel) + 16;
        l.cancelRect = QRect(width - 12 - cw, y + 4, cw, fm.height() + 6);
        y = l.cancelRect.bottom() + 1;
    }
    l.size = QSize(width, y + kRowMargin);
    return l;
}

} // namespace inlet::app
