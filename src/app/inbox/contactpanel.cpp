#include "app/inbox/contactpanel.h"

#include "app/inbox/avatarpainter.h"
#include "app/inbox/contactnametext.h"
#include "app/inbox/imagecache.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace inlet::app {

namespace {
constexpr int kPicture = 96;
}

// The contact's picture, painted at the screen's pixel ratio on every paint (so it stays sharp
// when the window moves to another screen); the coloured disc with the initial without one.
class ContactAvatar : public QWidget {
public:
    ContactAvatar(ImageCache *images, QWidget *parent)
        : QWidget(parent)
        , m_images(images)
    {
        setFixedSize(kPicture, kPicture);
        if (m_images)
            connect(m_images, &ImageCache::ready, this, [this](const QString &source) {
                if (source == m_path)
                    update();
            });
    }

    void set(const QString &path, const QString &customerId, const QString &name)
    {
        m_path = path;
        m_customerId = customerId;
        m_name = name;
        setAccessibleName(name.isEmpty() ? QString() : ContactPanel::tr("Picture of %1").arg(name));
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_name.isEmpty() && m_path.isEmpty())
            return;
        QPainter painter(this);
        AvatarPainter::paint(&painter, QRectF(rect()), m_images, m_path, m_customerId, m_name);
    }

private:
    ImageCache *m_images;
    QString m_path;
    QString m_customerId;
    QString m_name;
};

ContactPanel::ContactPanel(ImageCache *images, QWidget *parent)
    : QWidget(parent)
    , m_avatar(new ContactAvatar(images, this))
    , m_name(new QLabel(this))
    , m_username(new QLabel(this))
    , m_followers(new QLabel(this))
    , m_follows(new QLabel(this))
    , m_started(new QLabel(this))
    , m_account(new QLabel(this))
{
    setAccessibleName(tr("Contact details"));
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
    clear();
}

void ContactPanel::setConversation(const ConversationRow &row, const QString &accountName)
{
    const ContactName name = contactName(row.name, row.username, row.customerId);
    m_name->setText(contactNameText(name));
    // The @username goes under a name; without a name it is the name already.
    m_username->setText(name.kind != ContactName::Kind::Name || row.username.isEmpty()
                            ? QString()
                            : QStringLiteral("@") + row.username);
    m_followers->setText(tr("%n follower(s)", nullptr, row.followerCount));
    m_follows->setText(row.followsBusiness ? tr("Follows your account") : tr("Does not follow your account"));
    m_started->setText(row.startedMs > 0
                           ? tr("Conversation started %1")
                                 .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.startedMs).date(),
                                                         QLocale::ShortFormat))
                           : QString());
    m_account->setText(tr("Account: %1").arg(accountName.isEmpty() ? row.accountId : accountName));
    m_avatar->set(row.avatarPath, row.customerId, contactNameText(name));
}

void ContactPanel::clear()
{
    for (QLabel *label : {m_name, m_username, m_followers, m_follows, m_started, m_account})
        label->clear();
    m_avatar->set({}, {}, {});
}

QString ContactPanel::summary() const
{
    QStringList parts;
    for (QLabel *label : {m_name, m_username, m_followers, m_follows, m_started, m_account})
        if (!label->text().isEmpty())
            parts << label->text();
    return parts.join(QLatin1Char('\n'));
}

QWidget *ContactPanel::avatar() const
{
    return m_avatar;
}

} // namespace inlet::app
