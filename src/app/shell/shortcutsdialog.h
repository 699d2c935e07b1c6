#pragma once

#include <QDialog>
#include <QList>

#include <memory>
#include <utility>

class QTableWidget;

namespace inlet::app {

namespace Ui {
class ShortcutsDialog;
}

// Help > Keyboard shortcuts: a read-only table of keys and what they do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<std::pair<QString, QString>> &shortcuts,
                             QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    QTableWidget *table() const;

private:
    std::unique_ptr<Ui::ShortcutsDialog> m_ui; // the form, ui/shortcutsdialog.ui
};

} // namespace inlet::app
