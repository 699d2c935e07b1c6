// The manager's own reactions in the inbox: reacting shows at once under the bubble (highlighted,
// next to the customer's), a final failure takes it back and shows the notice with the reason,
// Retry sends it again and Dismiss forgets it. Real Store and ReactionQueue; Instagram is a fake
// transport that refuses on demand.
#include "app/inbox/inboxwidget.h"
#include "app/inbox/messagelayout.h"
#include "app/inbox/messageview.h"
#include "app/inbox/reactionnotice.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "models/storefeed.h"
#include "models/storeinboxsource.h"
#include "outbox/outboxports.h"
#include "outbox/reactionqueue.h"
#include "store/store.h"
#include "support/await.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;
using inlet::test::awaitResult;

namespace {

const QString kAccount = QStringLiteral("17841400000000001");
const QString kCustomer = QStringLiteral("6000000000000001");

// Send API stand-in: answers with the queued errors first, then accepts; keeps every body.
class ScriptedTransport : public OutboxTransport {
public:
    QList<QJsonObject> bodies;
    QList<Error> errors;
    QFuture<Result<QJsonObject>> send(const QString &, const QJsonObject &body) override
    {
        bodies.append(body);
        if (!errors.isEmpty())
            return QtFuture::makeReadyFuture(
                Result<QJsonObject>(std::unexpected(errors.takeFirst())));
        return QtFuture::makeReadyFuture(
            Result<QJsonObject>(QJsonObject { { QStringLiteral("recipient_id"), kCustomer } }));
    }
    QFuture<Result<QJsonObject>> findConversation(const QString &, const QString &) override
    {
        return empty();
    }
    QFuture<Result<QJsonObject>> conversationMessages(const QString &, const QString &) override
    {
        return empty();
    }
    QFuture<Result<QJsonObject>> message(const QString &, const QString &) override
    {
        return empty();
    }

private:
    static QFuture<Result<QJsonObject>> empty()
    {
        return QtFuture::makeReadyFuture(Result<QJsonObject>(QJsonObject {}));
    }
};

Error unavailable()
{
    return Error::make(Error::Kind::Graph,
        QStringLiteral("(#551) This person isn't available right now."), 551, 1545041, 400);
}

} // namespace

class TestReactionNotice : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ScriptedTransport> m_transport;
    std::unique_ptr<ReactionQueue> m_queue;
    std::unique_ptr<InboxWidget> m_widget;
    qint64 m_messageId = 0;

    QVariant role(int role) const
    {
        MessageListModel *model = m_widget->messages();
        return model->index(model->rowOfMessage(m_messageId)).data(role);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto opened = Store::open(m_dir->path());
        QVERIFY(opened.has_value());
        m_store = std::move(*opened);
        InboundEvent e;
        e.kind = InboundEvent::Kind::Message;
        e.accountId = kAccount;
        e.customerId = kCustomer;
        e.mid = QStringLiteral("c.1");
        e.text = QStringLiteral("Do you ship to Austria?");
        e.timestampMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
        e.rawJson = "{}";
        InboundEvent love = e;
        love.kind = InboundEvent::Kind::Reaction;
        love.reaction = QStringLiteral("love");
        love.emoji = QStringLiteral("❤️");
        love.timestampMs += 1000;
        QVERIFY(awaitResult(m_store->applyEvents({ e, love })).has_value());

        m_transport = std::make_unique<ScriptedTransport>();
        m_queue = std::make_unique<ReactionQueue>(m_store.get(), m_transport.get());
        m_queue->setOptions({ 10, 50, 5 });
        m_queue->start();

        InboxServices services;
        services.store = m_store.get();
        services.source = std::make_shared<StoreInboxSource>(m_store->readers());
        services.reactions = m_queue.get();
        m_widget = std::make_unique<InboxWidget>(services);
        feedModels(m_store.get(), m_widget->conversations(), m_widget->messages());
        m_widget->resize(1000, 700);
        m_widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        QTRY_COMPARE(m_widget->conversations()->rowCount(), 1);
        m_widget->openConversation(m_widget->conversations()->rowAt(0).id);
        QTRY_COMPARE(m_widget->messages()->rowCount(), 1);
        m_messageId = m_widget->messages()->rowAt(0).id;
        QTRY_VERIFY(m_queue->isStarted());
    }

    void cleanup()
    {
        m_widget.reset();
        m_queue.reset();
        m_transport.reset();
        m_store.reset();
        m_dir.reset();
    }

    void ownReactionShowsNextToTheCustomersAndIsHighlighted()
    {
        QCOMPARE(role(MessageListModel::ReactionsRole).toStringList(),
            QStringList { QStringLiteral("❤️") });
        QCOMPARE(role(MessageListModel::OwnReactionRole).toString(), QString());
        // The menu asks for Instagram's name; the bubble shows its emoji.
        emit m_widget->messageView()->reactRequested(m_messageId, QStringLiteral("love"));
        QTRY_COMPARE(role(MessageListModel::OwnReactionRole).toString(), QStringLiteral("❤️"));
        QCOMPARE(role(MessageListModel::ReactionsRole).toStringList(),
            (QStringList { QStringLiteral("❤️"), QStringLiteral("❤️") }));
        const QModelIndex index = m_widget->messages()->index(0);
        const MessageLayout l = MessageLayoutEngine::build(
            index, 600, { QApplication::font(), QApplication::font(), QApplication::font() });
        QVERIFY(l.ownReaction);
        QVERIFY(l.reactions.contains(QStringLiteral("❤️")));
        QTRY_COMPARE(m_transport->bodies.size(), 1);
        const QJsonObject body = m_transport->bodies.first();
        QCOMPARE(body.value(QStringLiteral("sender_action")).toString(), QStringLiteral("react"));
        QCOMPARE(body.value(QStringLiteral("recipient"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
            kCustomer);
        QCOMPARE(body.value(QStringLiteral("payload"))
                     .toObject()
                     .value(QStringLiteral("message_id"))
                     .toString(),
            QStringLiteral("c.1"));
        QCOMPARE(body.value(QStringLiteral("payload"))
                     .toObject()
                     .value(QStringLiteral("reaction"))
                     .toString(),
            QStringLiteral("love"));
        QVERIFY(!m_widget->reactionNotice()->isVisible());

        // Removing it (context menu "Remove reaction") leaves the customer's.
        emit m_widget->messageView()->unreactRequested(m_messageId);
        QTRY_COMPARE(role(MessageListModel::OwnReactionRole).toString(), QString());
        QCOMPARE(role(MessageListModel::ReactionsRole).toStringList(),
            QStringList { QStringLiteral("❤️") });
        QTRY_COMPARE(m_transport->bodies.size(), 2);
        QCOMPARE(m_transport->bodies.last().value(QStringLiteral("sender_action")).toString(),
            QStringLiteral("unreact"));
    }

    void failedReactionIsTakenBackAndOffersRetry()
    {
        ReactionNotice *notice = m_widget->reactionNotice();
        m_transport->errors = { unavailable() };
        emit m_widget->messageView()->reactRequested(m_messageId, QStringLiteral("love"));
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->label()->text().contains(QStringLiteral("❤️")),
            qPrintable(notice->label()->text()));
        QVERIFY2(notice->label()->text().contains(QStringLiteral("isn't available")),
            qPrintable(notice->label()->text()));
        // Back to what Instagram has: the model reloads on the store's change, which may come
        // after the notice.
        QTRY_COMPARE(role(MessageListModel::OwnReactionRole).toString(), QString());

        QTest::mouseClick(notice->retryButton(), Qt::LeftButton);
        QTRY_VERIFY(!notice->isVisible());
        QTRY_COMPARE(role(MessageListModel::OwnReactionRole).toString(), QStringLiteral("❤️"));
        QTRY_COMPARE(m_transport->bodies.size(), 2);
        QTRY_COMPARE(m_queue->pendingCount(), 0); // once the store has recorded the success
    }

    void dismissForgetsIt()
    {
        ReactionNotice *notice = m_widget->reactionNotice();
        m_transport->errors = { unavailable() };
        emit m_widget->messageView()->reactRequested(m_messageId, QStringLiteral("love"));
        QTRY_VERIFY(notice->isVisible());
        QTest::mouseClick(notice->dismissButton(), Qt::LeftButton);
        QTRY_VERIFY(!notice->isVisible());
        QCOMPARE(m_queue->failedReactions(kAccount, kCustomer).size(), 0);
        QCOMPARE(role(MessageListModel::OwnReactionRole).toString(), QString());
        QCOMPARE(m_transport->bodies.size(), 1);
    }

    // A reaction Instagram refuses from a business is not queued (the menu does not offer it).
    void reactionInstagramRefusesIsNotQueued()
    {
        emit m_widget->messageView()->reactRequested(m_messageId, QStringLiteral("😂"));
        QCOMPARE(m_queue->pendingCount(), 0);
        QCOMPARE(role(MessageListModel::OwnReactionRole).toString(), QString());
        QVERIFY(!m_widget->reactionNotice()->isVisible());
        // A reaction asked for after it goes the same way and is the only one Instagram gets.
        emit m_widget->messageView()->reactRequested(m_messageId, QStringLiteral("love"));
        QTRY_COMPARE(m_transport->bodies.size(), 1);
        QCOMPARE(m_transport->bodies.first()
                     .value(QStringLiteral("payload"))
                     .toObject()
                     .value(QStringLiteral("reaction"))
                     .toString(),
            QStringLiteral("love"));
        QTRY_COMPARE(role(MessageListModel::OwnReactionRole).toString(), QStringLiteral("❤️"));
    }
};

QTEST_MAIN(TestReactionNotice)
#include "tst_reactionnotice.moc"
