#include "app/shell/appresources.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initAppResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace inlet::app {

void initResources()
{
    static const bool done = (initAppResources(), true);
    Q_UNUSED(done);
}

void installTranslators(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(
            QLocale(), QStringLiteral("inlet"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace inlet::app
