// The inbox window body against a real Store and Outbox (Instagram replaced by a recording
// transport): a customer writes, the row jumps to the top with a badge, the manager opens it,
// replies with Enter, and the reply goes queued -> sent; the messaging window rules in the composer.
#include "app/inbox/composer.h"
#include "app/inbox/contactpanel.h"
#include "app/inbox/inboxwidget.h"
#include "app/inbox/messageview.h"
#include "app/shell/theme.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/outbox.h"
#include "outbox/storeoutboxstorage.h"
#include "store/store.h"
#include "support/await.h"
#include "support/testsupport.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace inlet;
using inlet::test::awaitResult;
using namespace inlet::app;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const qint64 kNow = 1'780'000'000'000;

QString customer(int n) { return QStringLiteral("600000000000%1").arg(n); }

InboundEvent message(const QString &mid, qint64 ts, const QString &text, int who)
{
    InboundEvent e;
    e.kind = InboundEvent::Kind::Message;
    e.accountId = kAccount;
    e.customerId = customer(who);
    e.timestampMs = ts;
    e.mid = mid;
    e.text = text;
    e.rawJson = "{}";
    return e;
}

// Instagram's Send API as far as the outbox needs it: accepts everything, records the bodies.
class RecordingTransport : public OutboxTransport {
public:
    QList<QJsonObject> bodies;
    QFuture<Result<QJsonObject>> send(const QString &, const QJsonObject &body) override
    {
        bodies.append(body);
        const QJsonObject reply{{QStringLiteral("recipient_id"), body.value(QStringLiteral("recipient")).toObject().value(QStringLiteral("id"))},
                                {QStringLiteral("message_id"), QStringLiteral("mid.sent.%1").arg(bodies.size())}};
        return QtFuture::makeReadyFuture(Result<QJsonObject>(reply));
    }
    QFuture<Result<QJsonObject>> findConversation(const QString &, const QString &) override
    {
        return QtFuture::makeReadyFuture(Result<QJsonObject>(QJsonObject{}));
    }
    QFuture<Result<QJsonObject>> conversationMessages(const QString &, const QString &) override
    {
        return QtFuture::makeReadyFuture(Result<QJsonObject>(QJsonObject{}));
    }
    QFuture<Result<QJsonObject>> message(const QString &, const QString &) override
    {
        return QtFuture::makeReadyFuture(Result<QJsonObject>(QJsonObject{}));
    }
};

} // namespace

class TestInboxWidget : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreOutboxStorage> m_storage;
    std::unique_ptr<RecordingTransport> m_transport;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<InboxWidget> m_widget;

    void apply(const QList<InboundEvent> &events)
    {
        const Status s = awaitResult(m_store->applyEvents(events));
        QVERIFY2(s.has_value(), s ? "" : qPrintable(s.error().message));
    }

    static int rowOfCustomer(ConversationListModel *model, int who)
    {
        for (int i = 0; i < model->rowCount(); ++i)
            if (model->rowAt(i).customerId == customer(who))
                return i;
        return -1;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto opened = Store::open(m_dir->path());
        QVERIFY(opened.has_value());
        m_store = std::move(*opened);
        Account account;
        account.id = kAccount;
        account.username = QStringLiteral("shop");
        QVERIFY(awaitResult(m_store->upsertAccount(account)).has_value());
        for (int who = 1; who <= 3; ++who) {
            Contact c;
            c.id = customer(who);
            c.name = QStringLiteral("Customer %1").arg(who);
            c.username = QStringLiteral("cust%1").arg(who);
            c.followerCount = 42;
            c.followsBusiness = true;
            QVERIFY(awaitResult(m_store->upsertContact(c)).has_value());
        }
        apply({message(QStringLiteral("a.1"), kNow - 3 * 3600'000, QStringLiteral("hi, question about my order"), 1),
               message(QStringLiteral("a.2"), kNow - 2 * 3600'000, QStringLiteral("is this in stock?"), 2),
               message(QStringLiteral("a.3"), kNow - 1 * 3600'000, QStringLiteral("thanks!"), 3)});

        m_storage = std::make_unique<StoreOutboxStorage>(m_store.get());
        m_transport = std::make_unique<RecordingTransport>();
        m_outbox = std::make_unique<Outbox>(m_storage.get(), m_transport.get());
        m_outbox->start();

        InboxServices services;
        services.store = m_store.get();
        services.source = std::make_shared<StoreInboxSource>(m_store->readers());
        services.outbox = m_outbox.get();
        services.savedReplies = {QStringLiteral("Thanks for your message! We'll get back to you shortly.")};
        m_widget = std::make_unique<InboxWidget>(services);
        feedModels(m_store.get(), m_widget->conversations(), m_widget->messages());
        m_widget->setClock([] { return kNow; });
        m_widget->setAccounts({{kAccount, QStringLiteral("My Shop")}});
        m_widget->resize(1200, 800);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 3);
    }

    void cleanup()
    {
        m_widget.reset();
        m_outbox.reset();
        m_transport.reset();
        m_storage.reset();
        m_store.reset();
        m_dir.reset();
    }

    // Store::changed reaches the models through the composition root (feedModels), not through
    // the widget: a widget nobody fed keeps what it read, while the fed one follows the store.
    void theCompositionRootFeedsTheModels()
    {
        InboxServices services;
        services.store = m_store.get();
        services.source = std::make_shared<StoreInboxSource>(m_store->readers());
        InboxWidget unfed(services);
        QTRY_COMPARE(unfed.conversations()->rowCount(), 3);
        QSignalSpy reloaded(unfed.conversations(), &ConversationListModel::loaded);
        QSignalSpy rowChanged(unfed.conversations(), &QAbstractItemModel::dataChanged);

        // Two changes, each seen through by the fed widget: the unfed one had its chance twice.
        apply({ message(QStringLiteral("f.1"), kNow - 60'000, QStringLiteral("first"), 1) });
        QTRY_COMPARE(rowOfCustomer(m_widget->conversations(), 1), 0);
        apply({ message(QStringLiteral("f.2"), kNow - 30'000, QStringLiteral("second"), 2) });
        QTRY_COMPARE(rowOfCustomer(m_widget->conversations(), 2), 0);
        QCOMPARE(rowOfCustomer(unfed.conversations(), 1), 2);
        QCOMPARE(reloaded.size(), 0);
        QCOMPARE(rowChanged.size(), 0);

        feedModels(m_store.get(), unfed.conversations(), unfed.messages());
        apply({ message(QStringLiteral("f.3"), kNow - 10'000, QStringLiteral("third"), 1) });
        QTRY_COMPARE(rowOfCustomer(unfed.conversations(), 1), 0);
    }

    void customerWritesManagerReplies()
    {
        ConversationListModel *inbox = m_widget->conversations();
        QCOMPARE(rowOfCustomer(inbox, 3), 0);
        QCOMPARE(rowOfCustomer(inbox, 1), 2);

        // Customer 1 writes: the row jumps to the top with a badge of 2.
        apply({message(QStringLiteral("a.4"), kNow - 60'000, QStringLiteral("hello? anyone there?"), 1)});
        QTRY_COMPARE(rowOfCustomer(inbox, 1), 0);
        QCOMPARE(inbox->index(0).data(ConversationListModel::UnreadRole).toInt(), 2);
        QCOMPARE(inbox->index(0).data(ConversationListModel::PreviewRole).toString(), QStringLiteral("hello? anyone there?"));

        // The manager opens it (Alt+Down from nothing selected = first row): read, header, panel.
        QTest::keyClick(m_widget.get(), Qt::Key_Down, Qt::AltModifier);
        QTRY_COMPARE(m_widget->messages()->rowCount(), 2);
        QCOMPARE(m_widget->currentConversationId(), inbox->rowAt(0).id);
        QTRY_COMPARE(inbox->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
        QVERIFY(m_widget->headerLabel()->text().contains(QStringLiteral("Customer 1")));
        QVERIFY(m_widget->windowLabel()->text().contains(QStringLiteral("left to reply")));
        QVERIFY(m_widget->contactPanel()->summary().contains(QStringLiteral("@cust1")));
        QVERIFY(m_widget->contactPanel()->summary().contains(QStringLiteral("My Shop")));

        // Replies: type, Enter sends; the bubble goes queued -> sent; Instagram got the text.
        Composer *composer = m_widget->composer();
        composer->editor()->setFocus();
        QTest::keyClicks(composer->editor(), QStringLiteral("Hi! Yes, we're here."));
        QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer->editor(), QStringLiteral("How can we help?"));
        QCOMPARE(composer->text(), QStringLiteral("Hi! Yes, we're here.\nHow can we help?"));
        QTest::keyClick(composer->editor(), Qt::Key_Return);
        QTRY_COMPARE(m_widget->messages()->rowCount(), 3);
        QVERIFY(composer->text().isEmpty());
        const int last = m_widget->messages()->rowCount() - 1;
        QCOMPARE(m_widget->messages()->index(last).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Hi! Yes, we're here.\nHow can we help?"));
        QTRY_COMPARE(m_widget->messages()->index(last).data(MessageListModel::StateRole).toInt(), int(MessageState::Sent));
        QCOMPARE(m_transport->bodies.size(), 1);
        QCOMPARE(m_transport->bodies.first().value(QStringLiteral("message")).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Hi! Yes, we're here.\nHow can we help?"));
        QCOMPARE(m_transport->bodies.first().value(QStringLiteral("recipient")).toObject().value(QStringLiteral("id")).toString(), customer(1));
        // Replied: it no longer needs a reply.
        QTRY_VERIFY(!inbox->index(rowOfCustomer(inbox, 1)).data(ConversationListModel::NeedsReplyRole).toBool());
    }

    void composerCountsBytesAndOffersSavedReplies()
    {
        m_widget->openConversation(m_widget->conversations()->rowAt(0).id);
        Composer *composer = m_widget->composer();
        composer->setText(QString(600, QChar(0xE9))); // é: 2 bytes each in UTF-8
        QCOMPARE(composer->byteCount(), 1200);
        QVERIFY(composer->counterLabel()->text().contains(QStringLiteral("1200")));
        QVERIFY(!composer->sendButton()->isEnabled());
        QVERIFY(composer->noticeLabel()->isVisible());
        composer->setText(QString(500, QChar(0xE9)));
        QCOMPARE(composer->byteCount(), 1000);
        QVERIFY(composer->sendButton()->isEnabled());

        composer->clear();
        composer->editor()->setFocus();
        QTest::keyClicks(composer->editor(), QStringLiteral("/thanks"));
        auto *completer = composer->editor()->findChild<QCompleter *>();
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("Thanks for your message! We'll get back to you shortly."));
    }

    void windowRulesInTheComposer()
    {
        const qint64 id = m_widget->conversations()->rowAt(2).id; // customer 1, wrote 3 h ago
        m_widget->openConversation(id);
        Composer *composer = m_widget->composer();
        QCOMPARE(composer->windowState(), MessagingWindow::State::Open);
        QVERIFY(!composer->humanAgentBox()->isVisible());

        // Two days later: only a human agent reply, with the tag, after ticking the box.
        m_widget->setClock([] { return kNow + 48 * 3600'000LL; });
        QCOMPARE(composer->windowState(), MessagingWindow::State::HumanAgent);
        QVERIFY(m_widget->windowLabel()->text().contains(QStringLiteral("Human agent")));
        QVERIFY(composer->humanAgentBox()->isVisible());
        QVERIFY(composer->noticeLabel()->text().contains(QStringLiteral("24 hours")));
        composer->setText(QStringLiteral("Sorry for the delay!"));
        QVERIFY(!composer->sendButton()->isEnabled());
        composer->humanAgentBox()->setChecked(true);
        QVERIFY(composer->sendButton()->isEnabled());
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QTRY_COMPARE(m_transport->bodies.size(), 1);
        QCOMPARE(m_transport->bodies.first().value(QStringLiteral("tag")).toString(), QStringLiteral("HUMAN_AGENT"));

        // Eight days later: closed, explained, nothing can be sent.
        m_widget->setClock([] { return kNow + 8 * 24 * 3600'000LL; });
        QCOMPARE(composer->windowState(), MessagingWindow::State::Closed);
        QVERIFY(composer->noticeLabel()->text().contains(QStringLiteral("7 days")));
        composer->setText(QStringLiteral("hello?"));
        QVERIFY(!composer->sendButton()->isEnabled());
        QVERIFY(composer->editor()->isReadOnly());
    }

    void searchOpensTheHit()
    {
        QLineEdit *search = m_widget->searchBox();
        QTest::keyClick(m_widget.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("stock"));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 1);
        QVERIFY(m_widget->conversations()->rowAt(0).hitMessageId > 0);
        m_widget->conversationList()->setCurrentIndex(m_widget->conversations()->index(0));
        QTRY_COMPARE(m_widget->messages()->rowCount(), 1);
        QCOMPARE(m_widget->messages()->rowAt(0).text, QStringLiteral("is this in stock?"));
        // Esc clears the search and the whole inbox is back.
        QTest::keyClick(m_widget.get(), Qt::Key_Escape);
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 3);
    }

    void screenshot()
    {
        // A picture of the real widget with long text, a link, a failed send and a reaction, to look at.
        apply({message(QStringLiteral("s.1"), kNow - 50 * 60'000,
                       QStringLiteral("Hello! I ordered the blue jacket last week (order 1234) and it has not arrived yet. "
                                      "Tracking says https://tracking.example.com/1234 — can you check?"), 3)});
        InboundEvent react;
        react.kind = InboundEvent::Kind::Reaction;
        react.accountId = kAccount;
        react.customerId = customer(3);
        react.timestampMs = kNow - 40 * 60'000;
        react.mid = QStringLiteral("s.1");
        react.reaction = QStringLiteral("love");
        react.emoji = QStringLiteral("❤️");
        react.rawJson = "{}";
        apply({react});
        QTRY_COMPARE(rowOfCustomer(m_widget->conversations(), 3), 0);
        m_widget->openConversation(m_widget->conversations()->rowAt(0).id);
        auto local = awaitResult(m_store->enqueueOutgoing(
            kAccount, customer(3), QStringLiteral("Checking now, one moment please!")));
        QVERIFY(local.has_value());
        QVERIFY(awaitResult(
            m_store->markFailed(*local, QStringLiteral("The customer is not available"), false))
                    .has_value());
        QTRY_VERIFY(m_widget->messages()->rowCount() >= 3);
        QTest::qWait(100);
        const QString path = QStringLiteral(INLET_BINARY_DIR "/inbox-widget.png");
        QVERIFY(m_widget->grab().save(path));

        // The same filled inbox in both themes, for docs/ (Fusion, as the app runs it).
        const QString dir = test::screenshotDir();
        QVERIFY(QDir().mkpath(dir));
        Theme::initialize();
        const std::pair<ThemeMode, QString> shots[] = {{ThemeMode::Light, QStringLiteral("inbox-light.png")},
                                                       {ThemeMode::Dark, QStringLiteral("inbox-dark.png")}};
        for (const auto &[mode, name] : shots) {
            Theme::apply(mode);
            QTest::qWait(50);
            const QImage shot = m_widget->grab().toImage();
            QVERIFY(shot.save(dir + QLatin1Char('/') + name));
            // A dark theme must really be dark behind the messages (and the light one light).
            const QColor background = shot.pixelColor(shot.width() / 2, shot.height() - 150);
            QVERIFY2((mode == ThemeMode::Dark) == (background.lightness() < 128),
                     qPrintable(name + QStringLiteral(": lightness %1").arg(background.lightness())));
        }
        Theme::apply(ThemeMode::System);
    }

    void scrollingUpPagesOlderMessagesInPlace()
    {
        QList<InboundEvent> history;
        for (int i = 0; i < 300; ++i)
            history.append(message(QStringLiteral("h.%1").arg(i), kNow - 10 * 3600'000 + i * 60'000,
                                   QStringLiteral("history message %1").arg(i), 2));
        apply(history);
        ConversationListModel *inbox = m_widget->conversations();
        QTRY_VERIFY(rowOfCustomer(inbox, 2) >= 0);
        m_widget->openConversation(inbox->rowAt(rowOfCustomer(inbox, 2)).id);
        MessageListModel *messages = m_widget->messages();
        MessageView *view = m_widget->messageView();
        QTRY_COMPARE(messages->rowCount(), 50); // read on the model's worker
        // Opening scrolls to the newest once laid out.
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0 && view->isAtBottom());
        QCoreApplication::processEvents();
        QCOMPARE(messages->rowAt(messages->rowCount() - 1).text, QStringLiteral("is this in stock?"));

        // Scroll to the very top: older messages come in above, and what was on screen stays put.
        const qint64 firstLoaded = messages->rowAt(0).id;
        view->verticalScrollBar()->setValue(0);
        QTRY_VERIFY(messages->rowCount() > 50);
        const QModelIndex top = view->indexAt(QPoint(5, 5));
        QVERIFY(top.isValid());
        QVERIFY(top.row() > 0); // not at row 0: the view kept its place
        QVERIFY(messages->rowOfMessage(firstLoaded) >= top.row() - 1);
        // Keep going until the beginning of the conversation.
        for (int i = 0; i < 10 && messages->hasOlder(); ++i) {
            view->verticalScrollBar()->setValue(0);
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(messages->rowCount(), 301);
        QCOMPARE(messages->rowAt(0).text, QStringLiteral("history message 0"));
    }

    // The message menu (React, Reply, ...) also opens from the keyboard, for the current message.
    void messageMenuOpensFromTheKeyboard()
    {
        apply({message(QStringLiteral("k.1"), kNow - 5 * 3600'000, QStringLiteral("an earlier question"), 2)});
        ConversationListModel *inbox = m_widget->conversations();
        QTRY_VERIFY(rowOfCustomer(inbox, 2) >= 0);
        m_widget->openConversation(inbox->rowAt(rowOfCustomer(inbox, 2)).id);
        MessageView *view = m_widget->messageView();
        MessageListModel *messages = m_widget->messages();
        QTRY_COMPARE(messages->rowCount(), 2);
        const int last = messages->rowCount() - 1;
        view->setCurrentIndex(messages->index(last));
        // The mouse pointer (where a mouse menu would go) is over another message.
        QTRY_VERIFY(view->visualRect(messages->index(0)).isValid());
        const QPoint elsewhere = view->visualRect(messages->index(0)).center();
        QStringList seen;
        QSignalSpy reacted(view, &MessageView::reactRequested);
        QTimer::singleShot(0, this, [&seen] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                seen << action->text();
                if (action->menu() && action->text() == QStringLiteral("React"))
                    action->menu()->actions().first()->trigger();
            }
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Keyboard, elsewhere, view->viewport()->mapToGlobal(elsewhere));
        QCoreApplication::sendEvent(view, &event);
        QVERIFY2(seen.contains(QStringLiteral("React")), qPrintable(seen.join(QLatin1Char(','))));
        QVERIFY(seen.contains(QStringLiteral("Reply")));
        QCOMPARE(reacted.size(), 1);
        QCOMPARE(reacted.first().first().toLongLong(), messages->rowAt(last).id);
    }

    // React offers what Instagram takes from a business (❤️, sent as "love"); the other usual
    // reactions are listed greyed out with the reason, so none is queued only to fail.
    void reactMenuOffersOnlyWhatInstagramTakes()
    {
        apply({ message(
            QStringLiteral("r.1"), kNow - 5 * 3600'000, QStringLiteral("Is it in stock?"), 2) });
        ConversationListModel *inbox = m_widget->conversations();
        QTRY_VERIFY(rowOfCustomer(inbox, 2) >= 0);
        m_widget->openConversation(inbox->rowAt(rowOfCustomer(inbox, 2)).id);
        MessageView *view = m_widget->messageView();
        MessageListModel *messages = m_widget->messages();
        QTRY_VERIFY(messages->rowCount() >= 1);
        const int row = messages->rowOfMessage(messages->rowAt(messages->rowCount() - 1).id);
        view->setCurrentIndex(messages->index(row));
        struct Entry {
            QString text;
            bool enabled;
            QString toolTip;
        };
        QList<Entry> entries;
        QSignalSpy reacted(view, &MessageView::reactRequested);
        QTimer::singleShot(0, this, [&entries] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (!action->menu() || action->text() != QStringLiteral("React"))
                    continue;
                QAction *love = nullptr;
                for (QAction *a : action->menu()->actions()) {
                    if (a->isSeparator())
                        continue;
                    entries.append({ a->text(), a->isEnabled(), a->toolTip() });
                    if (a->text() == QStringLiteral("❤️"))
                        love = a;
                }
                if (love)
                    love->trigger();
            }
            menu->close();
        });
        QContextMenuEvent event(
            QContextMenuEvent::Keyboard, QPoint(1, 1), view->viewport()->mapToGlobal(QPoint(1, 1)));
        QCoreApplication::sendEvent(view, &event);
        QVERIFY(!entries.isEmpty());
        QStringList enabled;
        QStringList unavailable;
        for (const Entry &e : std::as_const(entries)) {
            if (e.enabled) {
                enabled << e.text;
            } else {
                unavailable << e.text;
                QVERIFY2(e.toolTip.contains(QStringLiteral("only ❤️"))
                        || e.text.contains(QStringLiteral("only ❤️")),
                    qPrintable(e.text));
            }
        }
        QCOMPARE(
            enabled, (QStringList { QStringLiteral("❤️"), QStringLiteral("Remove reaction") }));
        for (const QString &emoji : { QStringLiteral("😂"), QStringLiteral("😮"), QStringLiteral("😢"),
                 QStringLiteral("😡"), QStringLiteral("👍") })
            QVERIFY2(unavailable.contains(emoji), qPrintable(unavailable.join(QLatin1Char(','))));
        QVERIFY(
            unavailable.contains(QStringLiteral("Instagram accepts only ❤️ from businesses.")));
        QCOMPARE(reacted.size(), 1);
        QCOMPARE(reacted.first().at(1).toString(), QStringLiteral("love"));
    }

    void nextUnreadShortcut()
    {
        QTest::keyClick(m_widget.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(m_widget->currentConversationId() != 0);
        QTRY_COMPARE(m_widget->messages()->rowCount(), 1);
    }
};

QTEST_MAIN(TestInboxWidget)
#include "tst_inboxwidget.moc"
