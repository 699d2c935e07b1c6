#include "app/settings/settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace inlet::app {

namespace {

bool isWebUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

SettingsDialog::SettingsDialog(const AppConfig &config, bool hasSecret, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_initial(config)
{
    m_ui->setupUi(this);
    m_ui->appId->setText(config.appId);
    m_ui->metaAppId->setText(config.metaAppId);
    m_ui->redirect->setText(config.redirectUri.toString());
    setHosts(config.hosts);
    m_ui->mediaUpload->setText(config.mediaUploadUrl.toString());
    m_ui->mediaPublic->setText(config.mediaPublicUrl.toString());
    // After the text, so that the clear buttons are there when the dialog opens (no fade-in).
    for (QLineEdit *edit : { m_ui->redirect, m_ui->www, m_ui->api, m_ui->graph, m_ui->facebookGraph,
             m_ui->mediaUpload, m_ui->mediaPublic })
        edit->setClearButtonEnabled(true);
    m_ui->secret->setPlaceholderText(
        hasSecret ? tr("Stored in the keychain; type to replace it") : tr("Not set"));
    setHasMetaSecret(false);
    setHasMediaToken(false);
    m_ui->error->hide();

    connect(m_ui->help, &QLabel::linkActivated, this,
        [] { QDesktopServices::openUrl(metaAppHelpUrl()); });
    connect(m_ui->resetHosts, &QPushButton::clicked, this, &SettingsDialog::resetHostsToInstagram);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    resize(560, sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setTeamMode(bool team)
{
    for (QGroupBox *box : { m_ui->appBox, m_ui->metaBox, m_ui->hostBox })
        box->setVisible(!team);
    adjustSize();
}

QUrl SettingsDialog::metaAppHelpUrl()
{
    return QUrl(QStringLiteral("https://developers.facebook.com/docs/instagram-platform/"
                               "instagram-api-with-instagram-login/business-login"));
}

AppConfig SettingsDialog::config() const
{
    AppConfig config = m_initial;
    config.appId = m_ui->appId->text().trimmed();
    config.metaAppId = m_ui->metaAppId->text().trimmed();
    config.redirectUri = QUrl(m_ui->redirect->text().trimmed());
    config.hosts.www = QUrl(m_ui->www->text().trimmed());
    config.hosts.api = QUrl(m_ui->api->text().trimmed());
    config.hosts.graph = QUrl(m_ui->graph->text().trimmed());
    config.hosts.facebookGraph = QUrl(m_ui->facebookGraph->text().trimmed());
    config.hosts.apiVersion = m_ui->apiVersion->text().trimmed();
    config.mediaUploadUrl = QUrl(m_ui->mediaUpload->text().trimmed());
    config.mediaPublicUrl = QUrl(m_ui->mediaPublic->text().trimmed());
    return config;
}

std::optional<QString> SettingsDialog::newSecret() const
{
    const QString secret = m_ui->secret->text().trimmed();
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
}

std::optional<QString> SettingsDialog::newMetaSecret() const
{
    const QString secret = m_ui->metaSecret->text().trimmed();
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
}

void SettingsDialog::setHasMetaSecret(bool has)
{
    m_ui->metaSecret->setPlaceholderText(
        has ? tr("Stored in the keychain; type to replace it") : tr("Not set"));
}

std::optional<QString> SettingsDialog::newMediaToken() const
{
    const QString token = m_ui->mediaToken->text().trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

void SettingsDialog::setHasMediaToken(bool has)
{
    m_ui->mediaToken->setPlaceholderText(has ? tr("Stored in the keychain; type to replace it")
                                             : tr("Optional: sent as \"Authorization: Bearer\""));
}

void SettingsDialog::resetHostsToInstagram()
{
    setHosts(InstagramHosts());
}

void SettingsDialog::setHosts(const InstagramHosts &hosts)
{
    m_ui->www->setText(hosts.www.toString());
    m_ui->api->setText(hosts.api.toString());
    m_ui->graph->setText(hosts.graph.toString());
    m_ui->facebookGraph->setText(hosts.facebookGraph.toString());
    m_ui->apiVersion->setText(hosts.apiVersion);
}

QString SettingsDialog::validationError() const
{
    const QString appId = m_ui->appId->text().trimmed();
    for (const QChar c : appId) {
        if (!c.isDigit())
            return tr("The App ID is a number, as shown in the Meta dashboard.");
    }
    const QString metaAppId = m_ui->metaAppId->text().trimmed();
    for (const QChar c : metaAppId) {
        if (!c.isDigit())
            return tr("The Meta App ID is a number, as shown in the Meta dashboard under App "
                      "settings > Basic.");
    }
    if (metaAppId.isEmpty() && !m_ui->metaSecret->text().trimmed().isEmpty())
        return tr("Enter the Meta App ID with its secret.");
    if (!isWebUrl(m_ui->redirect->text()))
        return tr("The redirect URI must be a full http(s) address, exactly as registered in "
                  "the Meta dashboard.");
    for (const QLineEdit *edit : { m_ui->www, m_ui->api, m_ui->graph, m_ui->facebookGraph }) {
        if (!isWebUrl(edit->text()))
            return tr("\"%1\" is not a valid http(s) address.").arg(edit->text());
    }
    if (m_ui->apiVersion->text().trimmed().isEmpty())
        return tr("The API version must not be empty (e.g. v25.0).");
    const QString upload = m_ui->mediaUpload->text().trimmed();
    const QString pub = m_ui->mediaPublic->text().trimmed();
    if (upload.isEmpty() != pub.isEmpty())
        return tr("The media host needs both addresses: where Inlet uploads and where Instagram "
                  "fetches (or neither).");
    for (const QString &text : {upload, pub}) {
        if (!text.isEmpty() && !isWebUrl(text))
            return tr("\"%1\" is not a valid http(s) address.").arg(text);
    }
    // Instagram fetches only over HTTPS; plain http is for a sandbox on this machine.
    const QUrl publicUrl(pub);
    const bool loopback = publicUrl.host() == QLatin1String("127.0.0.1") || publicUrl.host() == QLatin1String("localhost");
    if (!pub.isEmpty() && publicUrl.scheme() != QLatin1String("https") && !loopback)
        return tr("Instagram fetches attachments only over HTTPS: the public URL must start with https://.");
    return {};
}

void SettingsDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_ui->error->setText(error);
        m_ui->error->show();
        return;
    }
    QDialog::accept();
}

} // namespace inlet::app
