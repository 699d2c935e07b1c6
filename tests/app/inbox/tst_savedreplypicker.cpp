// The composer's "/" picker on the real widget: "/" at the start offers the saved replies, what
// follows finds them by shortcut or title (best first), Enter or a click puts the reply in the box
// with {first_name}, {username} and {agent} filled (unknown variables stay), and Enter in the
// picker never sends the "/..." text.
#include "app/inbox/composer.h"
#include "models/savedreplymodel.h"
#include "support/savedreplyfixture.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QCompleter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace inlet;
using inlet::test::savedReply;
using namespace inlet::app;

class TestSavedReplyPicker : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Composer> m_composer;
    ReplyVariables m_variables;

    QAbstractItemView *popup() const { return m_composer->editor()->picker()->popup(); }
    QString rowTitle(int row) const
    {
        return m_composer->editor()
            ->pickerModel()
            ->index(row, 0)
            .data(SavedReplyModel::TitleRole)
            .toString();
    }
    void type(const QString &text)
    {
        m_composer->clear();
        m_composer->editor()->setFocus();
        QTest::keyClicks(m_composer->editor(), text);
    }

private slots:
    void init()
    {
        m_variables = { QStringLiteral("Ana"), QStringLiteral("ana.b"), QStringLiteral("Marta") };
        m_composer = std::make_unique<Composer>();
        m_composer->setSavedReplies({
            savedReply(QStringLiteral("Thanks"), QStringLiteral("ty"),
                QStringLiteral("Thank you, {first_name}! {agent}"), 1),
            savedReply(QStringLiteral("Opening hours"), QStringLiteral("hours"),
                QStringLiteral("Hi @{username}, we open at 9. Order {order_id}?"), 2),
            savedReply(QStringLiteral("Holiday closing"), QStringLiteral("holiday"),
                QStringLiteral("Closed today."), 3),
        });
        m_composer->setReplyVariables([this] { return m_variables; });
        m_composer->resize(600, 240);
        m_composer->show();
        m_composer->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_composer.get()));
    }

    void cleanup() { m_composer.reset(); }

    void slashOffersEveryReply()
    {
        QAbstractItemModelTester tester(m_composer->editor()->pickerModel(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        type(QStringLiteral("/"));
        QTRY_VERIFY(popup()->isVisible());
        QCOMPARE(popup()->model()->rowCount(), 3);
        QCOMPARE(rowTitle(0), QStringLiteral("Holiday closing"));
        QCOMPARE(popup()->currentIndex().row(), 0);
        // Not at the start, or past the first line: no picker.
        type(QStringLiteral("a /ty"));
        QTRY_VERIFY(!popup()->isVisible());
    }

    void findsByShortcutAndFillsTheVariables()
    {
        QSignalSpy sent(m_composer.get(), &Composer::sendRequested);
        type(QStringLiteral("/ho"));
        QTRY_VERIFY(popup()->isVisible());
        // Both shortcuts start with "ho": by title.
        QCOMPARE(popup()->model()->rowCount(), 2);
        QCOMPARE(rowTitle(0), QStringLiteral("Holiday closing"));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("u"));
        QTRY_COMPARE(popup()->model()->rowCount(), 1);
        QCOMPARE(popup()->currentIndex().data(SavedReplyModel::TitleRole).toString(),
            QStringLiteral("Opening hours"));
        QTest::keyClick(popup(), Qt::Key_Return);
        // The unknown {order_id} stays for the manager to fill; nothing was sent.
        QCOMPARE(m_composer->text(), QStringLiteral("Hi @ana.b, we open at 9. Order {order_id}?"));
        QTRY_VERIFY(!popup()->isVisible());
        QCOMPARE(sent.size(), 0);
        QVERIFY(m_composer->sendButton()->isEnabled());
    }

    void findsByTitleAndTakesAClick()
    {
        type(QStringLiteral("/thank"));
        QTRY_VERIFY(popup()->isVisible());
        QCOMPARE(popup()->model()->rowCount(), 1);
        const QRect rect = popup()->visualRect(popup()->model()->index(0, 0));
        QTest::mouseClick(popup()->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(m_composer->text(), QStringLiteral("Thank you, Ana! Marta"));
    }

    void aVariableWithoutAValueStays()
    {
        m_variables.firstName.clear();
        type(QStringLiteral("/ty"));
        QTRY_VERIFY(popup()->isVisible());
        QTest::keyClick(popup(), Qt::Key_Enter);
        QCOMPARE(m_composer->text(), QStringLiteral("Thank you, {first_name}! Marta"));
    }

    void nothingFoundHidesThePicker()
    {
        QSignalSpy sent(m_composer.get(), &Composer::sendRequested);
        type(QStringLiteral("/zzz"));
        QTRY_VERIFY(!popup()->isVisible());
        // The list arrives while the picker is open: it follows.
        type(QStringLiteral("/new"));
        QVERIFY(!popup()->isVisible());
        m_composer->setSavedReplies({ savedReply(QStringLiteral("New collection"),
            QStringLiteral("new"), QStringLiteral("Out now"), 9) });
        QTRY_VERIFY(popup()->isVisible());
        QCOMPARE(rowTitle(0), QStringLiteral("New collection"));
        QCOMPARE(sent.size(), 0);
    }
};

QTEST_MAIN(TestSavedReplyPicker)
#include "tst_savedreplypicker.moc"
