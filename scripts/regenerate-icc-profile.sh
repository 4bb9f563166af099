#!/usr/bin/env bash
# Regenerates content/print/drukwerk-fogra39-coated.icc, the default output profile of the
# print edition (PDF/X-4 output intent), from free data with free tools:
#
#   - FOGRA39L.ti3 from Debian's `icc-profiles-free`: Fogra's FOGRA39 characterisation data
#     (offset, coated paper, ISO 12647-2:2004/Amd 1), as CGATS/ti3, zlib licence;
#   - ArgyllCMS `colprof` from Debian's `argyll` (the perceptual table is mapped from the
#     sRGB gamut shipped in `argyll`'s reference files).
#
# The result is a CMYK output ('prtr') profile, ICC v2.2, Lab PCS, with a 300 % total ink
# limit in its separation (B2A) tables, matching the default `max-coverage` of [print].
# The header date is fixed, so two runs give the same bytes (colprof is deterministic
# otherwise). Takes about 30 s. Usage: scripts/regenerate-icc-profile.sh [OUT.icc]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-content/print/drukwerk-fogra39-coated.icc}"

data=/usr/share/color/icc/FOGRA39L.ti3
srgb=/usr/share/color/argyll/ref/sRGB.icm
if [ ! -f "$data" ] || ! command -v colprof >/dev/null 2>&1; then
  echo "needs Debian's icc-profiles-free and argyll: apt-get install icc-profiles-free argyll" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$data" "$work/FOGRA39L.ti3"
# -qm -bl: medium-quality colorimetric tables, low-resolution separation tables (keeps the
#          profile near 100 KB; it is embedded in every print PDF).
# -nc:     no copy of the measurements inside the profile.
# -kr -l300 -L95: ramped black generation, 300 % total ink, 95 % black.
# -S:      perceptual and saturation tables gamut-mapped from sRGB (Typst's images are sRGB).
(cd "$work" && colprof -qm -bl -nc -kr -l300 -L95 -S "$srgb" \
  -A "drukwerk" \
  -M "Offset, coated paper (FOGRA39)" \
  -D "drukwerk FOGRA39 coated, 300% (ArgyllCMS)" \
  -C "zlib licence. Made with ArgyllCMS colprof from FOGRA39L.ti3 (icc-profiles-free); see LICENCE.txt" \
  FOGRA39L >/dev/null)

# Fix the header's creation date (bytes 24..36, six big-endian u16) to 2026-11-30 00:00:00.
python3 - "$work/FOGRA39L.icc" <<'PY'
import struct, sys
path = sys.argv[1]
data = bytearray(open(path, 'rb').read())
data[24:36] = struct.pack('>6H', 2026, 11, 30, 0, 0, 0)
open(path, 'wb').write(bytes(data))
PY
mkdir -p "$(dirname "$out")"
cp "$work/FOGRA39L.icc" "$out"
echo "wrote $out ($(wc -c <"$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16)…)"
