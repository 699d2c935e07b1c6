#pragma once

#include <QMainWindow>

namespace inlet::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace inlet::app
