// File > Saved replies… on the real dialog over a real store: a reply written in the form is
// saved through the store's writer and listed, edited, refused with words (no title, a taken
// shortcut), deleted; the manager's name for {agent}; export to JSON and import back, and a bad
// file refused in words.
#include "app/settings/savedrepliesdialog.h"
#include "models/savedreplymodel.h"
#include "service/savedreplies.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;

class TestSavedRepliesDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SavedReplies> m_replies;
    std::unique_ptr<SavedRepliesDialog> m_dialog;

    template <typename T> T *child(const char *name) const
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no %s in the dialog", name);
        return w;
    }
    void fill(const QString &title, const QString &shortcut, const QString &text)
    {
        child<QLineEdit>("title")->setText(title);
        child<QLineEdit>("shortcut")->setText(shortcut);
        child<QPlainTextEdit>("text")->setPlainText(text);
    }
    QString status() const { return m_dialog->statusLabel()->text(); }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = Store::open(m_dir->path());
        QVERIFY(store.has_value());
        m_store = std::move(*store);
        m_replies = std::make_unique<SavedReplies>(m_store.get());
        QTRY_VERIFY(m_replies->isLoaded());
        m_dialog = std::make_unique<SavedRepliesDialog>(m_replies.get());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_replies.reset();
        m_store.reset();
        m_dir.reset();
    }

    void writeEditDelete()
    {
        QAbstractItemModelTester tester(
            m_dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_dialog->editingId(), 0);
        QVERIFY(!child<QPushButton>("deleteButton")->isEnabled());
        child<QLineEdit>("title")->setFocus();
        QTest::keyClicks(child<QLineEdit>("title"), QStringLiteral("Thanks"));
        QTest::keyClicks(child<QLineEdit>("shortcut"), QStringLiteral("/thanks"));
        QTest::keyClicks(child<QPlainTextEdit>("text"), QStringLiteral("Thank you, {first_name}!"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(m_replies->replies().size(), 1);
        QTRY_COMPARE(m_dialog->model()->rowCount(), 1);
        QCOMPARE(m_replies->replies().constFirst().shortcut, QStringLiteral("thanks"));
        QCOMPARE(
            m_replies->replies().constFirst().text, QStringLiteral("Thank you, {first_name}!"));
        QVERIFY(m_dialog->editingId() != 0);
        QVERIFY(status().contains(QStringLiteral("Thanks")));
        QTRY_COMPARE(child<QListView>("list")->currentIndex().row(), 0);

        // Edited in place: still one reply.
        child<QPlainTextEdit>("text")->setPlainText(QStringLiteral("Many thanks, {first_name}."));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(
            m_replies->replies().constFirst().text, QStringLiteral("Many thanks, {first_name}."));
        QCOMPARE(m_replies->replies().size(), 1);

        // A second one: the list is by title, picking a row loads it into the form.
        QTest::mouseClick(child<QPushButton>("newButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>("title")->text(), QString());
        fill(QStringLiteral("Address"), {}, QStringLiteral("Main St 1"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(m_dialog->model()->rowCount(), 2);
        child<QListView>("list")->setCurrentIndex(m_dialog->model()->index(1, 0));
        QCOMPARE(child<QLineEdit>("title")->text(), QStringLiteral("Thanks"));
        QCOMPARE(child<QLineEdit>("shortcut")->text(), QStringLiteral("thanks"));

        QTest::mouseClick(child<QPushButton>("deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(m_replies->replies().size(), 1);
        QCOMPARE(m_replies->replies().constFirst().title, QStringLiteral("Address"));
        QTRY_COMPARE(m_dialog->model()->rowCount(), 1);
        QCOMPARE(m_dialog->editingId(), 0);
        QVERIFY(status().contains(QStringLiteral("Deleted")));
    }

    void refusalsInWords()
    {
        fill({}, {}, QStringLiteral("text"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QCOMPARE(status(), QStringLiteral("Give the reply a title."));
        fill(QStringLiteral("T"), QStringLiteral("two words"), QStringLiteral("text"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QCOMPARE(status(), QStringLiteral("A shortcut is one word, without spaces."));

        fill(QStringLiteral("Hours"), QStringLiteral("hours"), QStringLiteral("9 to 5"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(m_replies->replies().size(), 1);
        QTRY_VERIFY(status().startsWith(QStringLiteral("Saved")));
        QTest::mouseClick(child<QPushButton>("newButton"), Qt::LeftButton);
        fill(QStringLiteral("Hours again"), QStringLiteral("HOURS"), QStringLiteral("10 to 6"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(status(), QStringLiteral("Another saved reply has this shortcut already."));
        QCOMPARE(m_replies->replies().size(), 1);
        QCOMPARE(m_dialog->editingId(), 0);
    }

    void agentName()
    {
        QLineEdit *name = child<QLineEdit>("agentName");
        name->setFocus();
        QTest::keyClicks(name, QStringLiteral("Marta"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(m_replies->agentName(), QStringLiteral("Marta"));
        // A dialog opened later shows it.
        SavedRepliesDialog again(m_replies.get());
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("agentName"))->text(),
            QStringLiteral("Marta"));
    }

    void exportAndImport()
    {
        fill(QStringLiteral("Thanks"), QStringLiteral("ty"),
            QStringLiteral("Thank you, {first_name}!"));
        QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(m_replies->replies().size(), 1);
        const QString path = m_dir->filePath(QStringLiteral("replies.json"));
        QVERIFY(m_dialog->exportFile(path));
        QVERIFY(status().contains(QStringLiteral("replies.json")));

        QTest::mouseClick(child<QPushButton>("deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(m_replies->replies().size(), 0);
        m_dialog->importFile(path);
        QTRY_COMPARE(m_replies->replies().size(), 1);
        QCOMPARE(
            m_replies->replies().constFirst().text, QStringLiteral("Thank you, {first_name}!"));
        QTRY_VERIFY(status().contains(QStringLiteral("imported")));

        const QString bad = m_dir->filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"([{"title": "No text"}])");
        file.close();
        m_dialog->importFile(bad);
        QTRY_VERIFY(status().startsWith(QStringLiteral("The file is not a list of saved replies")));
        QVERIFY2(status().contains(QStringLiteral("Reply 1 has no text.")), qPrintable(status()));
        m_dialog->importFile(m_dir->filePath(QStringLiteral("missing.json")));
        QVERIFY(status().contains(QStringLiteral("could not be opened")));
        QCOMPARE(m_replies->replies().size(), 1);
        QVERIFY(!m_dialog->exportFile(m_dir->filePath(QStringLiteral("no/such/dir/x.json"))));
        QVERIFY(status().contains(QStringLiteral("could not be written")));
    }
};

QTEST_MAIN(TestSavedRepliesDialog)
#include "tst_savedrepliesdialog.moc"
