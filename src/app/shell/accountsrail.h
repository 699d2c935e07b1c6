#pragma once

#include "model/types.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QToolButton>
#include <QWidget>

#include <functional>
#include <memory>

namespace inlet::app {

class AvatarLoader;

namespace Ui {
class AccountsRail;
}

// One account in the rail: its picture, the number of its unread conversations on it, and a
// warning mark while it needs sign-in. The tooltip (hover) names it and tells its state.
class RailButton : public QToolButton {
    Q_OBJECT
public:
    RailButton(AvatarLoader *avatars, QWidget *parent = nullptr);

    void setAccount(const Account &account);
    const Account &account() const { return m_account; }
    void setUnread(int unread);
    int unread() const { return m_unread; }
    // What the tooltip says under the name (how the account's messages arrive), asked on hover.
    void setStateText(std::function<QString()> stateText) { m_stateText = std::move(stateText); }
    QString toolTipText() const;

    QSize sizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refreshAccessibleName();

    AvatarLoader *m_avatars;
    Account m_account;
    int m_unread = 0;
    std::function<QString()> m_stateText;
};

// The narrow column at the window's left edge: one avatar per connected account with its unread
// badge, and "+" to connect another. An avatar opens the full list (AccountsDrawer).
class AccountsRail : public QWidget {
    Q_OBJECT
public:
    explicit AccountsRail(QWidget *parent = nullptr);
    ~AccountsRail() override;

    // Before setAccounts; the form makes the rail without one.
    void setAvatarLoader(AvatarLoader *avatars) { m_avatars = avatars; }
    // Words for an account's state in the tooltips (e.g. the accounts panel's subscription text).
    void setStateText(std::function<QString(const QString &accountId)> stateText);
    void setAccounts(const QList<Account> &accounts);
    // Unread conversations per account id; accounts left out have none.
    void setUnread(const QHash<QString, int> &unread);

    RailButton *button(const QString &accountId) const { return m_buttons.value(accountId); }
    QList<RailButton *> buttons() const;
    QToolButton *connectButton() const;

signals:
    void accountClicked(const QString &accountId);
    void connectRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::unique_ptr<Ui::AccountsRail> m_ui; // the form, ui/accountsrail.ui
    AvatarLoader *m_avatars = nullptr;
    QHash<QString, RailButton *> m_buttons;
    QHash<QString, int> m_unread;
    std::function<QString(const QString &)> m_stateText;
};

// The full accounts list over the window, beside the rail: `panel` (the accounts panel with its
// actions) on the left of the covered area, the rest dimmed. Esc, a click on the dimmed part or
// dismiss() hide it; focus goes back where it was.
class AccountsDrawer : public QWidget {
    Q_OBJECT
public:
    // Covers `parent` right of `leftInset` px (the rail); takes `panel`.
    AccountsDrawer(QWidget *panel, QWidget *parent);

    void setLeftInset(int px);
    bool isOpen() const { return isVisible(); }
    QWidget *panel() const { return m_panel; }

public slots:
    void open();
    void dismiss();
    void toggle();

signals:
    void closed();

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow();

    QWidget *m_panel;
    QPointer<QWidget> m_returnFocus;
    int m_leftInset = 0;
};

} // namespace inlet::app
