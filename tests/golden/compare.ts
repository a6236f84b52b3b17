import { execFileSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'

/** An 8-bit grayscale image. */
export interface Gray {
  width: number
  height: number
  data: Uint8Array
}

/** Render every page of a PDF (from memory) as grayscale PNGs at `dpi` with poppler's pdftoppm. */
export function renderPages(pdf: Buffer, dpi = 50): Buffer[] {
  // One page per call, so each PNG comes back on stdout without temp files.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())![1])
  const out: Buffer[] = []
  for (let p = 1; p <= pages; p++) {
    out.push(execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(p), '-l', String(p), '-singlefile'], { input: pdf, maxBuffer: 64 << 20 }))
  }
  return out
}

/** Decode an 8-bit grey or RGB non-interlaced PNG (what pdftoppm writes) into grey levels. */
export function decodeGrayPng(png: Buffer): Gray {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG')
  let off = 8
  let width = 0
  let height = 0
  let channels = 1
  const idat: Buffer[] = []
  while (off < png.length) {
    const len = png.readUInt32BE(off)
    const type = png.toString('latin1', off + 4, off + 8)
    const body = png.subarray(off + 8, off + 8 + len)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      if (body[8] !== 8 || (body[9] !== 0 && body[9] !== 2) || body[12] !== 0) throw new Error('expected 8-bit grey/RGB, non-interlaced')
      channels = body[9] === 2 ? 3 : 1
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    off += 12 + len
  }
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const px = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0
      const b = y > 0 ? px[(y - 1) * stride + x] : 0
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0
      let v = line[x]
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      }
      px[y * stride + x] = v & 0xff
    }
  }
  if (channels === 1) return { width, height, data: px }
  const data = new Uint8Array(width * height)
  for (let i = 0; i < data.length; i++) data[i] = Math.round((px[i * 3] * 299 + px[i * 3 + 1] * 587 + px[i * 3 + 2] * 114) / 1000)
  return { width, height, data }
}

/** Share of pixels that differ by more than `threshold` grey levels (1 when sizes differ). */
export function diffRatio(a: Gray, b: Gray, threshold = 48): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let n = 0
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i] - b.data[i]) > threshold) n++
  return n / a.data.length
}
