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
    , m_redirect(urlEdit(config.redirectUri, tr("Redirect URI"), this))
    , m_www(urlEdit(config.hosts.www, tr("Login host"), this))
    , m_api(urlEdit(config.hosts.api, tr("Token host"), this))
    , m_graph(urlEdit(config.hosts.graph, tr("Graph API host"), this))
    , m_facebookGraph(urlEdit(config.hosts.facebookGraph, tr("Facebook Graph API host"), this))
    , m_apiVersion(new QLineEdit(config.hosts.apiVersion, this))
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

    auto *help = new QLabel(
        tr("<a href=\"help\">How to create a Meta app and find its Instagram App ID and "
           "Secret</a>"),
        this);
    help->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(help, &QLabel::linkActivated, this,
            [] { QDesktopServices::openUrl(metaAppHelpUrl()); });

    auto *appBox = new QGroupBox(tr("Instagram app"), this);
    auto *appForm = new QFormLayout(appBox);
    appForm->addRow(tr("App ID:"), m_appId);
    appForm->addRow(tr("App Secret:"), m_secret);
    appForm->addRow(tr("Redirect URI:"), m_redirect);
    auto *secretNote = new QLabel(
        tr("The App Secret is kept in your system keychain only, never in a settings file."), this);
    secretNote->setWordWrap(true);
    appForm->addRow(secretNote);
    appForm->addRow(help);

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

    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Settings error"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appBox);
    layout->addWidget(hostBox);
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
    AppConfig config;
    config.appId = m_appId->text().trimmed();
    config.redirectUri = QUrl(m_redirect->text().trimmed());
    config.hosts.www = QUrl(m_www->text().trimmed());
    config.hosts.api = QUrl(m_api->text().trimmed());
    config.hosts.graph = QUrl(m_graph->text().trimmed());
    config.hosts.facebookGraph = QUrl(m_facebookGraph->text().trimmed());
    config.hosts.apiVersion = m_apiVersion->text().trimmed();
    return config;
}

std::optional<QString> SettingsDialog::newSecret() const
{
    const QString secret = m_secret->text().trimmed();
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
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
    if (!isWebUrl(m_redirect->text()))
        return tr("The redirect URI must be a full http(s) address, exactly as registered in "
                  "the Meta dashboard.");
    for (const QLineEdit *edit : {m_www, m_api, m_graph, m_facebookGraph}) {
        if (!isWebUrl(edit->text()))
            return tr("\"%1\" is not a valid http(s) address.").arg(edit->text());
    }
    if (m_apiVersion->text().trimmed().isEmpty())
        return tr("The API version must not be empty (e.g. v25.0).");
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
