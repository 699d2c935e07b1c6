// MessageDelegate's layouts: long text wraps, emoji and right-to-left text lay out, images keep a
// fixed box, and the per-(message, revision, width) cache is hit and invalidated as it should.
#include "../../core/models/fakeinboxsource.h"
#include "app/inbox/imagecache.h"
#include "app/inbox/messagedelegate.h"
#include "app/inbox/messagelayout.h"
#include "models/messagelistmodel.h"
#include "support/messagemodelwait.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestMessageDelegate : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<test::FakeInboxSource> m_source = std::make_shared<test::FakeInboxSource>();
    QTemporaryDir m_dir;

    MessageRow row(qint64 id, const QString &text, bool outgoing = false)
    {
        MessageRow m;
        m.id = id;
        m.conversationId = 1;
        m.mid = QStringLiteral("mid.%1").arg(id);
        m.text = text;
        m.outgoing = outgoing;
        m.createdMs = 1'780'000'000'000 + id * 60'000;
        m.state = outgoing ? MessageState::Sent : MessageState::Received;
        return m;
    }

    static QStyleOptionViewItem option(int width)
    {
        QStyleOptionViewItem o;
        o.rect = QRect(0, 0, width, 10);
        o.font = QApplication::font();
        o.palette = QApplication::palette();
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QImage image(800, 600, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(m_dir.filePath(QStringLiteral("photo.png"))));

        QString longText;
        for (int i = 0; i < 60; ++i)
            longText += QStringLiteral("lorem ipsum ");
        m_source->putMessage(row(1, QStringLiteral("short")));
        m_source->putMessage(row(2, longText));
        m_source->putMessage(row(3, QStringLiteral("😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘 ❤️‍🔥 👩‍👩‍👧‍👦"), true));
        m_source->putMessage(row(4, QStringLiteral("مرحبا، هل المنتج متوفر باللون الأزرق؟ شكرا جزيلا لكم على المساعدة")));
        auto image4 = row(5, {});
        image4.attachments = {{QStringLiteral("image"), {}, {}, m_dir.filePath(QStringLiteral("photo.png"))}};
        m_source->putMessage(image4);
        auto link = row(6, QStringLiteral("see https://example.com/item?id=3, thanks"));
        m_source->putMessage(link);
        auto failed = row(7, QStringLiteral("did not go"), true);
        failed.state = MessageState::Failed;
        failed.error = QStringLiteral("Outside the messaging window");
        m_source->putMessage(failed);
        auto byAgent = row(8, QStringLiteral("on its way"), true);
        byAgent.sentBy = QStringLiteral("ana");
        m_source->putMessage(byAgent);
        auto fromPhone = row(9, QStringLiteral("typed on the phone"), true);
        fromPhone.sentElsewhere = true;
        m_source->putMessage(fromPhone);
    }

    void longTextWrapsAndGrowsWhenNarrow()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        const QModelIndex shortRow = model.index(model.rowOfMessage(1));
        const QModelIndex longRow = model.index(model.rowOfMessage(2));
        const QSize wideShort = delegate.sizeHint(option(800), shortRow);
        const QSize wideLong = delegate.sizeHint(option(800), longRow);
        const QSize narrowLong = delegate.sizeHint(option(300), longRow);
        QVERIFY(wideLong.height() > wideShort.height() * 2);
        QVERIFY2(narrowLong.height() > wideLong.height(), qPrintable(QStringLiteral("%1 vs %2").arg(narrowLong.height()).arg(wideLong.height())));
        const MessageLayout &l = delegate.layoutFor(longRow, 300, QApplication::font());
        QVERIFY(l.text && l.text->lineCount() > 5);
        QVERIFY(l.bubble.width() <= 300 * 7 / 10 + 1);
        QVERIFY(l.bubble.left() >= 0 && l.bubble.right() < 300);
    }

    void emojiAndRightToLeftLayOut()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        const MessageLayout &emoji = delegate.layoutFor(model.index(model.rowOfMessage(3)), 500, QApplication::font());
        QVERIFY(emoji.text && emoji.text->lineCount() >= 1);
        QVERIFY(emoji.outgoing);
        QVERIFY(emoji.bubble.right() > 400); // ours: on the right
        const MessageLayout &rtl = delegate.layoutFor(model.index(model.rowOfMessage(4)), 300, QApplication::font());
        QVERIFY(rtl.text && rtl.text->lineCount() >= 2);
        QCOMPARE(rtl.text->textOption().textDirection(), Qt::RightToLeft);
        QVERIFY(rtl.bubble.left() < 50); // theirs: on the left
        // Every line of the RTL text stays inside the bubble.
        for (int i = 0; i < rtl.text->lineCount(); ++i) {
            const QTextLine line = rtl.text->lineAt(i);
            const qreal left = rtl.textPos.x() + line.x() + (line.width() - line.naturalTextWidth());
            QVERIFY2(left >= rtl.bubble.left() - 1, qPrintable(QString::number(left)));
        }
    }

    void imagesKeepAFixedBoxAndLoadOffThread()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        ImageCache images;
        MessageDelegate delegate(&images);
        const QModelIndex index = model.index(model.rowOfMessage(5));
        const MessageLayout &l = delegate.layoutFor(index, 600, QApplication::font());
        QCOMPARE(l.attachments.size(), 1);
        QVERIFY(l.attachments.first().isImage);
        QCOMPARE(l.attachments.first().rect.size(), QSize(MessageLayoutEngine::kImageWidth, MessageLayoutEngine::kImageHeight));
        const QSize before = delegate.sizeHint(option(600), index);

        // Painting asks for the thumbnail: it arrives later, and the row's size does not change.
        QSignalSpy ready(&images, &ImageCache::ready);
        QImage canvas(600, before.height(), QImage::Format_ARGB32);
        QPainter painter(&canvas);
        QStyleOptionViewItem o = option(600);
        o.rect = QRect(QPoint(0, 0), before);
        delegate.paint(&painter, o, index);
        QVERIFY(ready.wait(5000));
        const QString path = m_dir.filePath(QStringLiteral("photo.png"));
        const QPixmap thumb = images.thumbnail(path, l.attachments.first().rect.size());
        QVERIFY(!thumb.isNull());
        QVERIFY(thumb.width() <= MessageLayoutEngine::kImageWidth);
        QCOMPARE(delegate.sizeHint(option(600), index), before);
        delegate.paint(&painter, o, index);
    }

    void linksAndFailureActionsAreHitTested()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        const MessageLayout &link = delegate.layoutFor(model.index(model.rowOfMessage(6)), 600, QApplication::font());
        QCOMPARE(link.links.size(), 1);
        QCOMPARE(link.links.first().url, QStringLiteral("https://example.com/item?id=3"));
        const QTextLine line = link.text->lineAt(0);
        const int x = int(line.cursorToX(link.links.first().start + 3));
        QCOMPARE(link.linkAt(link.textPos + QPoint(x, int(line.height() / 2))), link.links.first().url);
        QVERIFY(link.linkAt(link.textPos + QPoint(1, int(line.height() / 2))).isEmpty()); // "see"

        const MessageLayout &failed = delegate.layoutFor(model.index(model.rowOfMessage(7)), 600, QApplication::font());
        QVERIFY(failed.failed);
        QVERIFY(failed.meta.contains(QStringLiteral("Outside the messaging window")));
        QVERIFY(failed.retryRect.isValid() && failed.deleteRect.isValid());
        QVERIFY(!failed.retryRect.intersects(failed.deleteRect));
        QVERIFY(failed.size.height() > failed.deleteRect.bottom());
    }

    // Team mode: an outgoing bubble names the agent who sent it, an echo from the phone says so;
    // a solo-mode reply (neither set) and a customer's message name nobody.
    void sentByShowsBesideTheTime()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        const QFont font = QApplication::font();
        const MessageLayout &agent
            = delegate.layoutFor(model.index(model.rowOfMessage(8)), 600, font);
        QVERIFY2(agent.meta.startsWith(QStringLiteral("ana · ")), qPrintable(agent.meta));
        const MessageLayout &phone
            = delegate.layoutFor(model.index(model.rowOfMessage(9)), 600, font);
        QVERIFY2(phone.meta.startsWith(QStringLiteral("Instagram app · ")), qPrintable(phone.meta));
        const MessageLayout &solo
            = delegate.layoutFor(model.index(model.rowOfMessage(3)), 600, font);
        QVERIFY(!solo.meta.contains(QStringLiteral("ana"))
            && !solo.meta.contains(QStringLiteral("Instagram app")));
        const MessageLayout &incoming
            = delegate.layoutFor(model.index(model.rowOfMessage(1)), 600, font);
        QVERIFY(!incoming.meta.contains(QStringLiteral("Instagram app")));
        QVERIFY(agent.metaRect.width() > solo.metaRect.width() / 2);
    }

    void cacheIsKeyedOnRevisionAndWidth()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        MessageDelegate delegate(nullptr);
        const QModelIndex index = model.index(model.rowOfMessage(2));
        delegate.sizeHint(option(500), index);
        QCOMPARE(delegate.cacheMisses(), 1);
        delegate.sizeHint(option(500), index);
        delegate.sizeHint(option(500), index);
        QCOMPARE(delegate.cacheHits(), 2);
        QCOMPARE(delegate.cacheMisses(), 1);
        delegate.sizeHint(option(400), index); // resized
        QCOMPARE(delegate.cacheMisses(), 2);

        // An edit bumps the row's revision: the next layout is fresh and shows the new text.
        auto edited = row(2, QStringLiteral("edited"));
        edited.editCount = 1;
        m_source->putMessage(edited);
        model.applyChange({2});
        QVERIFY(test::messagesSettled(model));
        const QSize after = delegate.sizeHint(option(400), model.index(model.rowOfMessage(2)));
        QCOMPARE(delegate.cacheMisses(), 3);
        QVERIFY(delegate.layoutFor(model.index(model.rowOfMessage(2)), 400, QApplication::font()).meta.contains(QStringLiteral("Edited")));
        QVERIFY(after.height() < delegate.sizeHint(option(400), model.index(model.rowOfMessage(1))).height() * 2);
    }

    void aViewPaintsAllKinds()
    {
        MessageListModel model(m_source);
        QVERIFY(test::openMessages(model, 1));
        ImageCache images;
        MessageDelegate delegate(&images);
        QListView view;
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.resize(500, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage shot = view.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(delegate.cacheHits() > 0);
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "tst_messagedelegate.moc"
