#include "app/inbox/composer.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace inlet::app {

ComposerEdit::ComposerEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_replies(new QStringListModel(this))
{
    setTabChangesFocus(true);
    setPlaceholderText(tr("Write a reply… (Enter sends, Shift+Enter for a new line, / for saved replies)"));
    setAccessibleName(tr("Reply text"));
    m_completer->setModel(m_replies);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &ComposerEdit::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, &ComposerEdit::updateCompletion);
}

void ComposerEdit::setSavedReplies(const QStringList &replies)
{
    m_replies->setStringList(replies);
}

void ComposerEdit::updateCompletion()
{
    const QString text = toPlainText();
    if (!text.startsWith(QLatin1Char('/')) || text.contains(QLatin1Char('\n')) || m_replies->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(text.mid(1));
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(qMax(240, width() / 2));
    m_completer->complete(r);
}

void ComposerEdit::insertCompletion(const QString &reply)
{
    setPlainText(reply);
    moveCursor(QTextCursor::End);
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

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_humanAgent);
    bottom->addStretch(1);
    bottom->addWidget(m_counter);
    bottom->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_replyBar);
    layout->addWidget(m_notice);
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

void Composer::clear()
{
    m_edit->clear();
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

bool Composer::canSend() const
{
    const int bytes = byteCount();
    if (!m_available || bytes == 0 || bytes > kMaxBytes)
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

    QString notice;
    const bool closed = m_state == MessagingWindow::State::Closed;
    m_humanAgent->setVisible(m_state == MessagingWindow::State::HumanAgent && m_available);
    if (!m_available) {
        notice = m_unavailableWhy;
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
    m_send->setEnabled(canSend());
}

void Composer::submit()
{
    if (!canSend())
        return;
    if (m_offline)
        m_sentWhileOffline = true; // the outbox keeps it queued; refresh() says so
    emit sendRequested(text().trimmed(), m_replyToMid,
                       m_state == MessagingWindow::State::HumanAgent && m_humanAgent->isChecked());
}

} // namespace inlet::app
