#include "app/inbox/triageactions.h"

#include "app/inbox/snoozedialog.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "models/snoozetimes.h"
#include "service/triagewrites.h"
#include "store/store.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QWidget>

namespace inlet::app {

namespace {

QString choiceText(SnoozeChoice::Kind kind)
{
    switch (kind) {
    case SnoozeChoice::Kind::OneHour:
        return TriageActions::tr("In 1 hour");
    case SnoozeChoice::Kind::ThisEvening:
        return TriageActions::tr("This evening");
    case SnoozeChoice::Kind::TomorrowMorning:
        return TriageActions::tr("Tomorrow morning");
    case SnoozeChoice::Kind::NextWeek:
        return TriageActions::tr("Next week");
    }
    return {};
}

} // namespace

TriageActions::TriageActions(Store *store, QWidget *parent, TriageWrites *writes)
    : QObject(parent)
    , m_store(store)
    , m_local(std::make_unique<LocalTriageWrites>(store))
    , m_writes(writes ? writes : m_local.get())
    , m_parent(parent)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_done(new QAction(parent))
    , m_snooze(new QAction(tr("Snooze"), parent))
    , m_unread(new QAction(tr("Mark as unread"), parent))
    , m_snoozeMenu(new QMenu(parent))
{
    m_done->setObjectName(QStringLiteral("triageDone"));
    m_snooze->setObjectName(QStringLiteral("triageSnooze"));
    m_unread->setObjectName(QStringLiteral("triageUnread"));
    m_snoozeMenu->setObjectName(QStringLiteral("snoozeMenu"));
    m_done->setShortcut(doneKeys());
    m_snooze->setShortcut(snoozeKeys());
    m_unread->setShortcut(unreadKeys());
    for (QAction *a : { m_done, m_snooze, m_unread }) {
        a->setShortcutContext(Qt::WindowShortcut);
        parent->addAction(a);
    }
    connect(m_done, &QAction::triggered, this, [this] {
        if (m_current.id)
            toggleDone(m_current);
    });
    connect(m_unread, &QAction::triggered, this, [this] {
        if (m_current.id)
            markUnread(m_current.id);
    });
    connect(m_snooze, &QAction::triggered, this, [this] {
        if (!m_current.id)
            return;
        QWidget *anchor = m_anchor && m_anchor->isVisible() ? m_anchor : m_parent;
        m_snoozeMenu->popup(anchor->mapToGlobal(QPoint(0, anchor->height())));
    });
    connect(m_snoozeMenu, &QMenu::aboutToShow, this,
        [this] { fillSnoozeMenu(m_snoozeMenu, m_current); });
    setCurrent({});
}

TriageActions::~TriageActions() = default;

void TriageActions::setWrites(TriageWrites *writes)
{
    m_writes = writes ? writes : m_local.get();
}

QKeySequence TriageActions::doneKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
}
QKeySequence TriageActions::snoozeKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H);
}
QKeySequence TriageActions::unreadKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
}

void TriageActions::setCurrent(const ConversationRow &row)
{
    m_current = row;
    for (QAction *a : { m_done, m_snooze, m_unread })
        a->setEnabled(row.id != 0);
    updateTexts();
}

void TriageActions::updateTexts()
{
    const bool done = m_current.status == ConversationStatus::Done;
    m_done->setText(done ? tr("Reopen") : tr("Done"));
    m_done->setToolTip(done ? tr("Open the conversation again (%1)")
                                  .arg(doneKeys().toString(QKeySequence::NativeText))
                            : tr("Done until the customer writes again (%1)")
                                  .arg(doneKeys().toString(QKeySequence::NativeText)));
    m_snooze->setToolTip(
        tr("Snooze until a time (%1)").arg(snoozeKeys().toString(QKeySequence::NativeText)));
    m_unread->setToolTip(
        tr("Mark as unread (%1)").arg(unreadKeys().toString(QKeySequence::NativeText)));
}

void TriageActions::fillMenu(QMenu *menu, const ConversationRow &row)
{
    const bool done = row.status == ConversationStatus::Done;
    QAction *doneItem = menu->addAction(done ? tr("Reopen") : tr("Done"));
    doneItem->setShortcut(doneKeys()); // shown in the menu; the window's action takes the key
    connect(doneItem, &QAction::triggered, this, [this, row] { toggleDone(row); });
    QMenu *snoozeItems = menu->addMenu(tr("Snooze"));
    fillSnoozeMenu(snoozeItems, row);
    QAction *unreadItem = menu->addAction(tr("Mark as unread"));
    unreadItem->setShortcut(unreadKeys());
    unreadItem->setEnabled(!row.isUnread());
    connect(unreadItem, &QAction::triggered, this, [this, id = row.id] { markUnread(id); });
}

void TriageActions::fillSnoozeMenu(QMenu *menu, const ConversationRow &row)
{
    menu->clear();
    if (!row.id)
        return;
    const qint64 id = row.id;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_now());
    QLocale locale;
    for (const SnoozeChoice &choice : snoozeChoices(now)) {
        const QString when = choice.until.date() == now.toLocalTime().date()
            ? locale.toString(choice.until.time(), QLocale::ShortFormat)
            : locale.toString(choice.until, QLocale::ShortFormat);
        QAction *a = menu->addAction(QStringLiteral("%1\t%2").arg(choiceText(choice.kind), when));
        connect(a, &QAction::triggered, this,
            [this, id, until = choice.until.toMSecsSinceEpoch()] { snooze(id, until); });
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Custom date and time…")), &QAction::triggered, this,
        [this, id] { askCustomSnooze(id); });
    if (row.status == ConversationStatus::Snoozed) {
        menu->addSeparator();
        connect(
            menu->addAction(tr("Open now")), &QAction::triggered, this, [this, id] { reopen(id); });
    }
}

void TriageActions::askCustomSnooze(qint64 conversationId)
{
    auto *dialog = new SnoozeDialog(QDateTime::fromMSecsSinceEpoch(m_now()), m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, conversationId] {
        snooze(conversationId, dialog->until().toMSecsSinceEpoch());
    });
    dialog->open();
}

void TriageActions::toggleDone(const ConversationRow &row)
{
    if (row.status == ConversationStatus::Done)
        reopen(row.id);
    else
        report(m_writes->setConversationStatus(row.id, ConversationStatus::Done, 0));
}

void TriageActions::snooze(qint64 conversationId, qint64 untilMs)
{
    report(m_writes->setConversationStatus(conversationId, ConversationStatus::Snoozed, untilMs));
}

void TriageActions::reopen(qint64 conversationId)
{
    report(m_writes->setConversationStatus(conversationId, ConversationStatus::Open, 0));
}

void TriageActions::markUnread(qint64 conversationId)
{
    report(m_store->markConversationUnread(conversationId));
}

void TriageActions::report(QFuture<Status> done)
{
    onDone(done, this, [this](const Status &status) {
        if (!status && status.error().kind != Error::Kind::Cancelled)
            emit failed(
                tr("The conversation could not be changed: %1").arg(errorText(status.error())));
    });
}

} // namespace inlet::app
