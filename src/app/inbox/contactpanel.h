#pragma once

#include "models/modelrows.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace inlet::app {

class ImageCache;

namespace Ui {
class ContactPanel;
}

// Who the customer is: picture, name, username, followers, whether they follow the business,
// when the conversation started and which of the manager's accounts it belongs to.
class ContactPanel : public QWidget {
    Q_OBJECT
public:
    explicit ContactPanel(ImageCache *images, QWidget *parent = nullptr);
    ~ContactPanel() override;

    void setConversation(const ConversationRow &row, const QString &accountName);
    void clear();
    QString summary() const; // the panel's text, for tests and accessibility
    QWidget *avatar() const; // the picture (or the coloured disc with the initial)

private:
    QList<QLabel *> labels() const;

    std::unique_ptr<Ui::ContactPanel> m_ui; // the form, ui/contactpanel.ui
};

} // namespace inlet::app
