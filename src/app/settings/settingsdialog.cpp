#include "app/settings/settingsdialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace inlet::app {

namespace {

QLineEdit *urlEdit(const QUrl &url, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(url.toString(), parent);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    return edit;
}

bool isWebUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

SettingsDialog::SettingsDialog(const AppConfig &config, bool hasSecret, QWidget *parent)
    : QDialog(parent)
    , m_appId(new QLineEdit(config.appId, this))
    , m_secret(new QLineEdit(this))
    , m_metaAppId(new QLineEdit(config.metaAppId, this))
    , m_metaSecret(new QLineEdit(this))
    , m_redirect(urlEdit(config.redirectUri, tr("Redirect URI"), this))
    , m_www(urlEdit(config.hosts.www, tr("Login host"), this))
    , m_api(urlEdit(config.hosts.api, tr("Token host"), this))
    , m_graph(urlEdit(config.hosts.graph, tr("Graph API host"), this))
    , m_facebookGraph(urlEdit(config.hosts.facebookGraph, tr("Facebook Graph API host"), this))
    , m_apiVersion(new QLineEdit(config.hosts.apiVersion, this))
    , m_mediaUpload(urlEdit(config.mediaUploadUrl, tr("Media upload URL"), this))
    , m_mediaPublic(urlEdit(config.mediaPublicUrl, tr("Media public URL"), this))
    , m_mediaToken(new QLineEdit(this))
    , m_initial(config)
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_appId->setAccessibleName(tr("Instagram App ID"));
    m_appId->setPlaceholderText(tr("e.g. 1234567890123456"));
    m_secret->setAccessibleName(tr("Instagram App Secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(hasSecret ? tr("Stored in the keychain; type to replace it")
                                           : tr("Not set"));
    m_apiVersion->setAccessibleName(tr("Graph API version"));

    m_metaAppId->setAccessibleName(tr("Meta App ID"));
    m_metaAppId->setPlaceholderText(tr("Optional, e.g. 2345678901234567"));
    m_metaSecret->setAccessibleName(tr("Meta App Secret"));
    m_metaSecret->setEchoMode(QLineEdit::Password);
    setHasMetaSecret(false);

    auto *help = new QLabel(
        tr("<a href=\"help\">How to create a Meta app and find its Instagram App ID and "
           "Secret</a>"),
        this);
    help->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(help, &QLabel::linkActivated, this,
            [] { QDesktopServices::openUrl(metaAppHelpUrl()); });

    // A Meta app with Instagram login has two credential pairs; each goes where Meta takes it.
    auto *appBox = new QGroupBox(tr("Instagram app"), this);
    auto *appForm = new QFormLayout(appBox);
    auto *instagramNote = new QLabel(
        tr("In Meta's dashboard under Instagram > API setup with Instagram login (Business login "
           "settings). Inlet signs accounts in with this pair."),
        this);
    instagramNote->setWordWrap(true);
    appForm->addRow(instagramNote);
    appForm->addRow(tr("Instagram App ID:"), m_appId);
    appForm->addRow(tr("Instagram App Secret:"), m_secret);
    appForm->addRow(tr("Redirect URI:"), m_redirect);
    appForm->addRow(help);

    auto *metaBox = new QGroupBox(tr("Meta app (optional)"), this);
    auto *metaForm = new QFormLayout(metaBox);
    auto *metaNote = new QLabel(
        tr("In Meta's dashboard under App settings > Basic. Inlet uses this pair to register its "
           "webhook with Meta; without it, enter the callback URL and verify token in the "
           "dashboard yourself. Webhooks signed with either secret are accepted."),
        this);
    metaNote->setWordWrap(true);
    metaForm->addRow(metaNote);
    metaForm->addRow(tr("Meta App ID:"), m_metaAppId);
    metaForm->addRow(tr("Meta App Secret:"), m_metaSecret);
    auto *secretNote = new QLabel(
        tr("Both secrets are kept in your system keychain only, never in a settings file."), this);
    secretNote->setWordWrap(true);

    auto *hostBox = new QGroupBox(tr("Instagram hosts"), this);
    auto *hostForm = new QFormLayout(hostBox);
    hostForm->addRow(tr("Login:"), m_www);
    hostForm->addRow(tr("Token exchange:"), m_api);
    hostForm->addRow(tr("Graph API:"), m_graph);
    hostForm->addRow(tr("Facebook Graph API:"), m_facebookGraph);
    hostForm->addRow(tr("API version:"), m_apiVersion);
    auto *reset = new QPushButton(tr("Reset to Instagram"), hostBox);
    hostForm->addRow(reset);
    connect(reset, &QPushButton::clicked, this, &SettingsDialog::resetHostsToInstagram);

    m_mediaUpload->setPlaceholderText(tr("e.g. https://media.example.com/dav/inlet"));
    m_mediaPublic->setPlaceholderText(tr("e.g. https://media.example.com/inlet"));
    m_mediaToken->setAccessibleName(tr("Media host access token"));
    m_mediaToken->setEchoMode(QLineEdit::Password);
    setHasMediaToken(false);
    auto *mediaBox = new QGroupBox(tr("Media host"), this);
    auto *mediaForm = new QFormLayout(mediaBox);
    auto *mediaNote = new QLabel(
        tr("Instagram takes pictures and videos only from a public HTTPS address, so Inlet uploads "
           "each attachment to this host (HTTP PUT) and sends Instagram its public URL."),
        this);
    mediaNote->setWordWrap(true);
    mediaForm->addRow(mediaNote);
    mediaForm->addRow(tr("Upload URL:"), m_mediaUpload);
    mediaForm->addRow(tr("Public URL:"), m_mediaPublic);
    mediaForm->addRow(tr("Access token:"), m_mediaToken);

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Settings error"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appBox);
    layout->addWidget(metaBox);
    layout->addWidget(secretNote);
    layout->addWidget(hostBox);
    layout->addWidget(mediaBox);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QUrl SettingsDialog::metaAppHelpUrl()
{
    return QUrl(QStringLiteral("https://developers.facebook.com/docs/instagram-platform/"
                               "instagram-api-with-instagram-login/business-login"));
}

AppConfig SettingsDialog::config() const
{
    AppConfig config = m_initial;
    config.appId = m_appId->text().trimmed();
    config.metaAppId = m_metaAppId->text().trimmed();
    config.redirectUri = QUrl(m_redirect->text().trimmed());
    config.hosts.www = QUrl(m_www->text().trimmed());
    config.hosts.api = QUrl(m_api->text().trimmed());
    config.hosts.graph = QUrl(m_graph->text().trimmed());
    config.hosts.facebookGraph = QUrl(m_facebookGraph->text().trimmed());
    config.hosts.apiVersion = m_apiVersion->text().trimmed();
    config.mediaUploadUrl = QUrl(m_mediaUpload->text().trimmed());
    config.mediaPublicUrl = QUrl(m_mediaPublic->text().trimmed());
    return config;
}

std::optional<QString> SettingsDialog::newSecret() const
{
    const QString secret = m_secret->text().trimmed();
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
}

std::optional<QString> SettingsDialog::newMetaSecret() const
{
    const QString secret = m_metaSecret->text().trimmed();
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
}

void SettingsDialog::setHasMetaSecret(bool has)
{
    m_metaSecret->setPlaceholderText(
        has ? tr("Stored in the keychain; type to replace it") : tr("Not set"));
}

std::optional<QString> SettingsDialog::newMediaToken() const
{
    const QString token = m_mediaToken->text().trimmed();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

void SettingsDialog::setHasMediaToken(bool has)
{
    m_mediaToken->setPlaceholderText(has ? tr("Stored in the keychain; type to replace it")
                                         : tr("Optional: sent as \"Authorization: Bearer\""));
}

void SettingsDialog::resetHostsToInstagram()
{
    setHosts(InstagramHosts());
}

void SettingsDialog::setHosts(const InstagramHosts &hosts)
{
    m_www->setText(hosts.www.toString());
    m_api->setText(hosts.api.toString());
    m_graph->setText(hosts.graph.toString());
    m_facebookGraph->setText(hosts.facebookGraph.toString());
    m_apiVersion->setText(hosts.apiVersion);
}

QString SettingsDialog::validationError() const
{
    const QString appId = m_appId->text().trimmed();
    for (const QChar c : appId) {
        if (!c.isDigit())
            return tr("The App ID is a number, as shown in the Meta dashboard.");
    }
    const QString metaAppId = m_metaAppId->text().trimmed();
    for (const QChar c : metaAppId) {
        if (!c.isDigit())
            return tr("The Meta App ID is a number, as shown in the Meta dashboard under App "
                      "settings > Basic.");
    }
    if (metaAppId.isEmpty() && !m_metaSecret->text().trimmed().isEmpty())
        return tr("Enter the Meta App ID with its secret.");
    if (!isWebUrl(m_redirect->text()))
        return tr("The redirect URI must be a full http(s) address, exactly as registered in "
                  "the Meta dashboard.");
    for (const QLineEdit *edit : {m_www, m_api, m_graph, m_facebookGraph}) {
        if (!isWebUrl(edit->text()))
            return tr("\"%1\" is not a valid http(s) address.").arg(edit->text());
    }
    if (m_apiVersion->text().trimmed().isEmpty())
        return tr("The API version must not be empty (e.g. v25.0).");
    const QString upload = m_mediaUpload->text().trimmed();
    const QString pub = m_mediaPublic->text().trimmed();
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
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace inlet::app
