#include "app/inbox/snoozedialog.h"

#include "ui_snoozedialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>

namespace inlet::app {

SnoozeDialog::SnoozeDialog(const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SnoozeDialog>())
{
    m_ui->setupUi(this);
    const QDateTime local = now.toLocalTime();
    m_ui->until->setMinimumDateTime(local.addSecs(60));
    // Tomorrow at the next full hour: a sensible start to adjust from.
    QDateTime start = local.addDays(1);
    start.setTime(QTime(start.time().hour(), 0));
    m_ui->until->setDateTime(start.addSecs(3600));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SnoozeDialog::~SnoozeDialog() = default;

QDateTime SnoozeDialog::until() const
{
    return m_ui->until->dateTime();
}

void SnoozeDialog::setUntil(const QDateTime &until)
{
    m_ui->until->setDateTime(until.toLocalTime());
}

} // namespace inlet::app
