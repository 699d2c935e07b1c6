#include "app/shell/welcomepage.h"

#include "app/shell/appresources.h"
#include "ui_welcomepage.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>

namespace inlet::app {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
{
    initResources();
    m_ui->setupUi(this);
    m_ui->logo->setPixmap(QIcon(QStringLiteral(":/icons/inlet.svg")).pixmap(96, 96));
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);
    // The notice can carry error_description from an OAuth redirect: foreign text, so the form
    // makes it plain text, never rich text.
    m_ui->notice->hide();

    connect(m_ui->settingsLink, &QLabel::linkActivated, this, &WelcomePage::settingsRequested);
    connect(m_ui->connectButton, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_ui->sandboxButton, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
}

WelcomePage::~WelcomePage() = default;

QPushButton *WelcomePage::connectButton() const
{
    return m_ui->connectButton;
}

QPushButton *WelcomePage::sandboxButton() const
{
    return m_ui->sandboxButton;
}

void WelcomePage::setNotice(const QString &text)
{
    m_ui->notice->setText(text);
    m_ui->notice->setVisible(!text.isEmpty());
}

void WelcomePage::setBusy(bool busy)
{
    m_ui->connectButton->setEnabled(!busy);
    m_ui->sandboxButton->setEnabled(!busy);
}

} // namespace inlet::app
