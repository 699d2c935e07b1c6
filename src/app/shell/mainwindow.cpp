#include "app/shell/mainwindow.h"

#include <QLabel>

namespace inlet::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Inlet"));
    setCentralWidget(new QLabel(tr("No accounts connected yet."), this));
    resize(1100, 720);
}

} // namespace inlet::app
