#include "app/inbox/contactpanel.h"

#include "app/inbox/imagecache.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace inlet::app {

namespace {
constexpr int kPicture = 96;
}

ContactPanel::ContactPanel(ImageCache *images, QWidget *parent)
    : QWidget(parent)
    , m_images(images)
    , m_avatar(new QLabel(this))
    , m_name(new QLabel(this))
    , m_username(new QLabel(this))
    , m_followers(new QLabel(this))
    , m_follows(new QLabel(this))
    , m_started(new QLabel(this))
    , m_account(new QLabel(this))
{
    setAccessibleName(tr("Contact details"));
    m_avatar->setFixedSize(kPicture, kPicture);
    m_avatar->setAlignment(Qt::AlignCenter);
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_name->setFont(big);
    for (QLabel *label : {m_name, m_username, m_followers, m_follows, m_started, m_account}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_avatar, 0, Qt::AlignHCenter);
    layout->addWidget(m_name);
    layout->addWidget(m_username);
    layout->addSpacing(8);
    layout->addWidget(m_followers);
    layout->addWidget(m_follows);
    layout->addWidget(m_started);
    layout->addWidget(m_account);
    layout->addStretch(1);
    if (m_images)
        connect(m_images, &ImageCache::ready, this, [this](const QString &source) {
            if (source == m_avatarPath)
                refreshAvatar();
        });
    clear();
}

void ContactPanel::setConversation(const ConversationRow &row, const QString &accountName)
{
    m_name->setText(row.name.isEmpty() ? tr("Unknown customer") : row.name);
    m_username->setText(row.username.isEmpty() ? QString() : QStringLiteral("@") + row.username);
    m_followers->setText(tr("%n follower(s)", nullptr, row.followerCount));
    m_follows->setText(row.followsBusiness ? tr("Follows your account") : tr("Does not follow your account"));
    m_started->setText(row.startedMs > 0
                           ? tr("Conversation started %1")
                                 .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.startedMs).date(),
                                                         QLocale::ShortFormat))
                           : QString());
    m_account->setText(tr("Account: %1").arg(accountName.isEmpty() ? row.accountId : accountName));
    m_avatarPath = row.avatarPath;
    refreshAvatar();
}

void ContactPanel::clear()
{
    for (QLabel *label : {m_name, m_username, m_followers, m_follows, m_started, m_account})
        label->clear();
    m_avatarPath.clear();
    m_avatar->clear();
}

QString ContactPanel::summary() const
{
    QStringList parts;
    for (QLabel *label : {m_name, m_username, m_followers, m_follows, m_started, m_account})
        if (!label->text().isEmpty())
            parts << label->text();
    return parts.join(QLatin1Char('\n'));
}

void ContactPanel::refreshAvatar()
{
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = m_images && !m_avatarPath.isEmpty()
        ? m_images->thumbnail(m_avatarPath, QSize(kPicture, kPicture) * dpr)
        : QPixmap();
    if (pixmap.isNull()) {
        m_avatar->setText(m_name->text().left(1).toUpper());
        return;
    }
    pixmap.setDevicePixelRatio(dpr);
    m_avatar->setPixmap(pixmap);
}

} // namespace inlet::app
