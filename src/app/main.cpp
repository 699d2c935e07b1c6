#include "app/shell/mainwindow.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("inlet"));
    QApplication::setOrganizationName(QStringLiteral("Inlet"));
    inlet::app::MainWindow window;
    window.show();
    return QApplication::exec();
}
