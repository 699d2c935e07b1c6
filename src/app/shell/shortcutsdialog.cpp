#include "app/shell/shortcutsdialog.h"

#include "ui_shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>

namespace inlet::app {

ShortcutsDialog::ShortcutsDialog(
    const QList<std::pair<QString, QString>> &shortcuts, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShortcutsDialog>())
{
    m_ui->setupUi(this);
    QTableWidget *table = m_ui->table;
    table->setRowCount(int(shortcuts.size()));
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int row = 0; row < shortcuts.size(); ++row) {
        auto *keys = new QTableWidgetItem(shortcuts[row].first);
        QFont bold = keys->font();
        bold.setBold(true);
        keys->setFont(bold);
        table->setItem(row, 0, keys);
        table->setItem(row, 1, new QTableWidgetItem(shortcuts[row].second));
    }
    table->resizeRowsToContents();

    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, 380);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QTableWidget *ShortcutsDialog::table() const
{
    return m_ui->table;
}

} // namespace inlet::app
