import { execFileSync } from 'node:child_process'
import { inflateSync } from 'node:zlib'

/**
 * Page geometry read from a PDF itself: the stroked rules (from the page content streams, which pdfkit
 * writes as `x y m x y l S` under a flipped page matrix) and the words with their boxes (poppler's
 * `pdftotext -bbox-layout`). Coordinates are in points from the top-left corner of the page.
 */
export interface Rule {
  x1: number
  y1: number
  x2: number
  y2: number
  width: number
}
export interface Word {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}
export interface PageGeometry {
  height: number
  width: number
  rules: Rule[]
  words: Word[]
}

type Matrix = [number, number, number, number, number, number]
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5]
]
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]

function objects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const s = pdf.toString('latin1')
  const out = new Map<number, { dict: string; stream: Buffer | null }>()
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    const body = m[2]
    const si = body.indexOf('stream')
    if (si < 0) {
      out.set(Number(m[1]), { dict: body, stream: null })
      continue
    }
    const dict = body.slice(0, si)
    let start = m.index + m[0].indexOf(body) + si + 'stream'.length
    if (s[start] === '\r') start++
    if (s[start] === '\n') start++
    const len = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? '0')
    let data: Buffer = pdf.subarray(start, start + len)
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data)
    out.set(Number(m[1]), { dict, stream: data })
  }
  return out
}

/** Stroked straight segments on each page, in page order. */
export function pageRules(pdf: Buffer): { width: number; height: number; rules: Rule[] }[] {
  const objs = objects(pdf)
  const root = [...objs.values()].find((o) => /\/Type \/Pages/.test(o.dict))!
  const kids = [.../\/Kids \[([^\]]*)\]/.exec(root.dict)![1].matchAll(/(\d+) 0 R/g)].map((k) => Number(k[1]))
  return kids.map((id) => {
    const page = objs.get(id)!
    const box = /\/MediaBox \[([^\]]*)\]/.exec(page.dict)![1].trim().split(/\s+/).map(Number)
    const height = box[3]
    const contents = [.../\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page.dict)!.slice(1).join(' ').matchAll(/(\d+)(?: 0 R)?/g)]
      .map((x) => Number(x[1]))
      .filter((x) => objs.get(x)?.stream)
    const ops = contents.map((c) => objs.get(c)!.stream!.toString('latin1')).join('\n')
    const rules: Rule[] = []
    let ctm: Matrix = [1, 0, 0, 1, 0, 0]
    const stack: Matrix[] = []
    let lw = 1
    let path: [number, number][][] = []
    const operands: string[] = []
    let inText = false
    for (const tok of ops.match(/\((?:\\.|[^\\)])*\)|<[^>]*>|\[|\]|\/[^\s/[\]()<>]+|[^\s[\]()<>/]+/g) ?? []) {
      if (/^[-+.\d]/.test(tok) || tok.startsWith('/') || tok.startsWith('(') || tok.startsWith('<') || tok === '[' || tok === ']') {
        operands.push(tok)
        continue
      }
      const n = operands.map(Number)
      switch (tok) {
        case 'BT': inText = true; break
        case 'ET': inText = false; break
        case 'q': stack.push(ctm); break
        case 'Q': ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]; break
        case 'cm': if (!inText) ctm = mul(n.slice(-6) as Matrix, ctm); break
        case 'w': lw = n[n.length - 1]; break
        case 'm': path.push([apply(ctm, n[0], n[1]) as [number, number]]); break
        case 'l': path[path.length - 1]?.push(apply(ctm, n[0], n[1]) as [number, number]); break
        case 'S':
          for (const sub of path)
            for (let i = 1; i < sub.length; i++)
              rules.push({ x1: sub[i - 1][0], y1: height - sub[i - 1][1], x2: sub[i][0], y2: height - sub[i][1], width: lw * Math.abs(ctm[3] || 1) })
          path = []
          break
        case 'n': case 'f': case 'F': case 'f*': case 'B': case 'b': case 're': if (tok !== 're') path = []; break
      }
      operands.length = 0
    }
    return { width: box[2], height, rules }
  })
}

/** Words with boxes, per page (pdftotext -bbox-layout, from stdin). */
export function pageWords(pdf: Buffer): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString('utf8')
  return html.split(/<page /).slice(1).map((p) =>
    [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    }))
  )
}

export function geometry(pdf: Buffer): PageGeometry[] {
  const rules = pageRules(pdf)
  const words = pageWords(pdf)
  return rules.map((r, i) => ({ ...r, words: words[i] ?? [] }))
}
