#include "app/inbox/inboxwidget.h"

#include "app/inbox/assignactions.h"
#include "app/inbox/attachmentwiring.h"
#include "app/inbox/composer.h"
#include "app/inbox/contactnametext.h"
#include "app/inbox/contactpanel.h"
#include "app/inbox/conversationdelegate.h"
#include "app/inbox/failuretext.h"
#include "app/inbox/imagecache.h"
#include "app/inbox/labelactions.h"
#include "app/inbox/labelchips.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messageview.h"
#include "app/inbox/quickswitcher.h"
#include "app/inbox/reactionnotice.h"
#include "app/inbox/triageactions.h"
#include "app/inbox/triagepanel.h"
#include "common/logging.h"
#include "common/ondone.h"
#include "graph/connectivity.h"
#include "models/collisionguard.h"
#include "models/conversationlistmodel.h"
#include "models/conversationviewsmodel.h"
#include "models/messagelistmodel.h"
#include "outbox/outbox.h"
#include "outbox/reactionqueue.h"
#include "outbox/senderactions.h"
#include "service/assigner.h"
#include "service/labels.h"
#include "service/notebook.h"
#include "service/savedreplies.h"
#include "store/readerpool.h"
#include "store/store.h"
#include "team/teampresence.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonObject>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace inlet::app {

namespace {

QString durationText(qint64 ms)
{
    const qint64 minutes = ms / 60'000;
    if (minutes < 60)
        return InboxWidget::tr("%n min", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return InboxWidget::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return InboxWidget::tr("%n day(s)", nullptr, int(hours / 24));
}

} // namespace

InboxWidget::InboxWidget(const InboxServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_images(new ImageCache(this))
    , m_conversations(new ConversationListModel(services.source, this))
    , m_messages(new MessageListModel(services.source, this))
    , m_conversationDelegate(new ConversationDelegate(m_images, this))
    , m_messageDelegate(new MessageDelegate(m_images, this))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    Q_ASSERT(services.store && services.source);
    m_conversations->setNameText([](const ContactName &name) { return contactNameText(name); });
    buildUi();
    installShortcuts();

    connect(m_images, &ImageCache::ready, m_list->viewport(), qOverload<>(&QWidget::update));
    connect(m_images, &ImageCache::ready, m_messageView->viewport(), qOverload<>(&QWidget::update));

    // Keep the open conversation's header, composer and panel in step with its row.
    connect(m_conversations, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int row = from.row(); row <= to.row(); ++row) {
            if (m_conversations->rowAt(row).id == m_current.id) {
                const qint64 hit = m_current.hitMessageId;
                m_current = m_conversations->rowAt(row);
                m_current.hitMessageId = hit;
                refreshHeader();
                setCurrentForActions();
                m_contact->setConversation(m_current, accountName(m_current.accountId));
            }
        }
    });
    connect(m_conversations, &ConversationListModel::loaded, this, [this] {
        const qint64 wanted = m_pendingOpen ? m_pendingOpen : m_current.id;
        const int row = m_conversations->rowOf(wanted);
        if (row >= 0) {
            QSignalBlocker block(m_list->selectionModel());
            m_list->setCurrentIndex(m_conversations->index(row));
        }
        if (m_pendingOpen && row >= 0) {
            m_pendingOpen = 0;
            showConversation(m_conversations->rowAt(row), 0);
        }
    });

    connect(m_messageDelegate, &MessageDelegate::linkActivated, this, [](const QUrl &url) {
        // The system browser, never the embedded web view (which is only for signing in).
        QDesktopServices::openUrl(url);
    });
    connect(m_messageDelegate, &MessageDelegate::attachmentActivated, this,
            [](const QUrl &url, const QString &) { QDesktopServices::openUrl(url); });
    m_attachments = new AttachmentWiring({m_services.outbox, m_messages, m_messageDelegate, m_messageView,
                                          m_composer, m_images, m_conversationPane},
                                         this);
    connect(m_attachments, &AttachmentWiring::cancelFailed, this, &InboxWidget::sendFailed);
    connect(m_composer, &Composer::settingsRequested, this, &InboxWidget::settingsRequested);
    connect(m_messageDelegate, &MessageDelegate::retryRequested, this, [this](qint64 id) {
        if (m_services.outbox)
            m_services.outbox->retry(id);
    });
    connect(m_messageDelegate, &MessageDelegate::deleteRequested, this, [this](qint64 id) {
        if (m_services.outbox)
            m_services.outbox->remove(id);
    });
    connect(m_messageView, &MessageView::replyRequested, this, [this](qint64 id) {
        const int row = m_messages->rowOfMessage(id);
        if (row >= 0)
            m_composer->setReplyTo(m_messages->rowAt(row).mid, m_messages->rowAt(row).text);
    });
    connect(m_messageView, &MessageView::reactRequested, this,
        [this](qint64 id, const QString &reaction) { react(id, reaction, false); });
    connect(m_messageView, &MessageView::unreactRequested, this,
            [this](qint64 id) { react(id, {}, true); });
    connect(m_composer, &Composer::sendRequested, this, &InboxWidget::send);
    connect(m_composer, &Composer::noteRequested, this, &InboxWidget::addNote);
    m_messageView->setNoteAuthor(m_services.notebook != nullptr,
        m_services.assigner ? m_services.assigner->agent() : QString());
    connect(m_messageView, &MessageView::editNoteRequested, this, &InboxWidget::editNote);
    connect(m_messageView, &MessageView::deleteNoteRequested, this, &InboxWidget::deleteNote);
    m_composer->setNotesAvailable(m_services.notebook != nullptr);
    connect(m_composer, &Composer::typing, this, [this] {
        if (m_presence && m_current.id && !m_composer->isNoteMode())
            m_presence->typing();
        if (m_services.senderActions && m_current.id)
            m_services.senderActions->typingOn(m_current.accountId, m_current.customerId);
    });

    m_headerTimer = new QTimer(this);
    m_headerTimer->setInterval(30'000);
    connect(m_headerTimer, &QTimer::timeout, this, &InboxWidget::refreshHeader);
    m_headerTimer->start();

    m_composer->setReplyVariables([this] { return replyVariables(); });
    if (SavedReplies *replies = services.savedReplies) {
        m_composer->setSavedReplies(replies->replies());
        connect(replies, &SavedReplies::repliesChanged, m_composer,
            [this, replies] { m_composer->setSavedReplies(replies->replies()); });
    }
    if (Connectivity *connectivity = services.connectivity) {
        m_composer->setOffline(!connectivity->isOnline());
        connect(connectivity, &Connectivity::onlineChanged, m_composer,
                [this](bool online) { m_composer->setOffline(!online); });
    }
    m_countdownTimer = new QTimer(this);
    m_countdownTimer->setInterval(1000);
    connect(m_countdownTimer, &QTimer::timeout, this, &InboxWidget::tickCountdown);
    connect(m_triageActions, &TriageActions::failed, this, &InboxWidget::sendFailed);

    applyFilter(); // the triage panel's view (All), which also loads the list and counts
    refreshHeader();
}

InboxWidget::~InboxWidget() = default;

void InboxWidget::buildUi()
{
    // Inbox pane.
    auto *inboxPane = new QWidget(this);
    m_search = new QLineEdit(inboxPane);
    m_search->setPlaceholderText(tr("Search messages and contacts (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_accountFilter = new QComboBox(inboxPane);
    m_accountFilter->setAccessibleName(tr("Account filter"));
    m_accountFilter->addItem(tr("All accounts"), QString());
    m_unreadOnly = new QCheckBox(tr("Unread"), inboxPane);
    m_triage = new TriagePanel(m_services.source, inboxPane);
    m_list = new QListView(inboxPane);
    m_list->setModel(m_conversations);
    m_list->setItemDelegate(m_conversationDelegate);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setFrameShape(QFrame::NoFrame);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_accountFilter, 1);
    filters->addWidget(m_unreadOnly);
    auto *inboxLayout = new QVBoxLayout(inboxPane);
    inboxLayout->setContentsMargins(6, 6, 0, 0);
    inboxLayout->addWidget(m_search);
    inboxLayout->addWidget(m_triage);
    inboxLayout->addLayout(filters);
    inboxLayout->addWidget(m_list, 1);

    // Conversation pane.
    m_conversationPane = new QWidget(this);
    m_headerTitle = new QLabel(m_conversationPane);
    QFont titleFont = m_headerTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_headerTitle->setFont(titleFont);
    m_headerWindow = new QLabel(m_conversationPane);
    m_headerWindow->setAccessibleName(tr("Messaging window"));
    // The header's texts give way (clipped; the window's tooltip is whole) before the panes do:
    // beside the triage buttons and the contact toggle, their full width would set the
    // conversation's minimum width.
    m_headerTitle->setMinimumWidth(120);
    m_headerWindow->setMinimumWidth(1);
    m_headerStatus = new QLabel(m_conversationPane);
    m_headerStatus->setObjectName(QStringLiteral("statusLabel"));
    m_headerStatus->setAccessibleName(tr("Status"));
    m_headerStatus->setMinimumWidth(1);
    m_headerStatus->setVisible(false);
    m_presenceLabel = new QLabel(m_conversationPane);
    m_presenceLabel->setObjectName(QStringLiteral("presenceLabel"));
    m_presenceLabel->setVisible(false);
    m_olderMissing = new QLabel(tr("Older messages may be missing: Instagram returns only the 20 "
                                   "newest, and more arrived while webhooks were not delivered."),
        m_conversationPane);
    m_olderMissing->setObjectName(QStringLiteral("olderMissing"));
    m_olderMissing->setWordWrap(true);
    m_olderMissing->setContentsMargins(10, 0, 10, 6);
    m_olderMissing->setVisible(false);
    m_placeholder = new QLabel(tr("Choose a conversation on the left."), m_conversationPane);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_messageView = new MessageView(m_messages, m_messageDelegate, m_conversationPane);
    m_composer = new Composer(m_conversationPane);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 10, 6);
    // The countdown and who else is here go under the name: beside it, the header's buttons
    // (triage, assignment, labels, contact) left them no room at 1100 px.
    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(0);
    titleColumn->addWidget(m_headerTitle);
    auto *subline = new QHBoxLayout;
    subline->setSpacing(12);
    subline->addWidget(m_headerWindow);
    subline->addWidget(m_headerStatus);
    subline->addWidget(m_presenceLabel);
    subline->addStretch(1);
    titleColumn->addLayout(subline);
    header->addLayout(titleColumn, 1);
    // Triage: Done, Snooze (a menu), Mark as unread, on the open conversation.
    m_triageActions = new TriageActions(m_services.store, this, m_services.triageWrites);
    auto *doneButton = new QToolButton(m_conversationPane);
    doneButton->setObjectName(QStringLiteral("doneButton"));
    doneButton->setDefaultAction(m_triageActions->doneAction());
    auto *snoozeButton = new QToolButton(m_conversationPane);
    snoozeButton->setObjectName(QStringLiteral("snoozeButton"));
    snoozeButton->setText(tr("Snooze"));
    snoozeButton->setToolTip(m_triageActions->snoozeAction()->toolTip());
    snoozeButton->setMenu(m_triageActions->snoozeMenu());
    snoozeButton->setPopupMode(QToolButton::InstantPopup);
    m_triageActions->setSnoozeAnchor(snoozeButton);
    // The button carries the menu, not the action: it follows the action's state (a conversation
    // open) like Done and Mark as unread do.
    snoozeButton->setEnabled(m_triageActions->snoozeAction()->isEnabled());
    connect(m_triageActions->snoozeAction(), &QAction::enabledChanged, snoozeButton,
        &QWidget::setEnabled);
    auto *unreadButton = new QToolButton(m_conversationPane);
    unreadButton->setObjectName(QStringLiteral("unreadButton"));
    unreadButton->setDefaultAction(m_triageActions->unreadAction());
    for (QToolButton *b : { doneButton, snoozeButton, unreadButton }) {
        b->setAutoRaise(true);
        header->addWidget(b);
    }
    setUpLabels(header);
    setUpAssignment(header);
    m_contactToggle = new QToolButton(m_conversationPane);
    m_contactToggle->setText(tr("Contact"));
    m_contactToggle->setToolTip(
        tr("Show or hide the contact panel (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_I).toString(QKeySequence::NativeText)));
    m_contactToggle->setCheckable(true);
    m_contactToggle->setChecked(m_layout.contactPanelOpen);
    m_contactToggle->setAutoRaise(true);
    m_contactToggle->setVisible(false); // with a conversation
    header->addSpacing(6);
    header->addWidget(m_contactToggle);
    auto *paneLayout = new QVBoxLayout(m_conversationPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addLayout(header);
    paneLayout->addWidget(m_olderMissing);
    paneLayout->addWidget(m_placeholder, 1);
    paneLayout->addWidget(m_messageView, 1);
    m_reactionNotice = new ReactionNotice(m_services.reactions, m_conversationPane);
    paneLayout->addWidget(m_reactionNotice);
    paneLayout->addWidget(m_composer);
    m_messageView->setVisible(false);
    m_composer->setVisible(false);

    m_contact = new ContactPanel(m_images, this);
    m_switcher = new QuickSwitcher(m_services.source, m_images, this);
    if (m_services.labels)
        m_switcher->setLabels(m_services.labels->labels());
    connect(m_switcher, &QuickSwitcher::conversationChosen, this,
            [this](qint64 id) { openConversation(id); });

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(inboxPane);
    m_splitter->addWidget(m_conversationPane);
    m_splitter->addWidget(m_contact);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setChildrenCollapsible(false);
    applyLayout();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    m_contact->setVisible(false);

    connect(m_contactToggle, &QToolButton::toggled, this, &InboxWidget::setContactPanelOpen);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        const QList<int> sizes = m_splitter->sizes();
        m_layout.listWidth = sizes.value(0);
        if (m_contact->isVisible())
            m_layout.contactWidth = sizes.value(2);
        emit layoutChanged();
    });
    connect(m_search, &QLineEdit::textChanged, m_conversations, &ConversationListModel::setSearchText);
    connect(m_accountFilter, &QComboBox::currentIndexChanged, this, &InboxWidget::applyFilter);
    connect(m_unreadOnly, &QCheckBox::toggled, this, &InboxWidget::applyFilter);
    connect(m_triage, &TriagePanel::filterChanged, this, &InboxWidget::applyFilter);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &InboxWidget::showListMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InboxWidget::onCurrentRowChanged);
}

void InboxWidget::installShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_K), [this] { m_switcher->popup(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveSelection(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveSelection(1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this] { nextUnread(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] {
        if (!m_services.notebook || !m_current.id)
            return;
        m_composer->setNoteMode(!m_composer->isNoteMode());
        m_composer->editor()->setFocus();
    });
    shortcut(QKeySequence(Qt::Key_Escape), [this] {
        if (!m_composer->replyToMid().isEmpty())
            m_composer->clearReplyTo();
        else if (!m_search->text().isEmpty())
            m_search->clear();
        else if (m_contact->isVisible())
            setContactPanelOpen(false);
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_I),
        [this] { setContactPanelOpen(!m_layout.contactPanelOpen); });
}

QList<std::pair<QString, QString>> InboxWidget::shortcutDescriptions()
{
    auto keys = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    return { { keys(Qt::CTRL | Qt::Key_K),
                 tr("Jump to a conversation by contact name or @username") },
        { keys(QKeyCombination(Qt::Key_Up)) + QStringLiteral(" / ")
                + keys(QKeyCombination(Qt::Key_Down)) + QStringLiteral(", ")
                + keys(QKeyCombination(Qt::Key_Return)),
            tr("Quick switcher: choose a conversation and open it") },
        { keys(Qt::CTRL | Qt::Key_F), tr("Search messages and contacts") },
        { keys(Qt::ALT | Qt::Key_Up), tr("Previous conversation") },
        { keys(Qt::ALT | Qt::Key_Down), tr("Next conversation") },
        { keys(Qt::CTRL | Qt::SHIFT | Qt::Key_U), tr("Next unread conversation") },
        { keys(Qt::CTRL | Qt::Key_I), tr("Show or hide the contact panel") },
        { keys(QKeyCombination(Qt::Key_Escape)),
            tr("Cancel the reply, clear the search, close the contact panel") },
        { keys(QKeyCombination(Qt::Key_Return)), tr("Send the reply") },
        { keys(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
            tr("Write an internal note instead of a reply (again: back to the reply)") },
        { keys(Qt::SHIFT | Qt::Key_Return), tr("New line in the reply") },
        { QStringLiteral("/"), tr("Saved replies (at the start of the reply)") },
        { TriageActions::doneKeys().toString(QKeySequence::NativeText),
            tr("Done: out of the inbox until the customer writes again (again: reopen)") },
        { TriageActions::snoozeKeys().toString(QKeySequence::NativeText),
            tr("Snooze the conversation: in 1 hour, this evening, tomorrow, next week, or a "
               "chosen time") },
        { TriageActions::unreadKeys().toString(QKeySequence::NativeText),
            tr("Mark the conversation as unread") },
        { LabelActions::menuKeys().toString(QKeySequence::NativeText),
            tr("Put labels on the conversation or take them off") },
        { AssignActions::menuKeys().toString(QKeySequence::NativeText),
            tr("Assign the conversation to an agent or to nobody (team mode)") } };
}

void InboxWidget::setUpAssignment(QHBoxLayout *header)
{
    Assigner *assigner = m_services.assigner;
    if (!assigner)
        return; // solo mode: no assignment controls at all
    m_assignActions = new AssignActions(assigner, this);
    m_assignButton = new QToolButton(m_conversationPane);
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_assignButton->setToolTip(m_assignActions->menuAction()->toolTip());
    m_assignButton->setMenu(m_assignActions->currentMenu());
    m_assignButton->setPopupMode(QToolButton::InstantPopup);
    m_assignButton->setAutoRaise(true);
    m_assignButton->setVisible(false); // with a conversation
    header->insertWidget(1, m_assignButton);
    m_assignActions->setAnchor(m_assignButton);
    connect(m_assignActions, &AssignActions::failed, this, &InboxWidget::sendFailed);
    m_conversationDelegate->setAgentName(
        [actions = m_assignActions](const QString &role) { return actions->nameOf(role); });
    connect(m_assignActions, &AssignActions::agentsChanged, this, [this] {
        m_list->viewport()->update();
        refreshHeader();
    });
    m_triage->setAgent(assigner->agent());
}

void InboxWidget::setCurrentForActions()
{
    m_triageActions->setCurrent(m_current);
    if (m_labelActions)
        m_labelActions->setCurrent(m_current);
    if (m_assignActions)
        m_assignActions->setCurrent(m_current);
}

void InboxWidget::setUpLabels(QHBoxLayout *header)
{
    Labels *labels = m_services.labels;
    if (!labels)
        return;
    m_headerLabels = new LabelChipsWidget(m_conversationPane);
    m_headerLabels->setObjectName(QStringLiteral("headerLabels"));
    m_headerLabels->setVisible(false);
    header->insertWidget(1, m_headerLabels);
    m_labelActions = new LabelActions(labels, this);
    auto *button = new QToolButton(m_conversationPane);
    button->setObjectName(QStringLiteral("labelsButton"));
    button->setText(tr("Labels"));
    button->setToolTip(m_labelActions->menuAction()->toolTip());
    button->setMenu(m_labelActions->currentMenu());
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAutoRaise(true);
    header->addWidget(button);
    m_labelActions->setAnchor(button);
    button->setEnabled(m_labelActions->menuAction()->isEnabled()); // with a conversation
    connect(m_labelActions->menuAction(), &QAction::enabledChanged, button, &QWidget::setEnabled);
    connect(
        m_labelActions, &LabelActions::manageRequested, this, &InboxWidget::labelsEditorRequested);
    connect(m_labelActions, &LabelActions::failed, this, &InboxWidget::sendFailed);
    const auto apply = [this, labels] {
        m_conversationDelegate->setLabels(labels->labels());
        m_list->viewport()->update();
        m_triage->setLabels(labels->labels());
        if (m_switcher) // made after the labels are set up (below in the constructor)
            m_switcher->setLabels(labels->labels());
        showLabels();
    };
    connect(labels, &Labels::labelsChanged, this, apply);
    apply();
}

void InboxWidget::showLabels()
{
    if (m_headerLabels && m_services.labels)
        m_headerLabels->setLabels(m_current.id
                ? labelchips::resolve(m_current.labelIds, m_services.labels->labels())
                : QList<Label> {});
}

void InboxWidget::setAccounts(const QList<std::pair<QString, QString>> &accounts)
{
    m_accounts = accounts;
    QSignalBlocker block(m_accountFilter);
    const QString selected = m_accountFilter->currentData().toString();
    m_accountFilter->clear();
    m_accountFilter->addItem(tr("All accounts"), QString());
    for (const auto &[id, name] : accounts)
        m_accountFilter->addItem(name.isEmpty() ? id : name, id);
    m_accountFilter->setCurrentIndex(qMax(0, m_accountFilter->findData(selected)));
    m_accountFilter->setVisible(accounts.size() > 1);
    m_switcher->setAccounts(accounts);
}

void InboxWidget::setClock(std::function<qint64()> nowMs)
{
    m_now = nowMs;
    m_triageActions->setClock(nowMs);
    m_triage->views()->setClock(nowMs);
    m_triage->setClock(nowMs);
    m_conversations->setClock(std::move(nowMs));
    refreshHeader();
}

ReplyVariables InboxWidget::replyVariables() const
{
    ReplyVariables v;
    v.firstName = firstNameOf(m_current.name);
    v.username = m_current.username;
    // Solo mode: the name the manager gave in the saved-replies editor, else the account's name.
    v.agent = m_services.savedReplies ? m_services.savedReplies->agentName() : QString();
    if (v.agent.isEmpty())
        v.agent = accountName(m_current.accountId);
    return v;
}

QString InboxWidget::accountName(const QString &id) const
{
    for (const auto &[accountId, name] : m_accounts)
        if (accountId == id)
            return name;
    return {};
}

void InboxWidget::setLayoutState(const InboxLayout &layout)
{
    const bool changed = !(layout == m_layout);
    m_layout = layout;
    {
        QSignalBlocker block(m_contactToggle);
        m_contactToggle->setChecked(layout.contactPanelOpen);
    }
    showContactPanel(layout.contactPanelOpen && m_current.id != 0);
    applyLayout();
    if (changed)
        emit layoutChanged();
}

void InboxWidget::setContactPanelOpen(bool open)
{
    InboxLayout layout = m_layout;
    layout.contactPanelOpen = open;
    setLayoutState(layout);
}

// A splitter gives a pane shown again the width it had (none, the first time): the layout's
// widths are applied again instead.
void InboxWidget::showContactPanel(bool shown)
{
    if (m_contact->isVisibleTo(this) == shown)
        return;
    m_contact->setVisible(shown);
    applyLayout();
}

// The list and the contact panel get their widths, the conversation the rest.
void InboxWidget::applyLayout()
{
    const int total = m_splitter->width() - m_splitter->handleWidth() * 2;
    const int contact = m_contact->isVisibleTo(this) ? m_layout.contactWidth : 0;
    const int conversation = qMax(total - m_layout.listWidth - contact, 200);
    m_splitter->setSizes({ m_layout.listWidth, conversation, m_layout.contactWidth });
}

void InboxWidget::applyFilter()
{
    InboxFilter base;
    base.accountId = m_accountFilter->currentData().toString();
    base.unreadOnly = m_unreadOnly->isChecked();
    const InboxFilter filter = m_triage->filter(base);
    // The counts follow the account and filters, not the unread box (the views count everything).
    base.unreadOnly = false;
    m_triage->views()->setFilter(m_triage->filter(base));
    const bool countdown = filter.ordersByDeadline();
    m_conversationDelegate->setCountdown(countdown);
    if (countdown)
        m_countdownTimer->start();
    else
        m_countdownTimer->stop();
    if (filter == m_conversations->filter())
        m_conversations->reload(); // the first time: the model starts with this filter already
    else
        m_conversations->setFilter(filter);
}

void InboxWidget::showListMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid())
        return;
    auto *menu = new QMenu(m_list);
    menu->setObjectName(QStringLiteral("conversationMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const ConversationRow row = m_conversations->rowAt(index.row());
    m_triageActions->fillMenu(menu, row);
    if (m_labelActions) {
        QMenu *labels = menu->addMenu(tr("Labels"));
        labels->setObjectName(QStringLiteral("rowLabelMenu"));
        m_labelActions->fillMenu(labels, row);
    }
    if (m_assignActions) {
        QMenu *assign = menu->addMenu(tr("Assign"));
        assign->setObjectName(QStringLiteral("rowAssignMenu"));
        m_assignActions->fillMenu(assign, row);
    }
    emit listMenuAboutToShow(menu, row);
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void InboxWidget::tickCountdown()
{
    // One timer for the whole list, repainting only the rows on screen.
    if (!isVisible() || m_conversations->rowCount() == 0)
        return;
    QWidget *viewport = m_list->viewport();
    const QModelIndex first = m_list->indexAt(QPoint(0, 0));
    if (!first.isValid())
        return;
    QModelIndex last = m_list->indexAt(QPoint(0, viewport->height() - 1));
    if (!last.isValid())
        last = m_conversations->index(m_conversations->rowCount() - 1);
    viewport->update(m_list->visualRect(first).united(m_list->visualRect(last)));
}

void InboxWidget::openConversation(qint64 conversationId, qint64 messageId)
{
    const int row = m_conversations->rowOf(conversationId);
    if (row >= 0) {
        QSignalBlocker block(m_list->selectionModel());
        m_list->setCurrentIndex(m_conversations->index(row));
        showConversation(m_conversations->rowAt(row), messageId);
        return;
    }
    // Not in the loaded part of the list (or filtered out): read it, on the store's reader thread
    // (as a list of none or one: GCC 12 warns on an optional inside the Result here).
    using Found = QList<ConversationRow>;
    onDone(m_services.store->readers()->read<Found>(
               [source = m_services.source, conversationId](StoreReader &) -> Result<Found> {
                   auto found = source->conversation(conversationId);
                   if (!found)
                       return std::unexpected(found.error());
                   return *found ? Found { **found } : Found {};
               }),
        this, [this, conversationId, messageId](const Result<Found> &fetched) {
            if (!fetched || fetched->isEmpty()) {
                qCWarning(lcApp) << "inbox: no conversation" << conversationId;
                return;
            }
            showConversation(fetched->constFirst(), messageId);
        });
}

void InboxWidget::showConversation(const ConversationRow &row, qint64 messageId)
{
    if (row.id != m_current.id)
        m_openedAtMs = m_now();
    m_current = row;
    m_current.hitMessageId = messageId;
    if (m_presence)
        m_presence->setConversation(m_current.accountId, m_current.customerId);
    // The rows come from the model's reader thread; the hit is shown once they are in.
    onDone(
        m_messages->open(m_current.id, messageId), this, [this, messageId](const Status &opened) {
            if (!opened) {
                if (opened.error().kind != Error::Kind::Cancelled)
                    qCWarning(lcApp)
                        << "inbox: cannot open conversation:" << opened.error().message;
                return;
            }
            if (messageId)
                QTimer::singleShot(
                    0, this, [this, messageId] { m_messageView->showMessage(messageId); });
        });
    m_placeholder->setVisible(false);
    m_messageView->setVisible(true);
    m_composer->setVisible(true);
    m_contactToggle->setVisible(true);
    showContactPanel(m_layout.contactPanelOpen);
    m_contact->setConversation(m_current, accountName(m_current.accountId));
    m_reactionNotice->setConversation(m_current.accountId, m_current.customerId);
    m_composer->clear();
    refreshAttachmentsAvailable();
    refreshHeader();
    setCurrentForActions();
    // Opening it reads it: locally (messages and the manager's own unread mark), and on Instagram
    // where the API allows (mark_seen).
    if (m_current.isUnread())
        m_services.store->markConversationRead(m_current.id);
    if (m_services.senderActions)
        m_services.senderActions->markSeen(m_current.accountId, m_current.customerId);
    emit conversationOpened(m_current.id);
}

void InboxWidget::onCurrentRowChanged()
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid())
        return;
    const ConversationRow row = m_conversations->rowAt(index.row());
    if (row.id == m_current.id && row.hitMessageId == 0 && m_messages->conversationId() == row.id)
        return; // the same conversation, re-selected after a reload
    showConversation(row, row.hitMessageId);
}

void InboxWidget::refreshHeader()
{
    m_olderMissing->setVisible(m_current.id && m_current.olderMissing);
    showLabels();
    if (m_assignButton) {
        m_assignButton->setVisible(m_current.id != 0);
        m_assignButton->setText(m_assignActions->assigneeText(m_current));
    }
    const QString status = statusText(m_current);
    m_headerStatus->setText(status);
    m_headerStatus->setToolTip(status);
    m_headerStatus->setVisible(!status.isEmpty());
    if (!m_current.id) {
        m_headerTitle->setText(tr("Inbox"));
        m_headerWindow->clear();
        return;
    }
    const ContactName name = contactName(m_current.name, m_current.username, m_current.customerId);
    QString title = contactNameText(name);
    if (name.kind == ContactName::Kind::Name && !m_current.username.isEmpty())
        title += QStringLiteral("  @") + m_current.username;
    m_headerTitle->setText(title);

    const qint64 now = m_now();
    const auto state = MessagingWindow::state(m_current.lastCustomerMessageMs, now);
    const qint64 left = MessagingWindow::timeLeftMs(m_current.lastCustomerMessageMs, now);
    QString text;
    QString color;
    switch (state) {
    case MessagingWindow::State::Open:
        text = tr("%1 left to reply").arg(durationText(left));
        color = QStringLiteral("#2ea043");
        break;
    case MessagingWindow::State::ClosingSoon:
        text = tr("Only %1 left to reply").arg(durationText(left));
        color = QStringLiteral("#e08e0b");
        break;
    case MessagingWindow::State::HumanAgent:
        text = tr("Human agent replies only, %1 left").arg(durationText(left));
        color = QStringLiteral("#8a63d2");
        break;
    case MessagingWindow::State::Closed:
        text = tr("Messaging window closed");
        color = QStringLiteral("#9a9a9a");
        break;
    }
    m_headerWindow->setText(text);
    m_headerWindow->setToolTip(text);
    m_headerWindow->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color));
    m_composer->setWindowState(state);
    if (!m_services.outbox)
        m_composer->setSendingAvailable(false, tr("Sending is not available: the outbox is not running."));
}

QString InboxWidget::statusText(const ConversationRow &row) const
{
    QString status;
    switch (row.id ? row.status : ConversationStatus::Open) {
    case ConversationStatus::Open:
        return {}; // the usual state: nothing to say
    case ConversationStatus::Done:
        status = tr("Done");
        break;
    case ConversationStatus::Snoozed: {
        const QDateTime until = QDateTime::fromMSecsSinceEpoch(row.snoozedUntilMs);
        const qint64 days = QDateTime::fromMSecsSinceEpoch(m_now()).date().daysTo(until.date());
        const QString time = QLocale().toString(until.time(), QLocale::ShortFormat);
        QString when = time;
        if (days > 0 && days < 7)
            when = QLocale().dayName(until.date().dayOfWeek(), QLocale::ShortFormat) + u' ' + time;
        else if (days != 0)
            when = QLocale().toString(until.date(), QLocale::ShortFormat) + u' ' + time;
        status = tr("Snoozed until %1").arg(when);
        break;
    }
    }
    // Who set it: team mode only (solo mode has one manager; nobody: the customer reopened it).
    if (!m_assignActions || row.statusBy.isEmpty())
        return status;
    if (row.statusBy == m_assignActions->me())
        return tr("%1 · by you").arg(status);
    return tr("%1 · by %2").arg(status, m_assignActions->nameOf(row.statusBy));
}

void InboxWidget::send(const QString &text, const QString &replyToMid, bool humanAgent)
{
    if (!m_services.outbox || !m_current.id)
        return;
    if (const QString question = collisionQuestion(); !question.isEmpty()) {
        const bool go = m_confirm ? m_confirm(question)
                                  : QMessageBox::question(this, tr("Send the reply?"), question,
                                        QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                == QMessageBox::Yes;
        if (!go)
            return; // the text stays in the composer
        m_openedAtMs = m_now(); // seen: the next reply asks only about what comes after
    }
    OutgoingMessage message;
    message.accountId = m_current.accountId;
    message.customerId = m_current.customerId;
    message.text = text;
    message.replyToMid = replyToMid;
    message.humanAgent = humanAgent;
    const QString attachment = m_composer->attachmentPath();
    message.attachmentPath = attachment;
    message.attachmentType = m_composer->attachmentInfo().type;
    m_composer->clear();
    m_messageView->scrollToNewest();
    // What was not stored comes back to the composer so it is not lost.
    auto giveBack = [this](const QString &typed, const QString &file, const QString &reason) {
        m_composer->setText(typed);
        if (!file.isEmpty())
            m_composer->attachFile(file);
        m_composer->noticeLabel()->setText(reason);
        m_composer->noticeLabel()->setVisible(true);
        emit sendFailed(reason);
    };
    onDone(m_services.outbox->sendReply(message), this,
        [this, row = m_current, text, attachment, giveBack](const QueuedReply &queued) {
            if (!queued.error) {
                // "Assign to me" on replying to an unassigned conversation.
                if (m_assignActions)
                    m_assignActions->replied(row);
                return;
            }
            // Nothing stored: the text and the file come back; the file stored: only the text.
            giveBack(text, queued.localIds.isEmpty() ? attachment : QString(),
                refusalText(*queued.error));
        });
    if (m_services.senderActions)
        m_services.senderActions->typingOff(m_current.accountId, m_current.customerId);
}

void InboxWidget::setPresence(team::TeamPresence *presence)
{
    if (m_presence)
        m_presence->disconnect(this);
    m_presence = presence;
    if (m_presence) {
        connect(m_presence, &team::TeamPresence::othersChanged, this, &InboxWidget::showPresence);
        if (m_current.id)
            m_presence->setConversation(m_current.accountId, m_current.customerId);
    }
    showPresence();
}

void InboxWidget::showPresence()
{
    const QList<team::PresenceEntry> others
        = m_presence && m_current.id ? m_presence->others() : QList<team::PresenceEntry> {};
    QStringList parts;
    for (const team::PresenceEntry &other : others) {
        const QString name = m_assignActions ? m_assignActions->nameOf(other.role) : other.role;
        parts << (other.typing ? tr("%1 is typing a reply").arg(name)
                               : tr("%1 is viewing").arg(name));
    }
    m_presenceLabel->setText(parts.join(QStringLiteral(" · ")));
    m_presenceLabel->setVisible(!parts.isEmpty());
}

QString InboxWidget::collisionQuestion() const
{
    if (!m_presence || !m_services.assigner)
        return {};
    QList<MessageRow> rows;
    for (int i = 0; i < m_messages->rowCount(); ++i)
        rows.append(m_messages->rowAt(i));
    QStringList typing;
    for (const team::PresenceEntry &other : m_presence->others())
        if (other.typing)
            typing << other.role;
    const collision::Warning w
        = collision::beforeSending(rows, m_openedAtMs, m_services.assigner->agent(), typing);
    if (!w.any())
        return {};
    const auto name = [this](const QString &role) {
        return m_assignActions ? m_assignActions->nameOf(role) : role;
    };
    QStringList lines;
    for (const QString &role : w.repliedBy)
        lines << tr("%1 replied since you opened this conversation.").arg(name(role));
    if (w.repliedFromPhone)
        lines << tr("Someone replied from the Instagram app since you opened this conversation.");
    for (const QString &role : w.typing)
        lines << tr("%1 is typing a reply to this conversation.").arg(name(role));
    lines << tr("Send your reply anyway?");
    return lines.join(QLatin1Char('\n'));
}

void InboxWidget::addNote(const QString &text)
{
    if (!m_services.notebook || !m_current.id)
        return;
    m_composer->setText(QString());
    m_messageView->scrollToNewest();
    onDone(
        m_services.notebook->addNote(m_current.id, m_current.accountId, m_current.customerId, text),
        this, [this, text](const Status &added) {
            if (added || added.error().kind == Error::Kind::Cancelled)
                return;
            // Not stored: the text comes back so it is not lost.
            m_composer->setText(text);
            const QString reason = added.error().kind == Error::Kind::Network
                ? tr("The note was not saved: the team database is not reachable.")
                : tr("The note was not saved: %1").arg(added.error().message);
            m_composer->noticeLabel()->setText(reason);
            m_composer->noticeLabel()->setVisible(true);
            emit sendFailed(reason);
        });
}

void InboxWidget::editNote(qint64 messageId)
{
    const int row = m_messages->rowOfMessage(messageId);
    if (!m_services.notebook || row < 0)
        return;
    const MessageRow note = m_messages->rowAt(row);
    std::optional<QString> text;
    if (m_noteEditor) {
        text = m_noteEditor(note.text);
    } else {
        bool ok = false;
        const QString edited = QInputDialog::getMultiLineText(
            this, tr("Edit note"), tr("Note (never sent to the customer):"), note.text, &ok);
        if (ok)
            text = edited;
    }
    if (!text || text->trimmed().isEmpty() || *text == note.text)
        return; // cancelled, emptied (Delete note is for that) or unchanged
    onDone(m_services.notebook->editNote(messageId, note.noteId, *text), this,
        [this](const Status &edited) {
            if (!edited && edited.error().kind != Error::Kind::Cancelled)
                emit sendFailed(edited.error().kind == Error::Kind::Network
                        ? tr("The note was not changed: the team database is not reachable.")
                        : tr("The note was not changed: %1").arg(edited.error().message));
        });
}

void InboxWidget::deleteNote(qint64 messageId)
{
    const int row = m_messages->rowOfMessage(messageId);
    if (!m_services.notebook || row < 0)
        return;
    const MessageRow note = m_messages->rowAt(row);
    const QString question = tr("Delete this note? It cannot be undone.");
    const bool go = m_confirm ? m_confirm(question)
                              : QMessageBox::question(this, tr("Delete the note?"), question,
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    if (!go)
        return;
    onDone(m_services.notebook->deleteNote(messageId, note.noteId), this,
        [this](const Status &deleted) {
            if (!deleted && deleted.error().kind != Error::Kind::Cancelled)
                emit sendFailed(deleted.error().kind == Error::Kind::Network
                        ? tr("The note was not deleted: the team database is not reachable.")
                        : tr("The note was not deleted: %1").arg(deleted.error().message));
        });
}

void InboxWidget::refreshAttachmentsAvailable()
{
    m_composer->setAttachmentsAvailable(
        !m_services.mediaHostReady || m_services.mediaHostReady(),
        tr("Attachments need a media host: Instagram only takes pictures and videos from a public "
           "HTTPS address. Set one up in Settings, under Media host."));
}

void InboxWidget::react(qint64 messageId, const QString &reaction, bool remove)
{
    if (!m_services.reactions || m_messages->rowOfMessage(messageId) < 0)
        return;
    // Stored (the bubble shows it at once) and queued: Instagram sends no echo of our reactions.
    auto queued = remove ? m_services.reactions->unreact(messageId)
                         : m_services.reactions->react(messageId, reaction);
    onDone(queued, this, [this](const Result<qint64> &result) {
        if (!result) {
            const QString reason = refusalText(result.error());
            m_composer->noticeLabel()->setText(reason);
            m_composer->noticeLabel()->setVisible(true);
            emit sendFailed(reason);
        }
    });
}

void InboxWidget::moveSelection(int delta)
{
    const int count = m_conversations->rowCount();
    if (count == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : (delta > 0 ? -1 : count);
    const int next = qBound(0, current + delta, count - 1);
    m_list->setCurrentIndex(m_conversations->index(next));
}

void InboxWidget::nextUnread()
{
    const int count = m_conversations->rowCount();
    const int start = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    for (int step = 1; step <= count; ++step) {
        const int row = (start + step) % count;
        if (m_conversations->rowAt(row).isUnread()) {
            m_list->setCurrentIndex(m_conversations->index(row));
            return;
        }
    }
}

ConversationViewsModel *InboxWidget::views() const { return m_triage->views(); }

} // namespace inlet::app
