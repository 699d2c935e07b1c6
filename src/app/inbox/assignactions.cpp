#include "app/inbox/assignactions.h"

#include "app/inbox/menukey.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "service/assigner.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QTimer>
#include <QWidget>

namespace inlet::app {

namespace {
constexpr int kRetryMs = 2000;
}

AssignActions::AssignActions(Assigner *assigner, QWidget *parent)
    : QObject(parent)
    , m_assigner(assigner)
    , m_action(new QAction(tr("Assign"), parent))
    , m_menu(new QMenu(parent))
{
    Q_ASSERT(assigner);
    m_action->setObjectName(QStringLiteral("assignMenuAction"));
    m_menu->setObjectName(QStringLiteral("assignMenu"));
    m_action->setToolTip(tr("Assign the conversation to an agent (%1)")
                             .arg(menuKeys().toString(QKeySequence::NativeText)));
    popUpMenuOnKey(m_action, m_menu, menuKeys(), parent, [this] { return m_anchor; });
    connect(m_menu, &QMenu::aboutToShow, this, [this] { fillMenu(m_menu, m_current); });
    setCurrent({});
    refreshAgents();
}

QKeySequence AssignActions::menuKeys()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
}

QString AssignActions::me() const
{
    return m_assigner->agent();
}

void AssignActions::setCurrent(const ConversationRow &row)
{
    m_current = row;
    m_action->setEnabled(row.id != 0);
}

void AssignActions::refreshAgents()
{
    onDone(m_assigner->agents(), this, [this](const Result<QList<team::TeamAgent>> &agents) {
        if (!agents) {
            if (agents.error().kind == Error::Kind::Cancelled)
                return;
            qCDebug(lcApp) << "assign: cannot list the agents yet:" << agents.error().message;
            // Not connected yet (or the database away): ask again shortly while none is known.
            if (m_agents.isEmpty() && !m_retrying) {
                m_retrying = true;
                QTimer::singleShot(kRetryMs, this, [this] {
                    m_retrying = false;
                    refreshAgents();
                });
            }
            return;
        }
        if (*agents == m_agents)
            return;
        m_agents = *agents;
        emit agentsChanged();
    });
}

QString AssignActions::nameOf(const QString &role) const
{
    for (const team::TeamAgent &agent : m_agents)
        if (agent.role == role)
            return agent.displayName.isEmpty() ? role : agent.displayName;
    return role;
}

QString AssignActions::assigneeText(const ConversationRow &row) const
{
    if (row.assignee.isEmpty())
        return tr("Unassigned");
    if (row.assignee == me())
        return tr("Assigned to me");
    return tr("Assigned to %1").arg(nameOf(row.assignee));
}

void AssignActions::fillMenu(QMenu *menu, const ConversationRow &row)
{
    menu->clear();
    refreshAgents(); // for the next time: someone may have joined the team
    const bool enabled = row.id != 0;
    QAction *toMe = menu->addAction(tr("Assign to me"));
    toMe->setObjectName(QStringLiteral("assignToMe"));
    toMe->setEnabled(enabled && row.assignee != me());
    connect(toMe, &QAction::triggered, this, [this, row] { assign(row, me()); });
    menu->addSeparator();
    auto *group = new QActionGroup(menu);
    for (const team::TeamAgent &agent : std::as_const(m_agents)) {
        // Only the agents who may see the conversation (PostgreSQL refuses the others); the
        // assignee stays listed, ticked, even after losing the account.
        if (!agent.sees(row.accountId) && agent.role != row.assignee)
            continue;
        QString text = agent.displayName.isEmpty() ? agent.role : agent.displayName;
        if (agent.role == me())
            text = tr("%1 (me)").arg(text);
        QAction *item = menu->addAction(text);
        item->setData(agent.role);
        item->setCheckable(true);
        item->setChecked(row.assignee == agent.role);
        item->setEnabled(enabled);
        item->setActionGroup(group);
        connect(
            item, &QAction::triggered, this, [this, row, role = agent.role] { assign(row, role); });
    }
    QAction *nobody = menu->addAction(tr("Nobody"));
    nobody->setObjectName(QStringLiteral("assignNobody"));
    nobody->setCheckable(true);
    nobody->setChecked(row.assignee.isEmpty());
    nobody->setEnabled(enabled);
    nobody->setActionGroup(group);
    connect(nobody, &QAction::triggered, this, [this, row] { assign(row, QString()); });
    menu->addSeparator();
    QAction *onReply = menu->addAction(tr("Assign to me when I reply to an unassigned one"));
    onReply->setObjectName(QStringLiteral("assignOnReply"));
    onReply->setCheckable(true);
    onReply->setChecked(m_assignOnReply);
    connect(onReply, &QAction::toggled, this, &AssignActions::setAssignOnReply);
}

void AssignActions::assign(const ConversationRow &row, const QString &assignee)
{
    if (!row.id)
        return;
    onDone(m_assigner->assign(row.accountId, row.customerId, assignee), this,
        [this](const Status &status) {
            if (status || status.error().kind == Error::Kind::Cancelled)
                return;
            if (status.error().kind == Error::Kind::Network)
                emit failed(tr("The conversation could not be assigned: the team database is not "
                               "reachable."));
            else
                emit failed(
                    tr("The conversation could not be assigned: %1").arg(status.error().message));
        });
}

void AssignActions::replied(const ConversationRow &row)
{
    if (m_assignOnReply && row.id && row.assignee.isEmpty())
        assign(row, me());
}

void AssignActions::setAssignOnReply(bool on)
{
    if (on == m_assignOnReply)
        return;
    m_assignOnReply = on;
    emit assignOnReplyChanged(on);
}

} // namespace inlet::app
