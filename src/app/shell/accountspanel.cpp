#include "app/shell/accountspanel.h"

#include "app/shell/avatarloader.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace inlet::app {

namespace {
constexpr int kAvatarSize = 40;
}

AccountRow::AccountRow(const Account &account, AvatarLoader *avatars, QWidget *parent)
    : QWidget(parent)
    , m_avatars(avatars)
    , m_avatar(new QLabel(this))
    , m_name(new QLabel(this))
    , m_username(new QLabel(this))
    , m_subscription(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_reconnect(new QPushButton(tr("Reconnect"), this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
{
    m_avatar->setFixedSize(kAvatarSize, kAvatarSize);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_username->setForegroundRole(QPalette::PlaceholderText);
    // Long names are cut rather than widening the panel.
    for (QLabel *label : { m_name, m_username, m_subscription })
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_subscription->setObjectName(QStringLiteral("subscriptionState"));
    m_subscription->setForegroundRole(QPalette::PlaceholderText);
    m_subscription->hide(); // until the core reports a state
    m_disconnect->setFlat(true);
    m_disconnect->setToolTip(tr("Remove this account from Inlet"));

    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    text->addWidget(m_name);
    text->addWidget(m_username);
    text->addWidget(m_subscription);
    auto *top = new QHBoxLayout;
    top->addWidget(m_avatar);
    top->addLayout(text, 1);
    top->addWidget(m_disconnect);

    // The banner: clear about what happened and what one click does about it.
    auto *bannerFrame = static_cast<QFrame *>(m_banner);
    bannerFrame->setFrameShape(QFrame::StyledPanel);
    bannerFrame->setAutoFillBackground(true);
    QPalette warn = bannerFrame->palette();
    warn.setColor(QPalette::Window, QColor(0xff, 0xe3, 0xa3));
    warn.setColor(QPalette::WindowText, QColor(0x4a, 0x32, 0x00));
    bannerFrame->setPalette(warn);
    auto *bannerText = new QLabel(tr("Needs sign-in: Instagram no longer accepts this account's "
                                     "access. Messages are kept; sending waits."),
                                  m_banner);
    bannerText->setWordWrap(true);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    bannerLayout->addWidget(bannerText, 1);
    bannerLayout->addWidget(m_reconnect);
    m_reconnect->setParent(m_banner);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_banner);

    connect(m_reconnect, &QPushButton::clicked, this,
            [this] { emit reconnectRequested(m_account.id); });
    connect(m_disconnect, &QPushButton::clicked, this,
            [this] { emit disconnectRequested(m_account.id); });
    connect(m_avatars, &AvatarLoader::avatarReady, this, [this](const QString &key) {
        if (key == m_account.id)
            refreshAvatar();
    });
    setAccount(account);
}

void AccountRow::setAccount(const Account &account)
{
    m_account = account;
    const QString name = account.name.isEmpty() ? account.username : account.name;
    m_name->setText(name);
    m_username->setText(QStringLiteral("@") + account.username);
    m_banner->setVisible(account.needsSignIn);
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
        return tr("Webhook subscription failed: %1").arg(status.error.message);
    }
    return {};
}

void AccountRow::setSubscriptionStatus(const SubscriptionKeeper::Status &status, qint64 nowMs)
{
    const QString text = describe(status, nowMs);
    m_subscription->setText(text);
    m_subscription->setToolTip(text);
    m_subscription->setVisible(!text.isEmpty());
}

QString AccountRow::subscriptionText() const
{
    return m_subscription->isHidden() ? QString() : m_subscription->text();
}

bool AccountRow::bannerVisible() const
{
    return !m_banner->isHidden();
}

void AccountRow::refreshAvatar()
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = m_avatars->avatar(m_account.id, m_account.name.isEmpty() ? m_account.username
                                                                            : m_account.name,
                                       int(kAvatarSize * dpr));
    pixmap.setDevicePixelRatio(dpr);
    m_avatar->setPixmap(pixmap);
}

AccountsPanel::AccountsPanel(AvatarLoader *avatars, QWidget *parent)
    : QWidget(parent)
    , m_avatars(avatars)
    , m_list(new QVBoxLayout)
{
    auto *title = new QLabel(tr("Accounts"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(m_list);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);

    auto *add = new QPushButton(tr("Connect another account…"), this);
    connect(add, &QPushButton::clicked, this, &AccountsPanel::connectRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(scroll, 1);
    layout->addWidget(add);
    setMinimumWidth(320);

    m_nowMs = [] { return QDateTime::currentMSecsSinceEpoch(); };
    // "Live (last event 2 min ago)" ages by itself.
    connect(&m_refresh, &QTimer::timeout, this, &AccountsPanel::refreshStatuses);
    m_refresh.start(30'000);
}

void AccountsPanel::setSubscriptionStatus(
    const QString &accountId, const SubscriptionKeeper::Status &status)
{
    m_statuses.insert(accountId, status);
    if (AccountRow *r = m_rows.value(accountId))
        r->setSubscriptionStatus(status, m_nowMs());
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

void AccountsPanel::setAccounts(const QList<Account> &accounts)
{
    for (AccountRow *row : std::as_const(m_rows))
        m_list->removeWidget(row);
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
        }
        if (const auto status = m_statuses.constFind(account.id); status != m_statuses.cend())
            row->setSubscriptionStatus(*status, m_nowMs());
        m_list->addWidget(row); // in the order of `accounts`
        keep.insert(account.id, row);
    }
    qDeleteAll(m_rows);
    m_rows = keep;
}

} // namespace inlet::app
