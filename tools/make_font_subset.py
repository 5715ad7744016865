#!/usr/bin/env python3
"""Build resources/fonts/wqy-zenhei-subset.ttf, HallApp's bundled CJK font.

Why this exists
---------------
reportlab's ``TTFont`` only accepts fonts with TrueType (``glyf``) outlines;
Noto/Source Han CJK fonts are CFF-based and are rejected.  WenQuanYi Zen Hei
(Debian package ``fonts-wqy-zenhei``, GPL-2 with font embedding exception)
has TrueType outlines *and* Latin digits / currency signs (Droid Sans
Fallback has no Latin digits, so amounts printed with it come out blank).
The full .ttc is ~16 MB with three faces; this script extracts only the
proportional face ("WenQuanYi Zen Hei", index 0 of the collection; index 1
is "WenQuanYi Zen Hei Mono", index 2 is "WenQuanYi Zen Hei Sharp") and
subsets it to the characters a Chinese business-hall app needs:

* all of GB2312 (every valid 2-byte GB2312 code point decoded to Unicode),
* printable ASCII U+0020-007E and full-width forms U+FF01-FF5E,
* CJK symbols and punctuation U+3000-303F,
* general punctuation U+2010-2027 and U+2030-2033,
* U+00A5 YEN SIGN and U+FFE5 FULLWIDTH YEN SIGN, U+00D7, U+00F7, U+00B7,
  U+00B0, U+00B1,
* capital (financial) numerals 零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整圆,
* arrows U+2190-2193.

Name table, family name ("WenQuanYi Zen Hei"), hinting-related tables
(cvt/gasp) and the OpenType layout tables are kept; glyph names are dropped.

Usage (from the repo root, with the project venv; needs fontTools)::

    apt-get install fonts-wqy-zenhei
    .venv/bin/python tools/make_font_subset.py \
        [--src /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc] \
        [--index 0] [--out resources/fonts/wqy-zenhei-subset.ttf]
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SRC = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
DEFAULT_OUT = REPO / "resources" / "fonts" / "wqy-zenhei-subset.ttf"
EXPECTED_FAMILY = "WenQuanYi Zen Hei"

CAPITAL_NUMERALS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整圆"


def gb2312_chars() -> set[str]:
    """Every character encodable in GB2312 (EUC-CN, rows 0xA1-0xF7)."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((hi, lo)).decode("gb2312"))
    return chars


def wanted_codepoints() -> set[int]:
    cps: set[int] = {ord(c) for c in gb2312_chars()}
    cps |= set(range(0x20, 0x7F))  # printable ASCII
    cps |= set(range(0xFF01, 0xFF5F))  # full-width ASCII forms
    cps |= set(range(0x3000, 0x3040))  # CJK symbols & punctuation
    cps |= set(range(0x2010, 0x2028))  # general punctuation
    cps |= set(range(0x2030, 0x2034))  # per mille, primes
    cps |= {0xA5, 0xFFE5, 0xD7, 0xF7, 0xB7, 0xB0, 0xB1}
    cps |= {ord(c) for c in CAPITAL_NUMERALS}
    cps |= set(range(0x2190, 0x2194))  # arrows
    return cps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=DEFAULT_SRC)
    ap.add_argument("--index", type=int, default=0, help="face index in the .ttc (0 = proportional Zen Hei)")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)

    # recalcTimestamp=False keeps head.modified from the source -> reproducible output
    font = TTFont(args.src, fontNumber=args.index, lazy=False, recalcTimestamp=False)
    family = font["name"].getDebugName(1)
    if family != EXPECTED_FAMILY:
        print(f"error: face {args.index} is {family!r}, expected {EXPECTED_FAMILY!r}", file=sys.stderr)
        return 1

    for tag in ("BDF ", "FFTM"):  # FontForge-private tables, not needed
        if tag in font:
            del font[tag]

    wanted = wanted_codepoints()
    cmap = font.getBestCmap()
    missing = sorted(cp for cp in wanted if cp not in cmap)
    # Unassigned/absent code points are simply skipped by the subsetter.
    unicodes = sorted(cp for cp in wanted if cp in cmap)

    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.glyph_names = False
    opts.hinting = True
    opts.notdef_outline = True
    opts.recalc_bounds = True

    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))

    check = TTFont(str(out))
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB), "
        f"family={check['name'].getDebugName(1)!r}, "
        f"glyphs={check['maxp'].numGlyphs}, "
        f"mapped code points={len(check.getBestCmap())}"
    )
    if missing:
        print(
            f"{len(missing)} requested code points not in source font: "
            + " ".join(f"U+{cp:04X}" for cp in missing)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
