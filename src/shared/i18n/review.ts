import { NAMESPACES, type Namespace } from './resources'
import { exampleParams, fillExample, placeholders } from './examples'
import { yueSpokenProblems, yueWrittenProblems, zhTermProblems } from './lexicon'
import { csvText, parseCsv as parseCsvRows } from '../text/csv'

/**
 * The review sheet for native speakers (`desk lines`): every line and label the app can show or
 * print, 普通话 and 粵語 side by side, with its key, where it appears and the placeholders filled
 * with a realistic example; and a reviewer's corrected CSV read back as a list of changes, checked
 * before anything is written. Pure: the CLI does the files.
 */
export type Lang = 'zh-CN' | 'yue-HK'
export type Tree = { [k: string]: string | Tree }
export type Resources = Record<Lang, Record<string, Tree>>

export interface ReviewRow {
  key: string
  /** Area id: `supervisor:linesReview.areas.<area>` names it. */
  area: string
  zh: string
  yue: string
  zhExample: string
  yueExample: string
}

/** Where a key appears, by its namespace and first path segments (longest prefix wins). */
const AREAS: [string, string][] = [
  ['script:stages', 'scriptStages'],
  ['script:moments', 'scriptMoments'],
  ['script:rules', 'scriptRules'],
  ['script:rulesUndated', 'scriptRules'],
  ['script:empathy', 'deescalation'],
  ['script:avoid', 'deescalation'],
  ['script:guard', 'guard'],
  ['script:needs', 'summary'],
  ['script:summary', 'summary'],
  ['script:handout', 'handout'],
  ['script:readback', 'readback'],
  ['script:returnVisit', 'returnVisit'],
  ['script:', 'script'],
  ['interview:guard', 'guard'],
  ['interview:', 'interview'],
  ['forms:pdf', 'forms'],
  ['forms:', 'formsScreen'],
  ['cases:consentSlip', 'consent'],
  ['cases:', 'cases'],
  ['people:consentSlip', 'consent'],
  ['people:', 'cases'],
  ['session:', 'session'],
  ['supervisor:', 'supervisor'],
  ['aftercare:', 'aftercare'],
  ['errors:', 'errors'],
  ['common:', 'common']
]
export const AREA_IDS = [...new Set(AREAS.map(([, a]) => a))]

export function areaOf(key: string): string {
  let best: [string, string] | null = null
  for (const a of AREAS) if ((a[0].endsWith(':') ? key.startsWith(a[0]) : key.startsWith(`${a[0]}.`)) && (!best || a[0].length > best[0].length)) best = a
  return best ? best[1] : 'common'
}

function flatten(tree: Tree, prefix: string, out: Map<string, string>): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`
    if (typeof v === 'string') out.set(key, v)
    else flatten(v, key, out)
  }
  return out
}

/** Every string of a language as `ns:path` → text. */
export function flatResources(res: Record<string, Tree>, namespaces: readonly string[] = NAMESPACES): Map<string, string> {
  const out = new Map<string, string>()
  for (const ns of namespaces) if (res[ns]) flatten(res[ns], `${ns}:`, out)
  return out
}

export function reviewRows(res: Resources, namespaces: readonly string[] = NAMESPACES): ReviewRow[] {
  const zh = flatResources(res['zh-CN'], namespaces)
  const yue = flatResources(res['yue-HK'], namespaces)
  const rows: ReviewRow[] = []
  for (const [key, z] of zh) {
    const y = yue.get(key) ?? ''
    rows.push({
      key,
      area: areaOf(key),
      zh: z,
      yue: y,
      zhExample: fillExample(z, exampleParams(key, 'zh-CN')),
      yueExample: fillExample(y, exampleParams(key, 'yue-HK'))
    })
  }
  return rows
}

// ——— CSV (RFC 4180; UTF-8 with a BOM so spreadsheet programs open Chinese correctly) ———

export const CSV_COLUMNS = ['key', 'where', 'zh-CN', 'yue-HK', 'zh-CN example', 'yue-HK example', 'comment'] as const

export function toCsv(rows: readonly ReviewRow[], where: (area: string) => string, header: readonly string[]): string {
  return csvText([[...header], ...rows.map((r) => [r.key, where(r.area), r.zh, r.yue, r.zhExample, r.yueExample, ''])])
}

/** The reviewer's sheet as rows, blank rows dropped (a spreadsheet often saves a few at the end). */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).filter((r) => r.some((f) => f.trim() !== ''))
}

// ——— Reading a reviewer's corrections back ———

export interface LineChange {
  key: string
  lang: Lang
  before: string
  after: string
  /** Lexicon notes on the new text (warnings; the reviewer may know better). */
  notes: string[]
}

export interface ApplyPlan {
  changes: LineChange[]
  /** Rows refused: unknown key, placeholders changed, an empty text. Nothing of these is applied. */
  refused: { key: string; lang?: Lang; reason: 'unknownKey' | 'placeholders' | 'empty' | 'badHeader'; detail?: string }[]
}

/** Compare a reviewer's CSV with the resources: what would change, and what cannot be taken. */
export function planApply(csv: string, res: Resources): ApplyPlan {
  const rows = parseCsv(csv)
  const plan: ApplyPlan = { changes: [], refused: [] }
  const header = rows.shift() ?? []
  const col = (name: string) => header.findIndex((h) => h.trim() === name)
  const iKey = col('key')
  const iLang: Record<Lang, number> = { 'zh-CN': col('zh-CN'), 'yue-HK': col('yue-HK') }
  if (iKey < 0 || iLang['zh-CN'] < 0 || iLang['yue-HK'] < 0) {
    plan.refused.push({ key: '', reason: 'badHeader', detail: header.join(',') })
    return plan
  }
  const current: Record<Lang, Map<string, string>> = { 'zh-CN': flatResources(res['zh-CN']), 'yue-HK': flatResources(res['yue-HK']) }
  for (const r of rows) {
    const key = (r[iKey] ?? '').trim()
    if (!current['zh-CN'].has(key)) {
      plan.refused.push({ key, reason: 'unknownKey' })
      continue
    }
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const before = current[lang].get(key) ?? ''
      const after = (r[iLang[lang]] ?? '').replace(/\r\n/g, '\n')
      if (after === before) continue
      if (!after.trim()) {
        plan.refused.push({ key, lang, reason: 'empty' })
        continue
      }
      const want = placeholders(before).sort().join(',')
      const got = placeholders(after).sort().join(',')
      if (want !== got) {
        plan.refused.push({ key, lang, reason: 'placeholders', detail: `${want || '—'} → ${got || '—'}` })
        continue
      }
      const notes =
        lang === 'yue-HK'
          ? [...yueWrittenProblems(after), ...(key.startsWith('script:') ? yueSpokenProblems(after) : [])].map((p) => (p.say ? `${p.found} → ${p.say}` : p.found))
          : zhTermProblems(after).map((p) => `${p.found} → ${p.say}`)
      plan.changes.push({ key, lang, before, after, notes })
    }
  }
  return plan
}

/** The resources with the changes applied (a copy; key order kept). */
export function applyChanges(res: Record<string, Tree>, changes: readonly LineChange[]): Record<string, Tree> {
  const out = JSON.parse(JSON.stringify(res)) as Record<string, Tree>
  for (const c of changes) {
    const [ns, path] = [c.key.slice(0, c.key.indexOf(':')), c.key.slice(c.key.indexOf(':') + 1)]
    const parts = path.split('.')
    let node = out[ns]
    for (const p of parts.slice(0, -1)) node = node[p] as Tree
    node[parts[parts.length - 1]] = c.after
  }
  return out
}

export const isNamespace = (s: string): s is Namespace => (NAMESPACES as readonly string[]).includes(s)
