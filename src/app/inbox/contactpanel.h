#pragma once

#include "models/modelrows.h"

#include <QWidget>

class QLabel;

namespace inlet::app {

class ImageCache;
class ContactAvatar;

// Who the customer is: picture, name, username, followers, whether they follow the business,
// when the conversation started and which of the manager's accounts it belongs to.
class ContactPanel : public QWidget {
    Q_OBJECT
public:
    explicit ContactPanel(ImageCache *images, QWidget *parent = nullptr);

    void setConversation(const ConversationRow &row, const QString &accountName);
    void clear();
    QString summary() const; // the panel's text, for tests and accessibility
    QWidget *avatar() const; // the picture (or the coloured disc with the initial)

private:
    ContactAvatar *m_avatar;
    QLabel *m_name;
    QLabel *m_username;
    QLabel *m_followers;
    QLabel *m_follows;
    QLabel *m_started;
    QLabel *m_account;
};

} // namespace inlet::app
