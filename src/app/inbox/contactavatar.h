#pragma once

#include <QWidget>

namespace inlet::app {

class ImageCache;

// The contact's picture in the contact panel, painted at the screen's pixel ratio on every paint
// (so it stays sharp when the window moves to another screen); the coloured disc with the initial
// without one. The contact panel's form (ui/contactpanel.ui) places it.
class ContactAvatar : public QWidget {
    Q_OBJECT
public:
    explicit ContactAvatar(QWidget *parent = nullptr);

    // Where pictures come from; repaints when the current one arrives. Null: the disc only.
    void setImageCache(ImageCache *images);
    void set(const QString &path, const QString &customerId, const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    ImageCache *m_images = nullptr;
    QString m_path;
    QString m_customerId;
    QString m_name;
};

} // namespace inlet::app
