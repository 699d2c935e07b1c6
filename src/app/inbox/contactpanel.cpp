#include "app/inbox/contactpanel.h"

#include "app/inbox/contactavatar.h"
#include "app/inbox/contactnametext.h"
#include "ui_contactpanel.h"

#include <QDateTime>
#include <QLabel>
#include <QLocale>

namespace inlet::app {

ContactPanel::ContactPanel(ImageCache *images, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ContactPanel>())
{
    m_ui->setupUi(this);
    m_ui->avatar->setImageCache(images);
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_ui->name->setFont(big);
    clear();
}

ContactPanel::~ContactPanel() = default;

QList<QLabel *> ContactPanel::labels() const
{
    return { m_ui->name, m_ui->username, m_ui->followers, m_ui->follows, m_ui->started,
        m_ui->account };
}

void ContactPanel::setConversation(const ConversationRow &row, const QString &accountName)
{
    const ContactName name = contactName(row.name, row.username, row.customerId);
    m_ui->name->setText(contactNameText(name));
    // The @username goes under a name; without a name it is the name already.
    m_ui->username->setText(name.kind != ContactName::Kind::Name || row.username.isEmpty()
            ? QString()
            : QStringLiteral("@") + row.username);
    m_ui->followers->setText(tr("%n follower(s)", nullptr, row.followerCount));
    m_ui->follows->setText(
        row.followsBusiness ? tr("Follows your account") : tr("Does not follow your account"));
    m_ui->started->setText(row.startedMs > 0
            ? tr("Conversation started %1")
                  .arg(QLocale().toString(
                      QDateTime::fromMSecsSinceEpoch(row.startedMs).date(), QLocale::ShortFormat))
            : QString());
    m_ui->account->setText(
        tr("Account: %1").arg(accountName.isEmpty() ? row.accountId : accountName));
    m_ui->avatar->set(row.avatarPath, row.customerId, contactNameText(name));
}

void ContactPanel::clear()
{
    for (QLabel *label : labels())
        label->clear();
    m_ui->avatar->set({}, {}, {});
}

QString ContactPanel::summary() const
{
    QStringList parts;
    for (QLabel *label : labels())
        if (!label->text().isEmpty())
            parts << label->text();
    return parts.join(QLatin1Char('\n'));
}

QWidget *ContactPanel::avatar() const
{
    return m_ui->avatar;
}

} // namespace inlet::app
