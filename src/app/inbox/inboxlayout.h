#pragma once

class QSettings;

namespace inlet::app {

class InboxWidget;

// How the manager arranged the inbox: the conversation list's and the contact panel's widths
// (the conversation takes the rest) and whether the contact panel is open. Kept per profile, in
// its inlet.ini under layout/.
struct InboxLayout {
    int listWidth = 280;
    int contactWidth = 220;
    bool contactPanelOpen = true;

    static InboxLayout load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Gives `inbox` the layout kept in `settings` and keeps every change made there (the
    // composition root's wiring; `settings` must outlive `inbox`).
    static void keepInProfile(InboxWidget *inbox, QSettings *settings);

    bool operator==(const InboxLayout &) const = default;
};

} // namespace inlet::app
