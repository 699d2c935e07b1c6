#pragma once

#include <QDialog>
#include <QList>

#include <utility>

class QTableWidget;

namespace inlet::app {

// Help > Keyboard shortcuts: a read-only table of keys and what they do.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<std::pair<QString, QString>> &shortcuts,
                             QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace inlet::app
