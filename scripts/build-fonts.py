#!/usr/bin/python3
"""Build the subset fonts shipped in resources/fonts/ (run with Debian's python3: needs fontTools + brotli).

    apt-get install fonts-noto-cjk fonts-noto-core fonts-hanazono fonts-babelstone-han fonttools python3-brotli unicode-data
    /usr/bin/python3 scripts/build-fonts.py

Why these sets:
- NotoSansCJKsc Regular: GB2312 + Big5 level 1 + HKSCS additions + Cantonese characters + punctuation,
  i.e. what Simplified, Traditional and Hong Kong text of a petitioner's record normally uses.
- NotoSansCJKsc Bold: GB2312 level 1 + ASCII + every character of the app's locale files (titles and
  labels in both languages); the engine falls back to the regular face for any other bold character.
- NotoSansCJKhk Regular: the same character set as the SC face, with Hong Kong glyph shapes: a Cantonese
  (yue-HK) document prints every character, typed or not, in it (the face follows the document's
  language; the characters stay as typed). NotoSansCJKhk Bold: ASCII + every character of the app's
  locale files (titles and labels); other bold characters fall back to the HK regular face.
- HanaMinA (Hanazono, OFL/Hanazono licence): every other URO character plus the Extension A characters
  that have a 通用规范汉字表 entry, a Hong Kong/Macau source or a GBK origin, so rare BMP characters in
  names never print as blank boxes (all of Ext A would add ~1.5 MB). ☐ ☑ ☒ come from HanaMinA too, as a tiny
  separate face.
- HanaMinB: characters beyond the BMP (Ext B–F) with a Mandarin or Cantonese reading (the characters
  dictionaries read, so names and dialect words such as the Hakka 𠊎 U+2028E print), a 通用规范汉字表
  entry, a Hong Kong/Macau source or a GBK origin (𠮶 U+20BB6 is one) — the full Ext B–F set would be ~12 MB.
- BabelStoneHan (Arphic Public License; Debian fonts-babelstone-han): Ext G and H characters with a Mandarin
  or Cantonese reading (𰻞 biáng U+30EDE), which Hanazono predates.
- NotoSans Regular (OFL; Debian fonts-noto-core): Latin (incl. Latin Extended Additional for Vietnamese,
  pinyin tone marks, IPA, Latin Extended C/D), combining marks, Greek and Cyrillic (with the supplement),
  which Noto Sans CJK covers only in part (Nguyễn printed with gaps).
Each file is stored brotli-compressed (.br): the engine inflates it once, in memory, with Node's zlib.
"""
import bz2, io, os, sys, subprocess, tempfile, brotli
from fontTools.ttLib import TTFont, TTCollection

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'resources', 'fonts')
NOTO_R = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
NOTO_B = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
NOTO_SC_INDEX = 2  # NotoSansCJKsc in Debian's collection (checked below)
NOTO_HK_INDEX = 4  # NotoSansCJKhk: Hong Kong glyph shapes (說 戶 黃 這 …), for Cantonese documents
HANA_A = '/usr/share/fonts/truetype/hanazono/HanaMinA.ttf'
HANA_B = '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf'
BABELSTONE = '/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf'
NOTO_LATIN = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf'
UNIHAN = '/usr/share/unicode'


def decode_range(codec, hi, lo):
    s = set()
    for h in range(hi[0], hi[1] + 1):
        for l in range(lo[0], lo[1] + 1):
            try:
                s.update(bytes([h, l]).decode(codec))
            except UnicodeDecodeError:
                pass
    return s


def chars(*ranges):
    return {chr(c) for a, b in ranges for c in range(a, b + 1)}


def unihan():
    props = {}
    for name in ('Readings', 'IRGSources', 'OtherMappings'):
        with bz2.open(os.path.join(UNIHAN, f'Unihan_{name}.txt.bz2'), 'rt', encoding='utf-8') as f:
            for line in f:
                if line.startswith('U+'):
                    cp, key, value = line.rstrip('\n').split('\t', 2)
                    props.setdefault(int(cp[2:], 16), {})[key] = value
    return props


LATIN = chars((0x20, 0x7E), (0xA0, 0x52F), (0x1AB0, 0x1AFF), (0x1D00, 0x1DFF), (0x1E00, 0x1FFF), (0x2000, 0x206F), (0x20A0, 0x20C0),
              (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0x1C80, 0x1C8F))
CANTONESE = set('嘅咗喺啲冇嘢噉㗎哋佢睇畀嚟嗰咁乜嘥啱嚿嚡咪噏嘞啩喎囉吖吓嘛係唔攞揾搵諗咩晒冚埋嘈嚫嘍嗱噃囖𠮶')
BASE = chars((0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2100, 0x21FF), (0x2460, 0x24FF),
             (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF))


def subset(src, text, out, font_number=None):
    with tempfile.TemporaryDirectory() as tmp:
        tf = os.path.join(tmp, 'chars.txt')
        raw = os.path.join(tmp, 'font')
        with open(tf, 'w', encoding='utf-8') as f:
            f.write(''.join(sorted(text)))
        cmd = ['pyftsubset', src, f'--text-file={tf}', "--layout-features=", '--no-hinting',
               '--name-IDs=*', '--name-languages=*', f'--output-file={raw}']
        if font_number is not None:
            cmd.append(f'--font-number={font_number}')
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        data = open(raw, 'rb').read()
    with open(out, 'wb') as f:
        f.write(brotli.compress(data, quality=11, lgwin=24))
    cmap = TTFont(raw if False else __import__('io').BytesIO(data)).getBestCmap()
    print(f'{os.path.basename(out)}: {len(cmap)} code points, {len(data)} bytes raw, {os.path.getsize(out)} stored')
    return set(cmap)


ONLY = next((a.split('=', 1)[1] for a in sys.argv[1:] if a.startswith('--only=')), None)


def main():
    """`--only=bold` rebuilds just the bold faces (after locale strings change); `--only=rare` just the
    Ext B+ fallbacks and the Latin face; `--only=hk` just the Hong Kong faces."""
    os.makedirs(OUT, exist_ok=True)
    sc = TTCollection(NOTO_R).fonts[NOTO_SC_INDEX]
    assert sc['name'].getDebugName(6) == 'NotoSansCJKsc-Regular', 'collection order changed'
    assert TTCollection(NOTO_R).fonts[NOTO_HK_INDEX]['name'].getDebugName(6) == 'NotoSansCJKhk-Regular', 'collection order changed'
    assert TTCollection(NOTO_B).fonts[NOTO_HK_INDEX]['name'].getDebugName(6) == 'NotoSansCJKhk-Bold', 'collection order changed'
    gb2312 = decode_range('gb2312', (0xA1, 0xF7), (0xA1, 0xFE))
    gb2312_l1 = decode_range('gb2312', (0xB0, 0xD7), (0xA1, 0xFE))
    big5 = decode_range('big5', (0xA1, 0xF9), (0x40, 0xFE))
    big5_l1 = decode_range('big5', (0xA1, 0xC6), (0x40, 0xFE))  # symbols + level 1 hanzi
    hkscs = decode_range('big5hkscs', (0x87, 0xFE), (0x40, 0xFE)) - big5
    main_set = gb2312 | big5_l1 | hkscs | CANTONESE | BASE
    regular = set(TTFont(io.BytesIO(brotli.decompress(open(os.path.join(OUT, 'NotoSansCJKsc-Regular.subset.otf.br'), 'rb').read()))).getBestCmap()) if ONLY in ('rare', 'hk', 'bold') else subset(NOTO_R, main_set,
                     os.path.join(OUT, 'NotoSansCJKsc-Regular.subset.otf.br'), NOTO_SC_INDEX)
    # The Hong Kong face: the same characters, Hong Kong shapes.
    regular_hk = set(TTFont(io.BytesIO(brotli.decompress(open(os.path.join(OUT, 'NotoSansCJKhk-Regular.subset.otf.br'), 'rb').read()))).getBestCmap()) if ONLY in ('rare', 'bold') else subset(NOTO_R, main_set,
                     os.path.join(OUT, 'NotoSansCJKhk-Regular.subset.otf.br'), NOTO_HK_INDEX)
    # Bold: common Simplified characters plus every character of the app's own strings (both
    # languages, all namespaces), so titles and labels never mix weights.
    ui = set()
    for root, _, files in os.walk(os.path.join(ROOT, 'src', 'shared', 'i18n', 'locales')):
        for name in files:
            if name.endswith('.json'):
                ui |= set(open(os.path.join(root, name), encoding='utf-8').read())
    bold_set = {c for c in gb2312_l1 | ui | chars((0x20, 0x7E)) | set("：（）、，。；/·") if ord(c) in regular}
    if ONLY not in ('rare', 'hk'):
        subset(NOTO_B, bold_set, os.path.join(OUT, 'NotoSansCJKsc-Bold.subset.otf.br'), NOTO_SC_INDEX)
    # HK bold: the app's own strings only (a Cantonese document's bold text is its titles and labels),
    # which keeps it small; any other bold character prints in the HK regular face.
    bold_hk = {c for c in ui | chars((0x20, 0x7E)) | set("：（）、，。；/·") if ord(c) in regular_hk}
    if ONLY != 'rare':
        subset(NOTO_B, bold_hk, os.path.join(OUT, 'NotoSansCJKhk-Bold.subset.otf.br'), NOTO_HK_INDEX)
    if ONLY in ('bold', 'hk'):
        write_coverage()
        return

    props = unihan()

    def useful(cp, cantonese=True):
        p = props.get(cp, {})
        return ((cantonese and 'kCantonese' in p) or 'kTGH' in p or 'kIRG_HSource' in p or 'kIRG_MSource' in p
                or p.get('kIRG_GSource', '').startswith('GBK'))

    hana_a = TTFont(HANA_A, lazy=True).getBestCmap()
    if ONLY == 'rare':
        hana_a = {}
    a_set = {chr(c) for c in hana_a if c not in regular and (
        0x4E00 <= c <= 0x9FFF or (0x3400 <= c <= 0x4DBF and useful(c, cantonese=False)))}
    if ONLY != 'rare':
        subset(HANA_A, a_set, os.path.join(OUT, 'HanaMinA.subset.ttf.br'))
    # Ballot boxes for the forms' checkboxes (Noto CJK has none), in a tiny face of their own so a
    # form without rare characters never needs to load the big fallback.
    if ONLY != 'rare':
        subset(HANA_A, set('☐☑☒'), os.path.join(OUT, 'HanaMinA-symbols.subset.ttf.br'))
    def read(cp):
        p = props.get(cp, {})
        return 'kMandarin' in p or 'kCantonese' in p

    hana_b = TTFont(HANA_B, lazy=True).getBestCmap()
    # Two files: the characters Hong Kong, Macau, Cantonese, GBK and the 通用规范汉字表 use (small, so a
    # document with 𠮶 stays quick to lay out), and the rest that dictionaries read (loaded only when used).
    b_set = {chr(c) for c in hana_b if c > 0xFFFF and c not in regular and useful(c)}
    subset(HANA_B, b_set, os.path.join(OUT, 'HanaMinB.subset.ttf.br'))
    b2_set = {chr(c) for c in hana_b if c > 0xFFFF and c not in regular and chr(c) not in b_set and read(c)}
    subset(HANA_B, b2_set, os.path.join(OUT, 'HanaMinB-read.subset.ttf.br'))
    b_set |= b2_set
    babel = TTFont(BABELSTONE, lazy=True).getBestCmap()
    g_set = {chr(c) for c in babel if 0x30000 <= c <= 0x323AF and chr(c) not in b_set and read(c)}
    subset(BABELSTONE, g_set, os.path.join(OUT, 'BabelStoneHan-extG.subset.ttf.br'))
    latin = TTFont(NOTO_LATIN, lazy=True).getBestCmap()
    subset(NOTO_LATIN, {c for c in LATIN if ord(c) in latin}, os.path.join(OUT, 'NotoSans-Regular.subset.ttf.br'))
    write_coverage()


def write_coverage():
    """coverage.json: each font's code points as [start, end] ranges, so the engine knows which
    characters every font draws without inflating the big fallbacks until a document needs them."""
    import json
    cov = {}
    for name in sorted(os.listdir(OUT)):
        if not name.endswith('.br'):
            continue
        data = brotli.decompress(open(os.path.join(OUT, name), 'rb').read())
        cps = sorted(TTFont(__import__('io').BytesIO(data)).getBestCmap())
        ranges = []
        for c in cps:
            if ranges and ranges[-1][1] == c - 1:
                ranges[-1][1] = c
            else:
                ranges.append([c, c])
        cov[name] = ranges
    with open(os.path.join(OUT, 'coverage.json'), 'w') as f:
        json.dump(cov, f, separators=(',', ':'))


if __name__ == '__main__':
    sys.exit(main())
