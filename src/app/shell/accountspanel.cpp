#include "app/shell/accountspanel.h"

#include "app/shell/avatarloader.h"
#include "app/shell/errortext.h"
#include "ui_accountrow.h"
#include "ui_accountspanel.h"

#include <QDateTime>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace inlet::app {

AccountRow::AccountRow(const Account &account, AvatarLoader *avatars, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountRow>())
    , m_avatars(avatars)
{
    m_ui->setupUi(this);
    m_ui->username->setForegroundRole(QPalette::PlaceholderText);
    m_ui->subscriptionState->setForegroundRole(QPalette::PlaceholderText);
    m_ui->subscriptionState->hide(); // until the core reports a state

    // The banner: clear about what happened and what one click does about it.
    QPalette warn = m_ui->banner->palette();
    warn.setColor(QPalette::Window, QColor(0xff, 0xe3, 0xa3));
    warn.setColor(QPalette::WindowText, QColor(0x4a, 0x32, 0x00));
    m_ui->banner->setPalette(warn);

    connect(m_ui->reconnectButton, &QPushButton::clicked, this,
        [this] { emit reconnectRequested(m_account.id); });
    connect(m_ui->disconnectButton, &QPushButton::clicked, this,
        [this] { emit disconnectRequested(m_account.id); });
    connect(m_avatars, &AvatarLoader::avatarReady, this, [this](const QString &key) {
        if (key == m_account.id)
            refreshAvatar();
    });
    setAccount(account);
}

AccountRow::~AccountRow() = default;

QPushButton *AccountRow::reconnectButton() const
{
    return m_ui->reconnectButton;
}

QPushButton *AccountRow::disconnectButton() const
{
    return m_ui->disconnectButton;
}

void AccountRow::setDisconnectControl(DisconnectControl control)
{
    m_ui->disconnectButton->setVisible(control != DisconnectControl::Hidden);
    m_ui->disconnectButton->setToolTip(control == DisconnectControl::Team
            ? tr("Disconnect this account from the team: the team server stops its webhooks and "
                 "forgets its token, and it leaves every agent's Inlet")
            : tr("Remove this account from Inlet"));
}

void AccountRow::setAccount(const Account &account)
{
    m_account = account;
    const QString name = account.name.isEmpty() ? account.username : account.name;
    m_ui->name->setText(name);
    m_ui->username->setText(QStringLiteral("@") + account.username);
    m_ui->banner->setVisible(account.needsSignIn);
    setAccessibleName(tr("Account %1").arg(name));
    m_avatars->request(account.id, QUrl(account.profilePictureUrl));
    refreshAvatar();
}

QString AccountRow::describe(const SubscriptionKeeper::Status &status, qint64 nowMs)
{
    using State = SubscriptionKeeper::State;
    switch (status.state) {
    case State::Checking:
        return tr("Webhooks: checking the subscription…");
    case State::Live: {
        if (status.lastEventMs <= 0)
            return tr("Live (no event yet)");
        const qint64 seconds = std::max<qint64>(0, (nowMs - status.lastEventMs) / 1000);
        QString ago;
        if (seconds < 60)
            ago = tr("just now");
        else if (seconds < 3600)
            ago = tr("%n min ago", nullptr, int(seconds / 60));
        else if (seconds < 48 * 3600)
            ago = tr("%n h ago", nullptr, int(seconds / 3600));
        else
            ago = tr("%n days ago", nullptr, int(seconds / 86400));
        return tr("Live (last event %1)").arg(ago);
    }
    case State::SubscriptionOff:
        return tr("Subscription off: re-subscribing");
    case State::Polling:
        return tr("No public URL: polling every %n s", nullptr,
            std::max(1, status.pollIntervalMs / 1000));
    case State::Failed:
        return tr("Webhook subscription failed: %1").arg(errorText(status.error));
    }
    return {};
}

void AccountRow::setSubscriptionStatus(const SubscriptionKeeper::Status &status, qint64 nowMs)
{
    const QString text = describe(status, nowMs);
    m_ui->subscriptionState->setText(text);
    m_ui->subscriptionState->setToolTip(text);
    m_ui->subscriptionState->setVisible(!text.isEmpty());
}

QString AccountRow::subscriptionText() const
{
    return m_ui->subscriptionState->isHidden() ? QString() : m_ui->subscriptionState->text();
}

bool AccountRow::bannerVisible() const
{
    return !m_ui->banner->isHidden();
}

void AccountRow::refreshAvatar()
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = m_avatars->avatar(m_account.id,
        m_account.name.isEmpty() ? m_account.username : m_account.name,
        int(m_ui->avatar->maximumWidth() * dpr));
    pixmap.setDevicePixelRatio(dpr);
    m_ui->avatar->setPixmap(pixmap);
}

AccountsPanel::AccountsPanel(AvatarLoader *avatars, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsPanel>())
    , m_avatars(avatars)
{
    m_ui->setupUi(this);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &AccountsPanel::connectRequested);

    m_nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    // "Live (last event 2 min ago)" ages by itself.
    connect(&m_refresh, &QTimer::timeout, this, &AccountsPanel::refreshStatuses);
    m_refresh.start(30'000);
}

AccountsPanel::~AccountsPanel() = default;

void AccountsPanel::setSubscriptionStatus(
    const QString &accountId, const SubscriptionKeeper::Status &status)
{
    m_statuses.insert(accountId, status);
    if (AccountRow *r = m_rows.value(accountId))
        r->setSubscriptionStatus(status, m_nowMs());
}

QPushButton *AccountsPanel::connectButton() const
{
    return m_ui->connectButton;
}

void AccountsPanel::setClock(std::function<qint64()> nowMs)
{
    m_nowMs = std::move(nowMs);
    refreshStatuses();
}

void AccountsPanel::refreshStatuses()
{
    for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it) {
        if (AccountRow *r = m_rows.value(it.key()))
            r->setSubscriptionStatus(it.value(), m_nowMs());
    }
}

void AccountsPanel::setDisconnectControl(DisconnectControl control)
{
    m_disconnect = control;
    for (AccountRow *row : std::as_const(m_rows))
        row->setDisconnectControl(control);
}

void AccountsPanel::setAccounts(const QList<Account> &accounts)
{
    for (AccountRow *row : std::as_const(m_rows))
        m_ui->list->removeWidget(row);
    QHash<QString, AccountRow *> keep;
    for (const Account &account : accounts) {
        AccountRow *row = m_rows.take(account.id);
        if (row) {
            row->setAccount(account);
        } else {
            row = new AccountRow(account, m_avatars, this);
            connect(row, &AccountRow::reconnectRequested, this, &AccountsPanel::reconnectRequested);
            connect(row, &AccountRow::disconnectRequested, this,
                    &AccountsPanel::disconnectRequested);
            row->setDisconnectControl(m_disconnect);
        }
        if (const auto status = m_statuses.constFind(account.id); status != m_statuses.cend())
            row->setSubscriptionStatus(*status, m_nowMs());
        m_ui->list->addWidget(row); // in the order of `accounts`
        keep.insert(account.id, row);
    }
    qDeleteAll(m_rows);
    m_rows = keep;
}

} // namespace inlet::app
