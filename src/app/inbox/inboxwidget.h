#pragma once

#include "app/inbox/inboxlayout.h"
#include "model/savedreply.h"
#include "models/modelrows.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QHBoxLayout;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QSplitter;
class QTimer;
class QToolButton;

namespace inlet {
class Assigner;
class Connectivity;
class ConversationListModel;
class ConversationViewsModel;
class InboxSource;
class Labels;
class MessageListModel;
class Notebook;
class TriageWrites;
class Outbox;
class ReactionQueue;
class SavedReplies;
class SenderActions;
class Store;
} // namespace inlet

namespace inlet::team {
class TeamPresence;
struct PresenceEntry;
} // namespace inlet::team

namespace inlet::app {

class Composer;
class ContactPanel;
class AssignActions;
class AttachmentWiring;
class ConversationDelegate;
class ImageCache;
class LabelActions;
class LabelChipsWidget;
class MessageDelegate;
class MessageView;
class QuickSwitcher;
class ReactionNotice;
class TriageActions;
class TriagePanel;

// The core services the inbox works with. `store` and `source` are required; the composition root
// feeds conversations() and messages() from Store::changed (models/storefeed.h). Without `outbox`
// the composer explains that sending is unavailable; `senderActions` (typing_on / mark_seen) and
// `reactions` (the manager's own reactions) are optional.
struct InboxServices {
    Store *store = nullptr;
    std::shared_ptr<InboxSource> source; // e.g. StoreInboxSource(store->readers(), avatarDir)
    Outbox *outbox = nullptr;
    SenderActions *senderActions = nullptr;
    ReactionQueue *reactions = nullptr;
    Connectivity *connectivity = nullptr; // optional: the composer tells when a reply waits offline
    SavedReplies *savedReplies = nullptr; // optional: the composer's "/" picker
    Labels *labels = nullptr; // optional: labels on conversations (chips, menus, views, filter)
    // Team mode: assignment (menus, the header, the rows, views Mine and Unassigned); null in solo
    // mode, which shows none of it.
    Assigner *assigner = nullptr;
    // Internal notes (the composer's Note toggle, Ctrl+Shift+N): LocalNotebook in solo mode,
    // TeamMode in team mode; null: no notes.
    Notebook *notebook = nullptr;
    // Where Done and Snooze are written: TeamMode in team mode (the team database); null: the
    // local store.
    TriageWrites *triageWrites = nullptr;
    // Whether attachments from a file can reach Instagram (a media host is set up); null: the
    // outbox decides when sending.
    std::function<bool()> mediaHostReady;
};

// The whole inbox window body: inbox pane (search, filters, conversation list) | conversation
// pane (header with the messaging window, messages, composer) | contact panel, in a splitter.
// Keyboard: Ctrl+K jump to a conversation, Ctrl+F search messages, Alt+Up/Down previous/next
// conversation, Ctrl+Shift+U next unread, Ctrl+I shows or hides the contact panel (also the
// header's Contact button), Esc closes the search / reply / contact panel; Ctrl+Shift+D done,
// Ctrl+Shift+H snooze, Ctrl+Shift+M mark as unread (TriageActions), Ctrl+Shift+L the open
// conversation's labels (LabelActions); Ctrl+Shift+O assign it (team mode, AssignActions);
// Ctrl+Shift+N switches the composer between a reply and an internal note.
class InboxWidget : public QWidget {
    Q_OBJECT
public:
    explicit InboxWidget(const InboxServices &services, QWidget *parent = nullptr);
    ~InboxWidget() override;

    // Accounts for the account filter and the contact panel: (IG id, display name).
    void setAccounts(const QList<std::pair<QString, QString>> &accounts);
    // Where "now" comes from (the messaging window); tests pin it.
    void setClock(std::function<qint64()> nowMs);

    // The inbox's keyboard shortcuts (keys in native text, what they do), for a shortcuts dialog.
    static QList<std::pair<QString, QString>> shortcutDescriptions();

    // Opens a conversation (at its newest message, or at `messageId`).
    void openConversation(qint64 conversationId, qint64 messageId = 0);
    qint64 currentConversationId() const { return m_current.id; }
    // Team mode: who else looks at the open conversation ("Ana is viewing" / "is typing a reply"
    // in the header) and the collision guard: a reply asks first when another agent replied
    // since the conversation was opened, or is typing. Null: neither (solo mode).
    void setPresence(team::TeamPresence *presence);
    QLabel *presenceLabel() const { return m_presenceLabel; }
    // How the collision guard asks (a QMessageBox by default; tests answer themselves): true
    // sends.
    void setConfirmation(std::function<bool(const QString &question)> ask)
    {
        m_confirm = std::move(ask);
    }
    // How Edit note asks for the new text (a QInputDialog by default; tests answer themselves):
    // the text, or nothing when cancelled. Delete note asks through setConfirmation's question.
    void setNoteEditor(std::function<std::optional<QString>(const QString &current)> edit)
    {
        m_noteEditor = std::move(edit);
    }
    // Asks InboxServices::mediaHostReady again (after the settings changed).
    void refreshAttachmentsAvailable();

    // The panes' widths and the contact panel's state (layoutChanged when the manager changes
    // them); InboxLayout::keepInProfile keeps them in the profile.
    InboxLayout layoutState() const { return m_layout; }
    void setLayoutState(const InboxLayout &layout);
    // Whether the contact panel shows beside an open conversation.
    bool isContactPanelOpen() const { return m_layout.contactPanelOpen; }
    void setContactPanelOpen(bool open);

    ConversationListModel *conversations() const { return m_conversations; }
    MessageListModel *messages() const { return m_messages; }
    ConversationViewsModel *views() const;
    QListView *conversationList() const { return m_list; }
    MessageView *messageView() const { return m_messageView; }
    Composer *composer() const { return m_composer; }
    ContactPanel *contactPanel() const { return m_contact; }
    ReactionNotice *reactionNotice() const { return m_reactionNotice; }
    AttachmentWiring *attachments() const { return m_attachments; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *headerLabel() const { return m_headerTitle; }
    QLabel *windowLabel() const { return m_headerWindow; }
    // "Done · by Ana", "Snoozed until Tue 09:00 · by you" (hidden while open).
    QLabel *statusLabel() const { return m_headerStatus; }
    QToolButton *contactToggle() const { return m_contactToggle; }
    QSplitter *splitter() const { return m_splitter; }
    QWidget *conversationPane() const { return m_conversationPane; }
    // Triage: the views with their counts and filters above the list, and Done / Snooze / Mark as
    // unread (keys, the header's buttons, the list's context menu).
    TriagePanel *triagePanel() const { return m_triage; }
    TriageActions *triageActions() const { return m_triageActions; }
    // Labels (null without InboxServices::labels): the menus, and the open conversation's chips.
    LabelActions *labelActions() const { return m_labelActions; }
    LabelChipsWidget *headerLabels() const { return m_headerLabels; }
    // Team mode's assignment (null in solo mode) and the header's button showing the assignee.
    AssignActions *assignActions() const { return m_assignActions; }
    QToolButton *assignButton() const { return m_assignButton; }
    QTimer *countdownTimer() const { return m_countdownTimer; }

signals:
    void conversationOpened(qint64 conversationId);
    // A send, retry or delete was refused (the reason is shown in the composer too).
    void sendFailed(const QString &reason);
    // The composer's "Open Settings" (attachments need a media host).
    void settingsRequested();
    void layoutChanged();
    // "Manage labels…" in a label menu: the composition root opens the labels editor.
    void labelsEditorRequested();
    // The list's context menu for `row` is about to pop up, with the triage entries in it: other
    // features add theirs (Export conversation…).
    void listMenuAboutToShow(QMenu *menu, const inlet::ConversationRow &row);

private:
    void buildUi();
    void installShortcuts();
    void onCurrentRowChanged();
    void showConversation(const ConversationRow &row, qint64 messageId);
    void refreshHeader();
    QString statusText(const ConversationRow &row) const;
    void send(const QString &text, const QString &replyToMid, bool humanAgent);
    void addNote(const QString &text);
    void editNote(qint64 messageId);
    void deleteNote(qint64 messageId);
    void react(qint64 messageId, const QString &reaction, bool remove);
    void moveSelection(int delta);
    void nextUnread();
    void applyFilter();
    void showListMenu(const QPoint &pos);
    void tickCountdown();
    QString accountName(const QString &id) const;
    // {first_name}, {username} and {agent} for the open conversation.
    ReplyVariables replyVariables() const;
    void applyLayout();
    void showContactPanel(bool shown);
    void setUpLabels(QHBoxLayout *header);
    void showLabels();
    void setUpAssignment(QHBoxLayout *header);
    void showPresence();
    // The collision guard's question for a reply now, empty when nothing stands against it.
    QString collisionQuestion() const;
    void setCurrentForActions();

    InboxServices m_services;
    ImageCache *m_images;
    ConversationListModel *m_conversations;
    MessageListModel *m_messages;
    ConversationDelegate *m_conversationDelegate;
    MessageDelegate *m_messageDelegate;
    ConversationRow m_current;
    QList<std::pair<QString, QString>> m_accounts;
    std::function<qint64()> m_now;

    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_accountFilter = nullptr;
    QCheckBox *m_unreadOnly = nullptr;
    TriagePanel *m_triage = nullptr;
    TriageActions *m_triageActions = nullptr;
    LabelActions *m_labelActions = nullptr;
    LabelChipsWidget *m_headerLabels = nullptr;
    AssignActions *m_assignActions = nullptr;
    QToolButton *m_assignButton = nullptr;
    team::TeamPresence *m_presence = nullptr;
    QLabel *m_presenceLabel = nullptr; // "Ana is viewing" in the header (team mode)
    qint64 m_openedAtMs = 0; // when the open conversation was opened (the collision guard)
    std::function<bool(const QString &)> m_confirm;
    std::function<std::optional<QString>(const QString &)> m_noteEditor;
    QTimer *m_countdownTimer = nullptr; // the Reply window's countdown: repaints the visible rows
    QListView *m_list = nullptr;
    QLabel *m_headerTitle = nullptr;
    QLabel *m_headerWindow = nullptr;
    QLabel *m_headerStatus = nullptr; // the status and, in team mode, who set it
    QLabel *m_olderMissing = nullptr; // "Older messages may be missing" (sync after a lapse)
    QLabel *m_placeholder = nullptr;
    QWidget *m_conversationPane = nullptr;
    MessageView *m_messageView = nullptr;
    Composer *m_composer = nullptr;
    ContactPanel *m_contact = nullptr;
    QuickSwitcher *m_switcher = nullptr; // Ctrl+K
    ReactionNotice *m_reactionNotice = nullptr; // a reaction of the manager that failed
    AttachmentWiring *m_attachments = nullptr;
    QTimer *m_headerTimer = nullptr;
    QToolButton *m_contactToggle = nullptr;
    InboxLayout m_layout;
    qint64 m_pendingOpen = 0; // a conversation to select once the list has it
};

} // namespace inlet::app
