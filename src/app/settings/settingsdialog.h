#pragma once

#include "service/appconfig.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;

namespace inlet::app {

// Edits the Meta app set-up: App ID, App Secret, redirect URI and every Instagram host.
// It only edits values; the caller saves them (settings to QSettings, the secret to the keychain).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `hasSecret`: a secret is already in the keychain (the field then stays empty, never shown).
    SettingsDialog(const AppConfig &config, bool hasSecret, QWidget *parent = nullptr);

    AppConfig config() const;
    // The secret typed in this dialog; nullopt when the field was left empty (keep the old one).
    std::optional<QString> newSecret() const;

    static QUrl metaAppHelpUrl();

public slots:
    void resetHostsToInstagram();
    void accept() override;

private:
    void setHosts(const InstagramHosts &hosts);
    QString validationError() const;

    QLineEdit *m_appId;
    QLineEdit *m_secret;
    QLineEdit *m_redirect;
    QLineEdit *m_www;
    QLineEdit *m_api;
    QLineEdit *m_graph;
    QLineEdit *m_facebookGraph;
    QLineEdit *m_apiVersion;
    QLabel *m_error;
};

} // namespace inlet::app
