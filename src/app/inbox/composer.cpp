#include "app/inbox/composer.h"

#include "app/inbox/attachmentchip.h"
#include "app/inbox/failuretext.h"
#include "app/inbox/messagedelegate.h"
#include "common/logging.h"
#include "models/savedreplymodel.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace inlet::app {

namespace {

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_replies(new SavedReplyModel(this))
{
    setTabChangesFocus(true);
    setPlaceholderText(tr("Write a reply… (Enter sends, Shift+Enter for a new line, / for saved replies)"));
    setAccessibleName(tr("Reply text"));
    // The model filters and orders itself (by shortcut, then title); the completer only shows it.
    m_completer->setModel(m_replies);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(this);
    m_completer->popup()->setAccessibleName(tr("Saved replies"));
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        &ComposerEdit::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, &ComposerEdit::updateCompletion);
}

void ComposerEdit::setSavedReplies(const QList<SavedReply> &replies)
{
    m_replies->setReplies(replies);
    if (hasFocus()) // the list changed while "/..." is being typed: the picker follows
        updateCompletion();
}

void ComposerEdit::updateCompletion()
{
    const QString text = toPlainText();
    if (!text.startsWith(QLatin1Char('/')) || text.contains(QLatin1Char('\n'))) {
        m_completer->popup()->hide();
        return;
    }
    m_replies->setFilter(text.mid(1));
    if (m_replies->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(qMax(240, width() / 2));
    m_completer->complete(r);
    // The best match is chosen: Enter takes it (without a current row Enter would send "/...").
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void ComposerEdit::insertCompletion(const QModelIndex &index)
{
    const QString text = index.data(SavedReplyModel::TextRole).toString();
    setPlainText(fillReplyVariables(text, m_variables ? m_variables() : ReplyVariables {}));
    moveCursor(QTextCursor::End);
}

bool ComposerEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFiles(source).isEmpty() || source->hasImage() || QPlainTextEdit::canInsertFromMimeData(source);
}

void ComposerEdit::insertFromMimeData(const QMimeData *source)
{
    // Files and pictures become the attachment; text stays text (an office app's copy carries
    // a picture of the text too: text wins then).
    const QStringList files = localFiles(source);
    if (!files.isEmpty()) {
        emit filesDropped(files);
        return;
    }
    if (source->hasImage() && !source->hasText()) {
        emit imagePasted(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void ComposerEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
            event->ignore(); // the completer's popup handles them
            return;
        default:
            break;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        emit submitted();
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n"));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ComposerEdit(this))
    , m_counter(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_humanAgent(new QCheckBox(tr("Send as a human agent reply (HUMAN_AGENT)"), this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_attach(new QToolButton(this))
    , m_chip(new AttachmentChip(this))
    , m_settingsLink(new QLabel(this))
    , m_noteToggle(new QToolButton(this))
    , m_replyBar(new QWidget(this))
    , m_replyLabel(new QLabel(m_replyBar))
    , m_replyCancel(new QToolButton(m_replyBar))
{
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    m_humanAgent->setVisible(false);
    m_humanAgent->setToolTip(tr("Instagram allows replies written by a person up to 7 days after the "
                                "customer's last message, with the human agent tag."));
    m_send->setAccessibleName(tr("Send reply"));
    m_counter->setAccessibleName(tr("Bytes used"));
    m_replyCancel->setText(QStringLiteral("✕"));
    m_replyCancel->setAccessibleName(tr("Cancel reply"));
    m_replyCancel->setAutoRaise(true);
    auto *replyLayout = new QHBoxLayout(m_replyBar);
    replyLayout->setContentsMargins(4, 0, 0, 0);
    replyLayout->addWidget(m_replyLabel, 1);
    replyLayout->addWidget(m_replyCancel);
    m_replyBar->setVisible(false);
    m_attach->setIcon(QIcon::fromTheme(QStringLiteral("mail-attachment")));
    m_attach->setText(tr("Attach…"));
    // Without an icon theme (or an emoji font) a word is clearer than a missing glyph.
    m_attach->setToolButtonStyle(m_attach->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    m_attach->setAutoRaise(true);
    m_attach->setAccessibleName(tr("Attach a file"));
    m_chip->setVisible(false);
    m_settingsLink->setText(QStringLiteral("<a href=\"settings\">%1</a>").arg(tr("Open Settings…").toHtmlEscaped()));
    m_settingsLink->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_settingsLink->setAccessibleName(tr("Open Settings"));
    m_settingsLink->setVisible(false);

    m_noteToggle->setObjectName(QStringLiteral("noteToggle"));
    m_noteToggle->setText(tr("Note"));
    m_noteToggle->setCheckable(true);
    m_noteToggle->setAutoRaise(true);
    m_noteToggle->setToolTip(
        tr("Write an internal note: only your team sees it, it is never sent "
           "to Instagram (%1)")
            .arg(
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText)));
    m_noteToggle->setVisible(false);
    connect(m_noteToggle, &QToolButton::toggled, this, &Composer::setNoteMode);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_noteToggle);
    bottom->addWidget(m_attach);
    bottom->addWidget(m_humanAgent);
    bottom->addStretch(1);
    bottom->addWidget(m_counter);
    bottom->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_replyBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_settingsLink);
    layout->addWidget(m_chip, 0, Qt::AlignLeft);
    layout->addWidget(m_edit);
    layout->addLayout(bottom);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::refresh);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_edit->toPlainText().isEmpty())
            emit typing();
    });
    connect(m_edit, &ComposerEdit::submitted, this, &Composer::submit);
    connect(m_send, &QPushButton::clicked, this, &Composer::submit);
    connect(m_humanAgent, &QCheckBox::toggled, this, &Composer::refresh);
    connect(m_replyCancel, &QToolButton::clicked, this, &Composer::clearReplyTo);
    connect(m_attach, &QToolButton::clicked, this, &Composer::chooseAttachment);
    connect(m_chip, &AttachmentChip::removeRequested, this, &Composer::removeAttachment);
    connect(m_settingsLink, &QLabel::linkActivated, this, &Composer::settingsRequested);
    connect(m_edit, &ComposerEdit::filesDropped, this, [this](const QStringList &paths) { attachFile(paths.constFirst()); });
    connect(m_edit, &ComposerEdit::imagePasted, this, &Composer::attachImage);
    refresh();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setText(const QString &text)
{
    m_edit->setPlainText(text);
}

void Composer::setImageCache(ImageCache *images)
{
    m_chip->setImageCache(images);
}

void Composer::setAttachmentsAvailable(bool available, const QString &why)
{
    m_attachAvailable = available;
    m_attachUnavailableWhy = why;
    if (available && m_settingsLink->isVisible())
        setAttachNotice({});
    refresh();
}

void Composer::chooseAttachment()
{
    if (!m_attachAvailable) {
        setAttachNotice(m_attachUnavailableWhy, true);
        return;
    }
    static QString lastDir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file"), lastDir,
        tr("Images, videos, audio and PDF (*.png *.jpg *.jpeg *.gif *.mp4 *.mov *.avi *.ogg *.webm "
           "*.aac *.m4a *.wav *.pdf);;All files (*)"));
    if (path.isEmpty())
        return;
    lastDir = QFileInfo(path).absolutePath();
    attachFile(path);
}

bool Composer::attachFile(const QString &path)
{
    if (!m_attachAvailable) {
        setAttachNotice(m_attachUnavailableWhy, true);
        return false;
    }
    const auto info = MediaPolicy::inspect(path);
    if (!info) {
        setAttachNotice(tr("%1 is not attached: %2")
                            .arg(QFileInfo(path).fileName(), refusalText(info.error())));
        return false;
    }
    m_attachmentPath = QFileInfo(path).absoluteFilePath();
    m_attachmentInfo = *info;
    m_chip->setFile(m_attachmentPath, m_attachmentInfo);
    m_chip->setVisible(true);
    setAttachNotice({});
    m_edit->setFocus();
    return true;
}

bool Composer::attachImage(const QImage &image)
{
    // The outbox uploads from the file, possibly after a restart: it must outlive this session.
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
    const QString name = QStringLiteral("pasted/image-%1.png")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    const QString path = dir.filePath(name);
    if (image.isNull() || !dir.mkpath(QStringLiteral("pasted")) || !image.save(path, "PNG")) {
        qCWarning(lcApp) << "composer: cannot save the pasted image to" << path;
        setAttachNotice(tr("The pasted image could not be saved."));
        return false;
    }
    return attachFile(path);
}

void Composer::removeAttachment()
{
    m_attachmentPath.clear();
    m_attachmentInfo = {};
    m_chip->setVisible(false);
    refresh();
}

void Composer::setAttachNotice(const QString &notice, bool linkToSettings)
{
    m_attachNotice = notice;
    m_settingsLink->setVisible(!notice.isEmpty() && linkToSettings);
    refresh();
}

void Composer::clear()
{
    m_edit->clear();
    removeAttachment();
    setAttachNotice({});
    clearReplyTo();
    m_humanAgent->setChecked(false);
}

int Composer::byteCount() const
{
    return int(text().trimmed().toUtf8().size());
}

void Composer::setWindowState(MessagingWindow::State state)
{
    m_state = state;
    if (state != MessagingWindow::State::HumanAgent)
        m_humanAgent->setChecked(false);
    refresh();
}

void Composer::setSendingAvailable(bool available, const QString &why)
{
    m_available = available;
    m_unavailableWhy = why;
    refresh();
}

void Composer::setOffline(bool offline)
{
    m_offline = offline;
    if (!offline)
        m_sentWhileOffline = false;
    refresh();
}

void Composer::setReplyTo(const QString &mid, const QString &quote)
{
    m_replyToMid = mid;
    m_replyLabel->setText(tr("Replying to: %1").arg(
        m_replyLabel->fontMetrics().elidedText(quote.simplified(), Qt::ElideRight, 400)));
    m_replyBar->setVisible(!mid.isEmpty());
    m_edit->setFocus();
}

void Composer::clearReplyTo()
{
    m_replyToMid.clear();
    m_replyBar->setVisible(false);
}

void Composer::setNotesAvailable(bool available)
{
    m_notesAvailable = available;
    m_noteToggle->setVisible(available);
    if (!available)
        setNoteMode(false);
}

void Composer::setNoteMode(bool on)
{
    if (on && !m_notesAvailable)
        return;
    m_noteMode = on;
    {
        QSignalBlocker block(m_noteToggle);
        m_noteToggle->setChecked(on);
    }
    m_edit->setPlaceholderText(on ? tr("Internal note: only your team sees it") : QString());
    // The note colour of the bubbles (MessageDelegate::noteColour), light or dark with the palette.
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_edit->setStyleSheet(on ? QStringLiteral("QPlainTextEdit { background-color: %1; color: %2; }")
                                   .arg(MessageDelegate::noteColour(dark).name(),
                                       dark ? QStringLiteral("#f5e6b0") : QStringLiteral("#3d2e00"))
                             : QString());
    m_send->setText(on ? tr("Add note") : tr("Send"));
    m_send->setAccessibleName(on ? tr("Add internal note") : tr("Send reply"));
    refresh();
}

bool Composer::canSend() const
{
    if (m_noteMode) {
        const QString typed = text().trimmed();
        return !typed.isEmpty() && typed.size() <= kMaxNoteChars;
    }
    const int bytes = byteCount();
    if (!m_available || (bytes == 0 && !hasAttachment()) || bytes > kMaxBytes)
        return false;
    switch (m_state) {
    case MessagingWindow::State::Open:
    case MessagingWindow::State::ClosingSoon: return true;
    case MessagingWindow::State::HumanAgent: return m_humanAgent->isChecked();
    case MessagingWindow::State::Closed: return false;
    }
    return false;
}

void Composer::refresh()
{
    const int bytes = byteCount();
    m_counter->setText(tr("%1 / %2 bytes").arg(bytes).arg(kMaxBytes));
    m_counter->setStyleSheet(bytes > kMaxBytes ? QStringLiteral("color: #d03030; font-weight: bold;") : QString());
    m_counter->setToolTip(tr("Instagram limits a message to 1000 bytes of UTF-8: emoji and accented "
                             "letters take more than one byte."));

    if (m_noteMode) {
        // A note stays in the team: no byte limit, no messaging window, no attachment.
        m_counter->setText(QString());
        m_humanAgent->setVisible(false);
        m_notice->setVisible(false);
        m_edit->setReadOnly(false);
        m_attach->setEnabled(false);
        m_send->setEnabled(canSend());
        return;
    }
    QString notice;
    const bool closed = m_state == MessagingWindow::State::Closed;
    m_humanAgent->setVisible(m_state == MessagingWindow::State::HumanAgent && m_available);
    if (!m_available) {
        notice = m_unavailableWhy;
    } else if (!m_attachNotice.isEmpty()) {
        notice = m_attachNotice;
    } else if (m_state == MessagingWindow::State::HumanAgent) {
        notice = tr("More than 24 hours since the customer's last message: only a reply written by "
                    "you, sent with the human agent tag, is allowed (up to 7 days).");
    } else if (closed) {
        notice = tr("More than 7 days since the customer's last message: Instagram does not allow "
                    "a reply until they write again.");
    } else if (bytes > kMaxBytes) {
        notice = tr("Too long for Instagram: shorten it by %1 bytes.").arg(bytes - kMaxBytes);
    } else if (m_offline && m_sentWhileOffline) {
        notice = tr("Offline: your message will be sent when the connection is back.");
    }
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    m_edit->setReadOnly(closed || !m_available);
    m_attach->setEnabled(!closed && m_available);
    m_attach->setToolTip(m_attachAvailable ? tr("Attach an image, video, audio or PDF (or drop a file here, "
                                                "or paste an image)")
                                           : m_attachUnavailableWhy);
    m_send->setEnabled(canSend());
}

void Composer::submit()
{
    if (!canSend())
        return;
    if (m_noteMode) {
        emit noteRequested(text().trimmed());
        return;
    }
    if (m_offline)
        m_sentWhileOffline = true; // the outbox keeps it queued; refresh() says so
    emit sendRequested(text().trimmed(), m_replyToMid,
                       m_state == MessagingWindow::State::HumanAgent && m_humanAgent->isChecked());
}

} // namespace inlet::app
