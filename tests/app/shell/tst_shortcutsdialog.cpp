// Help > Keyboard shortcuts lists the inbox's shortcuts, keys beside what they do.
#include "app/inbox/inboxwidget.h"
#include "app/shell/shortcutsdialog.h"

#include <QKeySequence>
#include <QTableWidget>
#include <QTest>

using namespace inlet::app;

class TestShortcutsDialog : public QObject {
    Q_OBJECT
private slots:
    void listsInboxShortcuts();
    void readOnly();
};

void TestShortcutsDialog::listsInboxShortcuts()
{
    const auto shortcuts = InboxWidget::shortcutDescriptions();
    QVERIFY(shortcuts.size() >= 5);
    ShortcutsDialog dialog(shortcuts);
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), int(shortcuts.size()));
    QCOMPARE(table->columnCount(), 2);

    const QString ctrlK = QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText);
    const QString ctrlF = QKeySequence(Qt::CTRL | Qt::Key_F).toString(QKeySequence::NativeText);
    QStringList keys;
    for (int row = 0; row < table->rowCount(); ++row) {
        keys.append(table->item(row, 0)->text());
        QVERIFY(!table->item(row, 1)->text().isEmpty());
    }
    QVERIFY2(keys.contains(ctrlK), qPrintable(keys.join(u", ")));
    QVERIFY(keys.contains(ctrlF));
    const int row = int(keys.indexOf(ctrlK));
    QVERIFY(table->item(row, 1)->text().contains(QLatin1String("conversation")));
}

void TestShortcutsDialog::readOnly()
{
    ShortcutsDialog dialog({{QStringLiteral("Ctrl+K"), QStringLiteral("Jump")}});
    QCOMPARE(dialog.table()->editTriggers(), QAbstractItemView::NoEditTriggers);
    QCOMPARE(dialog.table()->item(0, 0)->text(), QStringLiteral("Ctrl+K"));
    QCOMPARE(dialog.table()->item(0, 1)->text(), QStringLiteral("Jump"));
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
