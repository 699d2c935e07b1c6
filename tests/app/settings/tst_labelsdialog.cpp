// File > Labels… on the real dialog over a real store: a label added with a name and a colour is
// saved through the store's writer and listed, renamed and recoloured, refused with words (no
// name, a taken name), and deleted after the question (answered here), off every conversation.
#include "app/settings/labelsdialog.h"
#include "core/store/storetestutil.h"
#include "service/labels.h"
#include "store/store.h"
#include "support/await.h"
#include "support/inboxrows.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace inlet;
using namespace inlet::app;
using inlet::test::awaitResult;

class TestLabelsDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Labels> m_labels;
    std::unique_ptr<LabelsDialog> m_dialog;

    QPushButton *button(const char *name) const
    {
        auto *b = m_dialog->findChild<QPushButton *>(QLatin1String(name));
        if (!b)
            qFatal("no %s in the dialog", name);
        return b;
    }
    QString status() const { return m_dialog->statusLabel()->text(); }
    QStringList listed() const
    {
        QStringList names;
        for (int i = 0; i < m_dialog->list()->count(); ++i)
            names << m_dialog->list()->item(i)->text();
        return names;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store = Store::open(m_dir->path());
        QVERIFY(store.has_value());
        m_store = std::move(*store);
        m_labels = std::make_unique<Labels>(m_store.get());
        QTRY_VERIFY(m_labels->isLoaded());
        m_dialog = std::make_unique<LabelsDialog>(m_labels.get());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_labels.reset();
        m_store.reset();
        m_dir.reset();
    }

    void addRenameRecolour()
    {
        QVERIFY(!button("saveButton")->isEnabled());
        QVERIFY(!button("deleteButton")->isEnabled());
        // A new label takes the first colour of the palette no label has.
        QCOMPARE(m_dialog->colour(), label::palette().constFirst());
        m_dialog->nameEdit()->setText(QStringLiteral(" VIP "));
        m_dialog->setColour(QStringLiteral("#388E3C"));
        QTest::mouseClick(button("addButton"), Qt::LeftButton);
        QTRY_COMPARE(listed(), QStringList { QStringLiteral("VIP") });
        QTRY_VERIFY(m_dialog->chosenId() != 0);
        QCOMPARE(m_labels->labels().constFirst().colour, QStringLiteral("#388e3c"));
        QCOMPARE(status(), QStringLiteral("Added “VIP”."));

        m_dialog->nameEdit()->setText(QStringLiteral("Wholesale"));
        m_dialog->colourBox()->setCurrentIndex(
            m_dialog->colourBox()->findData(QStringLiteral("#7b1fa2")));
        QTest::mouseClick(button("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(listed(), QStringList { QStringLiteral("Wholesale") });
        QCOMPARE(m_labels->labels().constFirst().colour, QStringLiteral("#7b1fa2"));
        QCOMPARE(m_labels->labels().size(), 1);
        // A colour outside the palette (the colour dialog's) is offered as one more entry.
        m_dialog->setColour(QStringLiteral("#123456"));
        QCOMPARE(m_dialog->colour(), QStringLiteral("#123456"));
    }

    void refusedInWords()
    {
        QTest::mouseClick(button("addButton"), Qt::LeftButton);
        QCOMPARE(status(), QStringLiteral("Give the label a name."));
        QVERIFY(awaitResult(m_labels->save({ 0, QStringLiteral("VIP"), QStringLiteral("#d32f2f") }))
                    .has_value());
        QTRY_COMPARE(listed().size(), 1);
        m_dialog->list()->setCurrentRow(-1);
        m_dialog->nameEdit()->setText(QStringLiteral("vip"));
        QTest::mouseClick(button("addButton"), Qt::LeftButton);
        QTRY_COMPARE(status(), QStringLiteral("Another label has this name already."));
        QCOMPARE(m_labels->labels().size(), 1);
    }

    void deleteAsksAndTakesItOff()
    {
        QVERIFY(awaitResult(m_store->applyEvents({ storetest::message(
                                QStringLiteral("m1"), 1'780'000'000'000, QStringLiteral("hi")) }))
                    .has_value());
        const qint64 conversation
            = test::storedConversation(*m_store, storetest::kAccount, storetest::kCustomer).id;
        auto vip
            = awaitResult(m_labels->save({ 0, QStringLiteral("VIP"), QStringLiteral("#d32f2f") }));
        QVERIFY(vip.has_value());
        QVERIFY(awaitResult(m_labels->setOnConversation(conversation, *vip, true)).has_value());
        QTRY_COMPARE(listed().size(), 1);
        m_dialog->choose(*vip);
        QCOMPARE(m_dialog->nameEdit()->text(), QStringLiteral("VIP"));

        QString asked;
        m_dialog->setConfirmDelete([&](const Label &l) {
            asked = l.name;
            return false;
        });
        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QCOMPARE(asked, QStringLiteral("VIP"));
        QTest::qWait(100);
        QCOMPARE(m_labels->labels().size(), 1); // answered no

        m_dialog->setConfirmDelete([](const Label &) { return true; });
        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QTRY_VERIFY(listed().isEmpty());
        QTRY_COMPARE(status(), QStringLiteral("Deleted “VIP”."));
        QVERIFY(test::storedConversation(*m_store, storetest::kAccount, storetest::kCustomer)
                    .labelIds.isEmpty());
    }
};

QTEST_MAIN(TestLabelsDialog)
#include "tst_labelsdialog.moc"
