#include "app/inbox/inboxlayout.h"

#include "app/inbox/inboxwidget.h"

#include <QSettings>

namespace inlet::app {

namespace {

const QString kListWidthKey = QStringLiteral("layout/conversationListWidth");
const QString kContactWidthKey = QStringLiteral("layout/contactPanelWidth");
const QString kContactOpenKey = QStringLiteral("layout/contactPanelOpen");

} // namespace

InboxLayout InboxLayout::load(const QSettings &settings)
{
    const InboxLayout defaults;
    InboxLayout layout;
    // A width of 0 or less (an edited file) falls back to the default.
    const auto width = [&settings](const QString &key, int fallback) {
        const int px = settings.value(key, fallback).toInt();
        return px > 0 ? px : fallback;
    };
    layout.listWidth = width(kListWidthKey, defaults.listWidth);
    layout.contactWidth = width(kContactWidthKey, defaults.contactWidth);
    layout.contactPanelOpen = settings.value(kContactOpenKey, defaults.contactPanelOpen).toBool();
    return layout;
}

void InboxLayout::save(QSettings &settings) const
{
    settings.setValue(kListWidthKey, listWidth);
    settings.setValue(kContactWidthKey, contactWidth);
    settings.setValue(kContactOpenKey, contactPanelOpen);
}

void InboxLayout::keepInProfile(InboxWidget *inbox, QSettings *settings)
{
    inbox->setLayoutState(load(*settings));
    QObject::connect(inbox, &InboxWidget::layoutChanged, inbox,
        [inbox, settings] { inbox->layoutState().save(*settings); });
}

} // namespace inlet::app
