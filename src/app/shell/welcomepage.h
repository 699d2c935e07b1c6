#pragma once

#include <QWidget>

#include <memory>

class QPushButton;

namespace inlet::app {

namespace Ui {
class WelcomePage;
}

// What the manager sees before any account is connected.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    QPushButton *connectButton() const;
    QPushButton *sandboxButton() const;

    // A line under the buttons, e.g. "Set up your Meta app first" or a sign-in error.
    void setNotice(const QString &text);
    // While a sign-in runs, the buttons wait.
    void setBusy(bool busy);

signals:
    void connectRequested();
    void sandboxRequested();
    void settingsRequested();

private:
    std::unique_ptr<Ui::WelcomePage> m_ui; // the form, ui/welcomepage.ui
};

} // namespace inlet::app
