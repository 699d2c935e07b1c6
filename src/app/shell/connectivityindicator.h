#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace inlet {
class Connectivity;
}

namespace inlet::app {

// The status bar's offline notice: "Offline: can't reach Instagram (retrying in 20 s)" (or "the
// sandbox" when it stands in for Instagram) with a "Retry now" button, shown while Connectivity
// reports a host unreachable and hidden again on the next answer. The countdown follows the
// Connectivity's own probe schedule; the tooltip carries the technical reason.
class ConnectivityIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ConnectivityIndicator(QWidget *parent = nullptr);

    void setConnectivity(Connectivity *connectivity);
    // Name the sandbox instead of Instagram in the text.
    void setSandbox(bool sandbox);

    // The text shown: secondsLeft < 0 while a retry is under way.
    static QString offlineText(bool sandbox, int secondsLeft);

    QLabel *label() const { return m_label; }
    QToolButton *retryButton() const { return m_retry; }

signals:
    // "Retry now": probe at once and sync (CoreBridge does both).
    void retryRequested();

private:
    void refresh();

    QPointer<Connectivity> m_connectivity;
    QLabel *m_dot;
    QLabel *m_label;
    QToolButton *m_retry;
    QTimer m_countdown;
    bool m_sandbox = false;
};

} // namespace inlet::app
