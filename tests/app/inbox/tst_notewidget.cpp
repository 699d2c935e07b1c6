// Internal notes in the real inbox widgets (offscreen), solo mode, over the production outbox
// wiring against the in-process sandbox's Send API: Ctrl+Shift+N switches the composer to a note,
// Enter stores it in the timeline as a note (its own colour, "Note" under it), the reply sent
// after it reaches Instagram, and the sandbox, which records every message it was sent, never
// got the note. Screenshots of a note in light and dark with INLET_SHOT_DIR.
#include "app/inbox/composer.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messageview.h"
#include "app/shell/theme.h"
#include "auth/tokenvault.h"
#include "graph/graphclient.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/outbox.h"
#include "outbox/outboxservice.h"
#include "sandbox/sandbox.h"
#include "sandbox/world.h"
#include "service/notebook.h"
#include "store/store.h"
#include "support/await.h"
#include "support/menus.h"
#include "support/sendinginbox.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::app;

class TestNoteWidget : public QObject {
    Q_OBJECT

private:
    test::SendingFixture m_send;
    std::unique_ptr<LocalNotebook> m_notes;
    std::unique_ptr<InboxWidget> m_widget;

    MessageListModel *messages() const { return m_widget->messages(); }
    int rowWithText(const QString &text) const
    {
        for (int i = 0; i < messages()->rowCount(); ++i)
            if (messages()->rowAt(i).text == text)
                return i;
        return -1;
    }
    static void shoot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("INLET_SHOT_DIR");
        if (!dir.isEmpty())
            widget->grab().save(QDir(dir).filePath(name));
    }

private slots:
    void init()
    {
        QVERIFY(m_send.start(1, QStringLiteral("Do you ship to Porto?")));
        QVERIFY(m_send.seedConversation(QStringLiteral("Do you ship to Porto?")));
        m_send.startService();
        m_notes = std::make_unique<LocalNotebook>(m_send.store.get());

        InboxServices services;
        services.notebook = m_notes.get();
        m_widget = test::openSeededInbox(m_send, services, QSize(1100, 700));
        QVERIFY(m_widget);
    }

    void cleanup()
    {
        m_widget.reset();
        m_notes.reset();
        m_send.stop();
    }

    void noteStaysInTheTeamAndTheReplyGoesOut()
    {
        Composer *composer = m_widget->composer();
        QVERIFY(composer->noteToggle()->isVisible());
        QVERIFY(!composer->isNoteMode());
        QTest::keyClick(m_widget.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(composer->isNoteMode());
        QVERIFY(composer->noteToggle()->isChecked());
        QCOMPARE(composer->sendButton()->text(), QStringLiteral("Add note"));
        const QString note = QStringLiteral("Ships on Tuesdays; ask the warehouse first");
        QTest::keyClicks(composer->editor(), note);
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QTRY_VERIFY(rowWithText(note) >= 0);
        const MessageRow row = messages()->rowAt(rowWithText(note));
        QCOMPARE(row.kind, MessageRow::Kind::Note);
        QVERIFY(!row.outgoing);
        QVERIFY(composer->text().isEmpty());
        // Drawn as a note: its meta line says so.
        MessageView *view = m_widget->messageView();
        auto *delegate = static_cast<MessageDelegate *>(view->itemDelegate());
        const QModelIndex index = messages()->index(rowWithText(note));
        const MessageLayout layout
            = delegate->layoutFor(index, view->visualRect(index).width(), view->font());
        QVERIFY(layout.note);
        QVERIFY2(layout.meta.startsWith(QStringLiteral("Note")), qPrintable(layout.meta));
        Theme::initialize();
        for (const auto &[mode, name] :
            { std::pair { ThemeMode::Light, QStringLiteral("note-light.png") },
                std::pair { ThemeMode::Dark, QStringLiteral("note-dark.png") } }) {
            Theme::apply(mode);
            QApplication::processEvents();
            shoot(m_widget.get(), name);
        }
        Theme::apply(ThemeMode::Light);

        // Back to a reply: it goes to Instagram.
        QTest::keyClick(m_widget.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!composer->isNoteMode());
        const QString reply = QStringLiteral("Yes, we ship to Porto.");
        QTest::keyClicks(composer->editor(), reply);
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_send.sandbox->sentMessages().size(), 1, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages()->rowAt(rowWithText(reply)).state, MessageState::Sent, 15'000);
        // Everything the Send API was given: the reply, never the note.
        QTest::qWait(300);
        QCOMPARE(m_send.sandbox->sentMessages().size(), 1);
        for (const QJsonObject &sent : m_send.sandbox->sentMessages()) {
            const QString text = sent.value(QStringLiteral("message"))
                                     .toObject()
                                     .value(QStringLiteral("text"))
                                     .toString();
            QCOMPARE(text, reply);
            QVERIFY(!QString::fromUtf8(QJsonDocument(sent).toJson()).contains(note));
        }
        // The outbox never held it either.
        QCOMPARE(messages()->rowAt(rowWithText(note)).state, MessageState::Received);
    }

    // A note's context menu in the timeline: Edit note… changes its text in place, Delete
    // note… asks first (No keeps it) and takes it out of the timeline and the store. A customer's
    // message offers neither.
    void editAndDeleteFromTheNotesMenu()
    {
        const QString note = QStringLiteral("Call back on Monday");
        QVERIFY(awaitResult(m_notes->addNote(m_widget->currentConversationId(), m_send.business,
                                m_send.customer, note))
                    .has_value());
        QTRY_VERIFY(rowWithText(note) >= 0);
        const qint64 id = messages()->rowAt(rowWithText(note)).id;

        // The menu on a row, with the action named `action` triggered when it opens (nullptr when
        // the menu has none).
        const auto chooseFromMenu = [&](const QString &text, const QString &action) {
            MessageView *view = m_widget->messageView();
            const QRect rect = view->visualRect(messages()->index(rowWithText(text)));
            bool found = false;
            QTimer::singleShot(0, this, [&] {
                QMenu *menu = inlet::test::visibleMenu(QStringLiteral("messageMenu"));
                if (!menu)
                    return;
                QAction *chosen = menu->findChild<QAction *>(action);
                found = chosen && chosen->isVisible();
                menu->close();
                if (found)
                    chosen->trigger();
            });
            QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                view->viewport()->mapToGlobal(rect.center()));
            QApplication::sendEvent(view->viewport(), &event);
            return found;
        };
        QVERIFY(
            !chooseFromMenu(QStringLiteral("Do you ship to Porto?"), QStringLiteral("editNote")));

        QString asked;
        m_widget->setNoteEditor([&](const QString &current) -> std::optional<QString> {
            asked = current;
            return QStringLiteral("Call back on Tuesday instead");
        });
        QVERIFY(chooseFromMenu(note, QStringLiteral("editNote")));
        QCOMPARE(asked, note);
        QTRY_VERIFY(rowWithText(QStringLiteral("Call back on Tuesday instead")) >= 0);
        QCOMPARE(
            messages()->rowAt(rowWithText(QStringLiteral("Call back on Tuesday instead"))).id, id);
        QCOMPARE(rowWithText(note), -1);

        QStringList questions;
        bool answer = false;
        m_widget->setConfirmation([&](const QString &question) {
            questions << question;
            return answer;
        });
        const QString edited = QStringLiteral("Call back on Tuesday instead");
        QVERIFY(chooseFromMenu(edited, QStringLiteral("deleteNote")));
        QCOMPARE(questions.size(), 1);
        QTest::qWait(200);
        QVERIFY(rowWithText(edited) >= 0); // No: kept
        answer = true;
        QVERIFY(chooseFromMenu(edited, QStringLiteral("deleteNote")));
        QCOMPARE(questions.size(), 2);
        QTRY_COMPARE(rowWithText(edited), -1);
        QCOMPARE(messages()->rowCount(), 1); // the customer's message stays
        // Gone from the store too (a timeline read again has no note).
        m_widget->openConversation(m_widget->conversations()->rowAt(0).id);
        QTRY_COMPARE(messages()->rowCount(), 1);
        QCOMPARE(messages()->rowAt(0).kind, MessageRow::Kind::Message);
    }

    // Solo mode without a notebook (and team mode until it is given one): no Note toggle.
    void noNotebookNoToggle()
    {
        InboxServices services;
        services.store = m_send.store.get();
        services.source = std::make_shared<StoreInboxSource>(m_send.store->readers());
        InboxWidget bare(services);
        QVERIFY(!bare.composer()->noteToggle()->isVisibleTo(bare.composer()));
        bare.composer()->setNoteMode(true);
        QVERIFY(!bare.composer()->isNoteMode());
    }
};

QTEST_MAIN(TestNoteWidget)
#include "tst_notewidget.moc"
