#pragma once

#include <QDialog>
#include <QUrl>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;

namespace inlet {
struct Error;
class WebhookControl;
} // namespace inlet

namespace inlet::app {

namespace Ui {
class WebhooksDialog;
}

// File > Webhooks: where Meta must call (the local callback URL, or a public URL in front of it)
// and the verify token to enter in Meta's dashboard; subscribes with one click, or switches to
// polling when there is no public URL. It only shows values and asks; openWebhooksDialog() wires
// it to the core's WebhookControl (service/webhookcontrol.h), all it needs of the core.
class WebhooksDialog : public QDialog {
    Q_OBJECT
public:
    WebhooksDialog(const QUrl &callbackUrl, const QString &verifyToken, bool pollingMode,
                   QWidget *parent = nullptr);
    ~WebhooksDialog() override;

    QUrl publicUrl() const;
    void setPublicUrl(const QUrl &url);
    void setCallbackUrl(const QUrl &url);
    bool pollingMode() const;
    QString resultText() const;

    QLineEdit *publicUrlEdit() const;
    QPushButton *subscribeButton() const { return m_subscribe; }
    QCheckBox *pollingCheckBox() const;
    QLabel *callbackLabel() const;
    QLabel *verifyTokenLabel() const;

public slots:
    // The app-level step (Meta app pair): done, or why not
    // (WebhookControl::AppSubscriptionInDashboard: the Meta pair is not in Settings, so the manager
    // does it in Meta's dashboard).
    void showAppSubscribed();
    void showAppSubscriptionFailed(const inlet::Error &error);
    // The per-account step.
    void showSubscribed(const QString &accountId);
    void showSubscriptionFailed(const QString &accountId, const inlet::Error &error);

signals:
    // `publicUrl` is empty to use the callback URL itself.
    void subscribeRequested(const QUrl &publicUrl);
    void pollingModeChanged(bool enabled);

private:
    void updateEnabled();
    void showResult();

    std::unique_ptr<Ui::WebhooksDialog> m_ui; // the form, ui/webhooksdialog.ui
    QPushButton *m_subscribe = nullptr; // in the button box, added in code
    QStringList m_subscribed;
    QString m_appLine; // the app-level step
    QString m_accountLine; // the per-account step
};

// Opens the dialog (modeless, deleted on close) for `core`, saving the public URL and polling
// mode in `settings` (keys webhook/publicUrl, webhook/pollingMode).
WebhooksDialog *openWebhooksDialog(WebhookControl *core, QSettings *settings, QWidget *parent);

} // namespace inlet::app
