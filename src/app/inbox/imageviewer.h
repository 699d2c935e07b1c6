#pragma once

#include <QDialog>
#include <QPixmap>
#include <QUrl>

class QLabel;
class QPushButton;
class QScrollArea;

namespace inlet::app {

class ImageCache;

// Paints one pixmap at a zoom factor; its size follows the zoom so a scroll area can pan it.
class ImageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget *parent = nullptr);
    void setPixmap(const QPixmap &pixmap);
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }
    QSize sizeHint() const override;

signals:
    void zoomRequested(int steps); // Ctrl+wheel: + in, - out

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QPixmap m_pixmap;
    double m_zoom = 1.0;
};

// "Click to view larger": one image inside the app (never a web view). The full image is loaded
// off the GUI thread through ImageCache (local file or https URL), shown fitted to the window;
// zoom with Ctrl+wheel, +/- or the 100 % / Fit buttons; Esc closes. "Open in browser" for an
// image with a public URL, "Save as…" to keep a copy.
class ImageViewer : public QDialog {
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 16.0;
    static constexpr double kZoomStep = 1.25;

    explicit ImageViewer(ImageCache *images, QWidget *parent = nullptr);

    // `source`: a local path or an http(s) URL; `url`: the public URL, if any (Open in browser).
    void showImage(const QString &source, const QUrl &url = {});
    QString source() const { return m_source; }
    bool isLoaded() const { return !m_pixmap.isNull(); }
    bool hasFailed() const { return m_failed; }
    QSize imageSize() const { return m_pixmap.size(); }
    double zoom() const;
    bool isFitted() const { return m_fit; }

    void zoomIn();
    void zoomOut();
    void setActualSize(); // 100 %
    void fitToWindow();
    // Writes the image to `path` (the original file when it is local); false when it could not.
    bool saveTo(const QString &path) const;

    QPushButton *openButton() const { return m_open; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void load();
    void setZoom(double zoom);
    void refit();
    void askSave();

    ImageCache *m_images;
    QString m_source;
    QUrl m_url;
    QPixmap m_pixmap;
    bool m_failed = false;
    bool m_fit = true;
    QScrollArea *m_scroll;
    ImageCanvas *m_canvas;
    QLabel *m_status;
    QLabel *m_zoomLabel;
    QPushButton *m_open;
    QPushButton *m_save;
};

} // namespace inlet::app
