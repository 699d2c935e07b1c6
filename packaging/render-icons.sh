#!/usr/bin/env bash
# Renders resources/icons/inlet.svg into the PNG sizes the installers use (committed, so a build
# needs no SVG renderer). Run after changing the SVG; needs rsvg-convert (librsvg2-bin) and, for the
# Windows .ico and macOS .icns, icotool (icoutils) and png2icns (icnsutils).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
svg="$root/resources/icons/inlet.svg"
out="$root/resources/icons/hicolor"
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$out/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/${size}x${size}/apps/inlet.png"
done
icotool -c -o "$root/packaging/windows/inlet.ico" \
  "$out"/{16x16,24x24,32x32,48x48,64x64,128x128}/apps/inlet.png -r "$out/256x256/apps/inlet.png"
png2icns "$root/packaging/macos/inlet.icns" \
  "$out"/{16x16,32x32,48x48,128x128,256x256,512x512}/apps/inlet.png >/dev/null
