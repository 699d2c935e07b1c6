#include "app/settings/webhooksdialog.h"

#include "common/logging.h"
#include "common/result.h"
#include "service/coreservices.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace inlet::app {

namespace {
const QString kPublicUrlKey = QStringLiteral("webhook/publicUrl");
const QString kPollingKey = QStringLiteral("webhook/pollingMode");
} // namespace

WebhooksDialog::WebhooksDialog(const QUrl &callbackUrl, const QString &verifyToken, bool pollingMode,
                               QWidget *parent)
    : QDialog(parent)
    , m_callback(new QLabel(this))
    , m_verifyToken(new QLabel(verifyToken, this))
    , m_publicUrl(new QLineEdit(this))
    , m_subscribe(new QPushButton(tr("&Subscribe"), this))
    , m_polling(new QCheckBox(tr("&Polling mode (no public URL)"), this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Webhooks"));
    setCallbackUrl(callbackUrl);
    m_callback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyToken->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_publicUrl->setPlaceholderText(tr("https://example.ngrok.app/webhook"));
    m_polling->setChecked(pollingMode);
    m_result->setWordWrap(true);

    auto *explanation = new QLabel(
        tr("Instagram delivers new messages by calling a webhook. It must reach this computer "
           "over HTTPS from the internet, so put a tunnel or reverse proxy in front of the local "
           "callback URL and enter its public address here, then press Subscribe: Meta checks it "
           "with the verify token and every connected account is subscribed. Without a public URL, "
           "switch on polling mode: Inlet then asks Instagram for new messages every half minute."),
        this);
    explanation->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Local callback URL:"), m_callback);
    form->addRow(tr("Verify token:"), m_verifyToken);
    form->addRow(tr("Public URL:"), m_publicUrl);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_subscribe, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subscribe, &QPushButton::clicked, this, [this] {
        m_subscribed.clear();
        m_appLine.clear();
        m_accountLine.clear();
        m_result->setText(tr("Subscribing…"));
        emit subscribeRequested(publicUrl());
    });
    connect(m_polling, &QCheckBox::toggled, this, [this](bool on) {
        updateEnabled();
        emit pollingModeChanged(on);
    });
    connect(m_publicUrl, &QLineEdit::textChanged, this, &WebhooksDialog::updateEnabled);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_polling);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    updateEnabled();
    resize(560, 340);
}

QUrl WebhooksDialog::publicUrl() const
{
    return QUrl(m_publicUrl->text().trimmed(), QUrl::StrictMode);
}

void WebhooksDialog::setPublicUrl(const QUrl &url)
{
    m_publicUrl->setText(url.toString());
}

void WebhooksDialog::setCallbackUrl(const QUrl &url)
{
    m_callback->setText(url.isEmpty() ? tr("(not running: enter the App Secret in Settings)")
                                      : url.toString());
    updateEnabled();
}

bool WebhooksDialog::pollingMode() const
{
    return m_polling->isChecked();
}

QString WebhooksDialog::resultText() const
{
    return m_result->text();
}

// Subscribing needs a running server and, if typed, a valid https address; pointless when polling.
void WebhooksDialog::updateEnabled()
{
    const QString typed = m_publicUrl->text().trimmed();
    const QUrl url = publicUrl();
    const bool urlOk = typed.isEmpty()
        || (url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty());
    m_subscribe->setEnabled(!m_polling->isChecked() && urlOk
                            && m_callback->text().startsWith(QLatin1String("http")));
}

void WebhooksDialog::showResult()
{
    QStringList lines;
    for (const QString &line : { m_appLine, m_accountLine }) {
        if (!line.isEmpty())
            lines.append(line);
    }
    m_result->setText(lines.join(QLatin1Char('\n')));
}

void WebhooksDialog::showAppSubscribed()
{
    m_appLine = tr("Meta calls the webhook URL (app-level subscription done).");
    showResult();
}

void WebhooksDialog::showAppSubscriptionFailed(const Error &error)
{
    if (error.kind == Error::Kind::Invalid
        && error.code == CoreServices::AppSubscriptionInDashboard)
        m_appLine = tr("No Meta App ID and Secret in Settings: enter the callback URL and verify "
                       "token in Meta's dashboard (Instagram > API setup with Instagram login > "
                       "Configure webhooks).");
    else
        m_appLine = tr("App-level subscription failed: %1. Enter the callback URL and verify token "
                       "in Meta's dashboard instead.")
                        .arg(error.message);
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
        ? tr("Subscription failed: %1").arg(error.message)
        : tr("Subscription failed for %1: %2").arg(accountId, error.message);
    showResult();
}

WebhooksDialog *openWebhooksDialog(CoreServices *core, QSettings *settings, QWidget *parent)
{
    auto *dialog = new WebhooksDialog(core->webhookUrl(), core->options().verifyToken,
                                      core->pollingMode(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPublicUrl(QUrl(settings->value(kPublicUrlKey).toString()));
    QObject::connect(core, &CoreServices::webhookStarted, dialog, &WebhooksDialog::setCallbackUrl);
    QObject::connect(
        core, &CoreServices::appWebhooksSubscribed, dialog, &WebhooksDialog::showAppSubscribed);
    QObject::connect(core, &CoreServices::appWebhookSubscriptionFailed, dialog,
        &WebhooksDialog::showAppSubscriptionFailed);
    QObject::connect(core, &CoreServices::webhooksSubscribed, dialog, &WebhooksDialog::showSubscribed);
    QObject::connect(core, &CoreServices::webhookSubscriptionFailed, dialog,
                     &WebhooksDialog::showSubscriptionFailed);
    QObject::connect(dialog, &WebhooksDialog::subscribeRequested, core,
                     [core, settings](const QUrl &publicUrl) {
                         settings->setValue(kPublicUrlKey, publicUrl.toString());
                         qCInfo(lcApp) << "subscribing webhooks at" << publicUrl.host();
                         core->subscribeWebhooks(publicUrl);
                     });
    QObject::connect(dialog, &WebhooksDialog::pollingModeChanged, core, [core, settings](bool on) {
        settings->setValue(kPollingKey, on);
        core->setPollingMode(on);
    });
    dialog->show();
    return dialog;
}

} // namespace inlet::app
