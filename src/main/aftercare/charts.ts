import type { CanvasElement, Content } from 'pdfmake/interfaces'

/**
 * Charts for printed reports, drawn as vectors with pdfmake's canvas (rectangles, lines, polylines):
 * the labels are ordinary text in the shipped fonts beside the drawing, so they print in either
 * language and never depend on an SVG font. Every chart is also given as numbers next to it.
 */
export interface Series {
  label: string
  color: string
  values: number[]
  /** Drawn dashed (a second, comparable line). */
  dashed?: boolean
}

const AXIS = '#555555'
const GRID = '#d0d0d0'

function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = Math.pow(10, Math.floor(Math.log10(v)))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p
  return 10 * p
}

function legend(series: Series[]): Content {
  return {
    columns: series.map((s) => ({
      width: 'auto',
      columns: [
        { width: 14, canvas: [s.dashed ? { type: 'line', x1: 0, y1: 5, x2: 12, y2: 5, lineWidth: 2, lineColor: s.color, dash: { length: 3 } } : { type: 'rect', x: 0, y: 1, w: 10, h: 8, color: s.color }] },
        { width: 'auto', text: s.label, fontSize: 8.5, margin: [0, 0, 12, 0] }
      ]
    })),
    margin: [0, 0, 0, 4]
  } as Content
}

/** A y-axis scale: the top value, half and zero, aligned beside the plot. */
function yAxis(max: number, height: number, format: (v: number) => string): Content {
  return {
    width: 34,
    stack: [
      { text: format(max), fontSize: 7.5, alignment: 'right', margin: [0, -4, 4, 0] },
      { text: format(max / 2), fontSize: 7.5, alignment: 'right', margin: [0, height / 2 - 13, 4, 0] },
      { text: format(0), fontSize: 7.5, alignment: 'right', margin: [0, height / 2 - 13, 4, 0] }
    ]
  } as Content
}

function grid(width: number, height: number): CanvasElement[] {
  return [
    { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.4, lineColor: GRID },
    { type: 'line', x1: 0, y1: height / 2, x2: width, y2: height / 2, lineWidth: 0.4, lineColor: GRID },
    { type: 'line', x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.8, lineColor: AXIS },
    { type: 'line', x1: 0, y1: 0, x2: 0, y2: height, lineWidth: 0.8, lineColor: AXIS }
  ]
}

function xLabels(labels: string[], width: number): Content {
  const w = width / Math.max(1, labels.length)
  return {
    columns: [{ width: 34, text: '' }, ...labels.map((l) => ({ width: w, text: l, fontSize: 7, alignment: 'center' as const }))],
    columnGap: 0,
    margin: [0, 2, 0, 0]
  } as Content
}

/** A line chart over categories (months): one line per series, points marked. */
export function lineChart(opts: { labels: string[]; series: Series[]; width: number; height?: number; max?: number; format?: (v: number) => string }): Content {
  const height = opts.height ?? 120
  const width = opts.width - 34
  const format = opts.format ?? ((v: number) => String(Math.round(v * 10) / 10))
  const max = opts.max ?? niceMax(Math.max(0, ...opts.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)))))
  const step = width / Math.max(1, opts.labels.length)
  const x = (i: number) => step * i + step / 2
  const y = (v: number) => height - (Math.max(0, Math.min(v, max)) / max) * height
  const drawing: CanvasElement[] = [...grid(width, height)]
  for (const s of opts.series) {
    const pts = s.values.map((v, i) => (Number.isFinite(v) ? { x: x(i), y: y(v) } : null))
    // A gap (no value that month) breaks the line rather than drawing it through zero.
    let run: { x: number; y: number }[] = []
    const flush = () => {
      if (run.length > 1) drawing.push({ type: 'polyline', points: run, lineWidth: 1.6, lineColor: s.color, ...(s.dashed ? { dash: { length: 4 } } : {}) })
      run = []
    }
    for (const p of pts) {
      if (p) run.push(p)
      else flush()
    }
    flush()
    for (const p of pts) if (p) drawing.push({ type: 'ellipse', x: p.x, y: p.y, r1: 1.8, r2: 1.8, color: s.color })
  }
  return {
    stack: [legend(opts.series), { columns: [yAxis(max, height, format), { width, canvas: drawing }], columnGap: 0 }, xLabels(opts.labels, width)],
    margin: [0, 2, 0, 10],
    unbreakable: true
  } as Content
}

/** Grouped vertical bars over categories (months): one bar per series in each category. */
export function columnChart(opts: { labels: string[]; series: Series[]; width: number; height?: number; format?: (v: number) => string }): Content {
  const height = opts.height ?? 120
  const width = opts.width - 34
  const format = opts.format ?? ((v: number) => String(Math.round(v * 10) / 10))
  const max = niceMax(Math.max(0, ...opts.series.flatMap((s) => s.values)))
  const step = width / Math.max(1, opts.labels.length)
  const bar = Math.min(18, (step * 0.75) / Math.max(1, opts.series.length))
  const drawing: CanvasElement[] = [...grid(width, height)]
  opts.labels.forEach((_, i) => {
    const start = step * i + (step - bar * opts.series.length) / 2
    opts.series.forEach((s, k) => {
      const h = (Math.max(0, s.values[i] ?? 0) / max) * height
      if (h > 0) drawing.push({ type: 'rect', x: start + k * bar, y: height - h, w: bar - 1, h, color: s.color })
    })
  })
  return {
    stack: [legend(opts.series), { columns: [yAxis(max, height, format), { width, canvas: drawing }], columnGap: 0 }, xLabels(opts.labels, width)],
    margin: [0, 2, 0, 10],
    unbreakable: true
  } as Content
}

/** Horizontal bars with their labels and values (categories with long names: matter types, places). */
export function barList(rows: { label: string; value: number; display?: string }[], width: number, color: string, max?: number): Content {
  // Nothing counted (no matter types recorded this month): a dash, never an empty table (pdfmake refuses one).
  if (rows.length === 0) return { text: '—', margin: [0, 2, 0, 8] } as Content
  const top = max ?? Math.max(1, ...rows.map((r) => r.value))
  const barWidth = width - 150
  return {
    table: {
      widths: [104, barWidth, 38],
      body: rows.map((r) => [
        { text: r.label, fontSize: 8.5 },
        { canvas: [{ type: 'rect', x: 0, y: 1.5, w: Math.max(0.5, (r.value / top) * barWidth), h: 8, color }] },
        { text: r.display ?? String(r.value), alignment: 'right', fontSize: 8.5 }
      ])
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 8]
  } as Content
}
