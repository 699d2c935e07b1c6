#pragma once

#include "service/appconfig.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace inlet::app {

namespace Ui {
class SettingsDialog;
}

// Edits the Meta app set-up: the Instagram App ID and Secret (sign-in), the Meta app's App ID and
// Secret (optional: the app-level webhook subscription), redirect URI, every Instagram host, and
// the media host attachments are uploaded to (with its optional access token).
// It only edits values; the caller saves them (settings to QSettings, secrets to the keychain).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `hasSecret`: a secret is already in the keychain (the field then stays empty, never shown).
    SettingsDialog(const AppConfig &config, bool hasSecret, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    AppConfig config() const;
    // The Instagram App Secret typed in this dialog; nullopt when the field was left empty (keep
    // the old one).
    std::optional<QString> newSecret() const;
    // The Meta app's App Secret typed here (AppSetup::storeMetaAppSecret); nullopt: keep.
    std::optional<QString> newMetaSecret() const;
    // A Meta app secret is already in the keychain (the field stays empty, never shown).
    void setHasMetaSecret(bool has);
    // The media host's access token typed here (keychain key HttpMediaUploader::mediaTokenKey());
    // nullopt: keep.
    std::optional<QString> newMediaToken() const;
    // A media host token is already in the keychain (the field stays empty, never shown).
    void setHasMediaToken(bool has);

    // Team mode: the team's server owns the Instagram and Meta apps and talks to Instagram, so
    // their boxes and the hosts are hidden (and pass through unchanged).
    void setTeamMode(bool team);

    static QUrl metaAppHelpUrl();

public slots:
    void resetHostsToInstagram();
    void accept() override;

private:
    void setHosts(const InstagramHosts &hosts);
    QString validationError() const;

    std::unique_ptr<Ui::SettingsDialog> m_ui; // the form, ui/settingsdialog.ui
    AppConfig m_initial; // fields this dialog does not show pass through unchanged
};

} // namespace inlet::app
