#pragma once

// What a widget or painter put on an image, for tests that check painting.
#include <QColor>
#include <QImage>

namespace inlet::test {

// How many pixels of `image` are exactly `colour` (a filled shape's colour, not its antialiased
// edge).
inline int pixelsOf(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixelColor(x, y).rgb() == colour.rgb())
                ++n;
    return n;
}

} // namespace inlet::test
