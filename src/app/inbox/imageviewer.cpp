#include "app/inbox/imageviewer.h"

#include "app/inbox/imagecache.h"
#include "common/logging.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace inlet::app {

namespace {

// Big enough for any Instagram image and a phone photo on a 4K screen, small enough to stay well
// inside ImageCache's budget.
constexpr QSize kFullBox(2560, 2560);

bool isWebUrl(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
}

} // namespace

ImageCanvas::ImageCanvas(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Image"));
}

void ImageCanvas::setPixmap(const QPixmap &pixmap)
{
    m_pixmap = pixmap;
    resize(sizeHint());
    update();
}

void ImageCanvas::setZoom(double zoom)
{
    m_zoom = zoom;
    resize(sizeHint());
    update();
}

QSize ImageCanvas::sizeHint() const
{
    if (m_pixmap.isNull())
        return { 1, 1 };
    return (QSizeF(m_pixmap.size()) * m_zoom).toSize().expandedTo(QSize(1, 1));
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    if (m_pixmap.isNull())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 2.0);
    // Only the exposed part is rasterised: a 16x zoom stays cheap.
    painter.scale(m_zoom, m_zoom);
    painter.drawPixmap(0, 0, m_pixmap);
}

void ImageCanvas::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            emit zoomRequested(steps);
        event->accept();
        return;
    }
    QWidget::wheelEvent(event);
}

ImageViewer::ImageViewer(ImageCache *images, QWidget *parent)
    : QDialog(parent)
    , m_images(images)
    , m_scroll(new QScrollArea(this))
    , m_canvas(new ImageCanvas)
    , m_status(new QLabel(this))
    , m_zoomLabel(new QLabel(this))
    , m_open(new QPushButton(tr("Open in browser"), this))
    , m_save(new QPushButton(tr("Save as…"), this))
{
    setWindowTitle(tr("Image"));
    m_scroll->setWidget(m_canvas);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setAccessibleName(tr("Image"));
    m_status->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setAccessibleName(tr("Zoom"));
    m_zoomLabel->setMinimumWidth(
        m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("1600 %")));

    auto *actual = new QPushButton(tr("100 %"), this);
    actual->setToolTip(tr("Show the image at its real size"));
    auto *fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Fit the image to the window (Ctrl+wheel, + and - zoom)"));
    m_open->setToolTip(tr("Open the image's address in the system browser"));
    m_save->setToolTip(tr("Save a copy of the image"));
    auto *close = new QPushButton(tr("Close"), this);
    for (QPushButton *b : { actual, fit, m_open, m_save, close })
        b->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(actual);
    buttons->addWidget(fit);
    buttons->addWidget(m_zoomLabel);
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    buttons->setContentsMargins(8, 0, 8, 0);

    connect(actual, &QPushButton::clicked, this, &ImageViewer::setActualSize);
    connect(fit, &QPushButton::clicked, this, &ImageViewer::fitToWindow);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_url); });
    connect(m_save, &QPushButton::clicked, this, &ImageViewer::askSave);
    connect(m_canvas, &ImageCanvas::zoomRequested, this, [this](int steps) {
        for (int i = 0; i < qAbs(steps); ++i)
            steps > 0 ? zoomIn() : zoomOut();
    });
    for (const QKeySequence &keys : { QKeySequence(QKeySequence::ZoomIn),
             QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal) })
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ImageViewer::zoomIn);
    for (const QKeySequence &keys :
        { QKeySequence(QKeySequence::ZoomOut), QKeySequence(Qt::Key_Minus) })
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ImageViewer::zoomOut);
    connect(m_images, &ImageCache::ready, this, [this](const QString &source) {
        if (source == m_source && m_pixmap.isNull())
            load();
    });
    resize(900, 700);
}

void ImageViewer::showImage(const QString &source, const QUrl &url)
{
    m_source = source;
    m_url = url;
    m_pixmap = QPixmap();
    m_failed = false;
    m_fit = true;
    m_canvas->setPixmap({});
    const QUrl asUrl(source);
    const QString name = isWebUrl(asUrl) ? asUrl.fileName() : QFileInfo(source).fileName();
    setWindowTitle(name.isEmpty() ? tr("Image") : tr("Image: %1").arg(name));
    m_open->setEnabled(isWebUrl(url));
    load();
}

void ImageViewer::load()
{
    m_pixmap = m_images->thumbnail(m_source, kFullBox);
    m_failed = m_pixmap.isNull() && m_images->hasFailed(m_source, kFullBox);
    m_save->setEnabled(!m_pixmap.isNull());
    if (m_pixmap.isNull()) {
        m_status->setText(m_failed ? tr("The image could not be loaded.") : tr("Loading image…"));
        m_status->setVisible(true);
        m_zoomLabel->clear();
        return;
    }
    m_status->setVisible(false);
    m_canvas->setPixmap(m_pixmap);
    if (m_fit)
        refit();
    else
        setZoom(m_canvas->zoom());
}

double ImageViewer::zoom() const
{
    return m_canvas->zoom();
}

void ImageViewer::setZoom(double zoom)
{
    m_canvas->setZoom(qBound(kMinZoom, zoom, kMaxZoom));
    m_zoomLabel->setText(tr("%1 %").arg(qRound(m_canvas->zoom() * 100)));
}

void ImageViewer::zoomIn()
{
    m_fit = false;
    setZoom(zoom() * kZoomStep);
}

void ImageViewer::zoomOut()
{
    m_fit = false;
    setZoom(zoom() / kZoomStep);
}

void ImageViewer::setActualSize()
{
    m_fit = false;
    setZoom(1.0);
}

void ImageViewer::fitToWindow()
{
    m_fit = true;
    refit();
}

void ImageViewer::refit()
{
    if (m_pixmap.isNull())
        return;
    const QSize room = m_scroll->viewport()->size() - QSize(2, 2);
    const double zx = double(room.width()) / m_pixmap.width();
    const double zy = double(room.height()) / m_pixmap.height();
    setZoom(qMax(kMinZoom, qMin(zx, zy)));
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_fit)
        refit();
}

bool ImageViewer::saveTo(const QString &path) const
{
    if (m_pixmap.isNull() || path.isEmpty())
        return false;
    const QUrl asUrl(m_source);
    const QString local = asUrl.isLocalFile() ? asUrl.toLocalFile() : m_source;
    if (!isWebUrl(asUrl) && QFileInfo::exists(local)) {
        // The original bytes, not a re-encoded copy.
        QFile::remove(path);
        return QFile::copy(local, path);
    }
    const bool saved = m_pixmap.save(path);
    if (!saved)
        qCWarning(lcApp) << "image viewer: cannot save to" << path;
    return saved;
}

void ImageViewer::askSave()
{
    const QUrl asUrl(m_source);
    QString name = isWebUrl(asUrl) ? asUrl.fileName() : QFileInfo(m_source).fileName();
    if (name.isEmpty() || QFileInfo(name).suffix().isEmpty())
        name = QStringLiteral("image.png");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save image"),
        QDir(dir).filePath(name), tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
    if (path.isEmpty())
        return;
    if (!saveTo(path)) {
        m_status->setText(
            tr("The image could not be saved to %1.").arg(QDir::toNativeSeparators(path)));
        m_status->setVisible(true);
    }
}

} // namespace inlet::app
