#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace inlet::app {

// What the manager sees before any account is connected.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    QPushButton *connectButton() const { return m_connect; }
    QPushButton *sandboxButton() const { return m_sandbox; }

    // A line under the buttons, e.g. "Set up your Meta app first" or a sign-in error.
    void setNotice(const QString &text);
    // While a sign-in runs, the buttons wait.
    void setBusy(bool busy);

signals:
    void connectRequested();
    void sandboxRequested();
    void settingsRequested();

private:
    QPushButton *m_connect;
    QPushButton *m_sandbox;
    QLabel *m_notice;
};

} // namespace inlet::app
