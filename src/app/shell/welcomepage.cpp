#include "app/shell/welcomepage.h"

#include "app/shell/appresources.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace inlet::app {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_connect(new QPushButton(tr("Connect an Instagram account"), this))
    , m_sandbox(new QPushButton(tr("Try the sandbox"), this))
    , m_notice(new QLabel(this))
{
    initResources();
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/inlet.svg")).pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to Inlet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto *intro = new QLabel(
        tr("Answer your business's Instagram Direct Messages from your desktop.\n"
           "Connect an Instagram professional account, or try everything first with the "
           "built-in sandbox: a pretend Instagram with simulated customers."),
        this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    for (QPushButton *button : {m_connect, m_sandbox}) {
        button->setMinimumHeight(40);
        button->setMinimumWidth(300);
    }
    m_connect->setDefault(true);
    m_connect->setToolTip(tr("Sign in with Instagram (uses the Meta app set up in Settings)"));
    m_sandbox->setToolTip(tr("Start the local sandbox and sign in to its demo business account"));

    auto *settings = new QLabel(tr("<a href=\"settings\">Settings…</a>"), this);
    settings->setAlignment(Qt::AlignCenter);
    settings->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(settings, &QLabel::linkActivated, this, &WelcomePage::settingsRequested);

    m_notice->setWordWrap(true);
    // It can carry error_description from an OAuth redirect: foreign text, never rich text.
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setAccessibleName(tr("Notice"));
    m_notice->hide();

    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(logo);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addWidget(m_connect, 0, Qt::AlignHCenter);
    column->addWidget(m_sandbox, 0, Qt::AlignHCenter);
    column->addWidget(settings);
    column->addWidget(m_notice);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column, 2);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    connect(m_connect, &QPushButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
}

void WelcomePage::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void WelcomePage::setBusy(bool busy)
{
    m_connect->setEnabled(!busy);
    m_sandbox->setEnabled(!busy);
}

} // namespace inlet::app
