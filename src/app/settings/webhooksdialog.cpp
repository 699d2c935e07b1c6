#include "app/settings/webhooksdialog.h"

#include "app/shell/errortext.h"
#include "common/logging.h"
#include "common/result.h"
#include "service/appconfig.h"
#include "service/webhookcontrol.h"
#include "ui_webhooksdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace inlet::app {

namespace {
const QString kPublicUrlKey = QStringLiteral("webhook/publicUrl");
} // namespace

WebhooksDialog::WebhooksDialog(
    const QUrl &callbackUrl, const QString &verifyToken, bool pollingMode, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WebhooksDialog>())
{
    m_ui->setupUi(this);
    m_subscribe = m_ui->buttons->addButton(tr("&Subscribe"), QDialogButtonBox::ActionRole);
    // Tab order as laid out: the URL, polling mode, then the buttons.
    setTabOrder(m_ui->polling, m_subscribe);
    setTabOrder(m_subscribe, m_ui->buttons->button(QDialogButtonBox::Close));
    m_ui->verifyToken->setText(verifyToken);
    setCallbackUrl(callbackUrl);
    m_ui->polling->setChecked(pollingMode);

    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subscribe, &QPushButton::clicked, this, [this] {
        m_subscribed.clear();
        m_appLine.clear();
        m_accountLine.clear();
        m_ui->result->setText(tr("Subscribing…"));
        emit subscribeRequested(publicUrl());
    });
    connect(m_ui->polling, &QCheckBox::toggled, this, [this](bool on) {
        updateEnabled();
        emit pollingModeChanged(on);
    });
    connect(m_ui->publicUrl, &QLineEdit::textChanged, this, &WebhooksDialog::updateEnabled);
    updateEnabled();
    resize(560, 340);
}

WebhooksDialog::~WebhooksDialog() = default;

QLineEdit *WebhooksDialog::publicUrlEdit() const
{
    return m_ui->publicUrl;
}

QCheckBox *WebhooksDialog::pollingCheckBox() const
{
    return m_ui->polling;
}

QLabel *WebhooksDialog::callbackLabel() const
{
    return m_ui->callback;
}

QLabel *WebhooksDialog::verifyTokenLabel() const
{
    return m_ui->verifyToken;
}

QUrl WebhooksDialog::publicUrl() const
{
    return QUrl(m_ui->publicUrl->text().trimmed(), QUrl::StrictMode);
}

void WebhooksDialog::setPublicUrl(const QUrl &url)
{
    m_ui->publicUrl->setText(url.toString());
}

void WebhooksDialog::setCallbackUrl(const QUrl &url)
{
    m_ui->callback->setText(
        url.isEmpty() ? tr("(not running: enter the App Secret in Settings)") : url.toString());
    updateEnabled();
}

bool WebhooksDialog::pollingMode() const
{
    return m_ui->polling->isChecked();
}

QString WebhooksDialog::resultText() const
{
    return m_ui->result->text();
}

// Subscribing needs a running server and, if typed, a valid https address; pointless when polling.
void WebhooksDialog::updateEnabled()
{
    const QString typed = m_ui->publicUrl->text().trimmed();
    const QUrl url = publicUrl();
    const bool urlOk = typed.isEmpty()
        || (url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty());
    m_subscribe->setEnabled(!m_ui->polling->isChecked() && urlOk
        && m_ui->callback->text().startsWith(QLatin1String("http")));
}

void WebhooksDialog::showResult()
{
    QStringList lines;
    for (const QString &line : { m_appLine, m_accountLine }) {
        if (!line.isEmpty())
            lines.append(line);
    }
    m_ui->result->setText(lines.join(QLatin1Char('\n')));
}

void WebhooksDialog::showAppSubscribed()
{
    m_appLine = tr("Meta calls the webhook URL (app-level subscription done).");
    showResult();
}

void WebhooksDialog::showAppSubscriptionFailed(const Error &error)
{
    if (error.kind == Error::Kind::Invalid
        && error.code == WebhookControl::AppSubscriptionInDashboard)
        m_appLine = tr("No Meta App ID and Secret in Settings: enter the callback URL and verify "
                       "token in Meta's dashboard (Instagram > API setup with Instagram login > "
                       "Configure webhooks).");
    else
        m_appLine = tr("App-level subscription failed: %1 Enter the callback URL and verify token "
                       "in Meta's dashboard instead.")
                        .arg(errorText(error));
    showResult();
}

void WebhooksDialog::showSubscribed(const QString &accountId)
{
    if (!m_subscribed.contains(accountId))
        m_subscribed.append(accountId);
    m_accountLine
        = tr("Subscribed: %n account(s) receive webhooks.", nullptr, int(m_subscribed.size()));
    showResult();
}

void WebhooksDialog::showSubscriptionFailed(const QString &accountId, const Error &error)
{
    m_accountLine = accountId.isEmpty()
        ? tr("Subscription failed: %1").arg(errorText(error))
        : tr("Subscription failed for %1: %2").arg(accountId, errorText(error));
    showResult();
}

WebhooksDialog *openWebhooksDialog(WebhookControl *core, QSettings *settings, QWidget *parent)
{
    auto *dialog
        = new WebhooksDialog(core->webhookUrl(), core->verifyToken(), core->pollingMode(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPublicUrl(QUrl(settings->value(kPublicUrlKey).toString()));
    QObject::connect(
        core, &WebhookControl::webhookStarted, dialog, &WebhooksDialog::setCallbackUrl);
    QObject::connect(
        core, &WebhookControl::appWebhooksSubscribed, dialog, &WebhooksDialog::showAppSubscribed);
    QObject::connect(core, &WebhookControl::appWebhookSubscriptionFailed, dialog,
        &WebhooksDialog::showAppSubscriptionFailed);
    QObject::connect(
        core, &WebhookControl::webhooksSubscribed, dialog, &WebhooksDialog::showSubscribed);
    QObject::connect(core, &WebhookControl::webhookSubscriptionFailed, dialog,
        &WebhooksDialog::showSubscriptionFailed);
    QObject::connect(dialog, &WebhooksDialog::subscribeRequested, core,
                     [core, settings](const QUrl &publicUrl) {
                         settings->setValue(kPublicUrlKey, publicUrl.toString());
                         qCInfo(lcApp) << "subscribing webhooks at" << publicUrl.host();
                         core->subscribeWebhooks(publicUrl);
                     });
    QObject::connect(dialog, &WebhooksDialog::pollingModeChanged, core, [core, settings](bool on) {
        settings->setValue(kWebhookPollingKey, on);
        core->setPollingMode(on);
    });
    dialog->show();
    return dialog;
}

} // namespace inlet::app
