#pragma once

#include <QDateTime>
#include <QDialog>

#include <memory>

namespace inlet::app {

namespace Ui {
class SnoozeDialog;
}

// Snooze > Custom date and time…: when the conversation comes back (at least a minute ahead).
class SnoozeDialog : public QDialog {
    Q_OBJECT
public:
    SnoozeDialog(const QDateTime &now, QWidget *parent = nullptr);
    ~SnoozeDialog() override;

    QDateTime until() const;
    void setUntil(const QDateTime &until);

private:
    std::unique_ptr<Ui::SnoozeDialog> m_ui; // the form, ui/snoozedialog.ui
};

} // namespace inlet::app
