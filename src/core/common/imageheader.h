#pragma once

#include <QByteArray>
#include <QSize>

namespace inlet {

// The pixel size an image's header declares (PNG, GIF, JPEG, WebP), read without decoding, so the
// core (which has no image decoders) can refuse a decompression bomb before it is stored: a few
// hundred bytes can declare a 60000 x 60000 picture that a decoder would allocate gigabytes for.
// An invalid QSize for other formats (SVG, unknown) or a truncated header.
QSize declaredImageSize(const QByteArray &bytes);

} // namespace inlet
