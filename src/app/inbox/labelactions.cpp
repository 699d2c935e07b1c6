#include "app/inbox/labelactions.h"

#include "app/inbox/labelchips.h"
#include "app/inbox/menukey.h"
#include "app/shell/errortext.h"
#include "common/ondone.h"
#include "service/labels.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace inlet::app {

LabelActions::LabelActions(Labels *labels, QWidget *parent)
    : QObject(parent)
    , m_labels(labels)
    , m_action(new QAction(tr("Labels"), parent))
    , m_menu(new QMenu(parent))
{
    m_action->setObjectName(QStringLiteral("labelMenuAction"));
    m_menu->setObjectName(QStringLiteral("labelMenu"));
    m_action->setToolTip(tr("Put labels on the conversation (%1)")
                             .arg(menuKeys().toString(QKeySequence::NativeText)));
    popUpMenuOnKey(m_action, m_menu, menuKeys(), parent, [this] { return m_anchor; });
    connect(m_menu, &QMenu::aboutToShow, this, [this] { fillMenu(m_menu, m_current); });
    setCurrent({});
}

QKeySequence LabelActions::menuKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L);
}

void LabelActions::setCurrent(const ConversationRow &row)
{
    m_current = row;
    m_action->setEnabled(row.id != 0);
}

void LabelActions::fillMenu(QMenu *menu, const ConversationRow &row)
{
    menu->clear();
    const QList<Label> labels = m_labels->labels();
    if (labels.isEmpty()) {
        menu->addAction(tr("No labels yet"))->setEnabled(false);
    } else {
        for (const Label &label : labels) {
            QAction *item = menu->addAction(labelchips::swatch(label.colour), label.name);
            item->setCheckable(true);
            item->setChecked(row.labelIds.contains(label.id));
            item->setEnabled(row.id != 0);
            connect(item, &QAction::triggered, this,
                [this, id = row.id, labelId = label.id](bool on) { setLabel(id, labelId, on); });
        }
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Manage labels…")), &QAction::triggered, this,
        &LabelActions::manageRequested);
}

void LabelActions::setLabel(qint64 conversationId, qint64 labelId, bool on)
{
    onDone(m_labels->setOnConversation(conversationId, labelId, on), this,
        [this](const Status &status) {
            if (!status && status.error().kind != Error::Kind::Cancelled)
                emit failed(
                    tr("The labels could not be changed: %1").arg(errorText(status.error())));
        });
}

} // namespace inlet::app
