import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { LOCALES, NAMESPACES, resources, translator } from '@shared/i18n/resources'
import { CSV_COLUMNS, reviewRows, toCsv, type ReviewRow, type Resources, type Tree } from '@shared/i18n/review'
import { RULED, renderPdf } from '../pdf'
import { isKeyIn } from '@shared/i18n/keys'
import { writeFileAtomic } from '../fs/atomic'

/**
 * The review sheet as files (`desk lines`): a CSV a reviewer corrects and a PDF to read and annotate,
 * 普通话 and 粵語 side by side with the placeholders filled; and the locale files a corrected CSV is
 * written back into (the repository's src/shared/i18n/locales unless another folder is given).
 */
export function bundledResources(): Resources {
  return resources as unknown as Resources
}

export function localesDir(dir?: string): string {
  if (dir) return resolve(dir)
  // From the sources (src/main/words) or from the built CLI (out/cli/chunks): the repository's locale files.
  const candidates = [join(__dirname, '../../shared/i18n/locales'), join(__dirname, '../../../src/shared/i18n/locales'), join(__dirname, '../../src/shared/i18n/locales')]
  return resolve(candidates.find((c) => existsSync(join(c, 'zh-CN'))) ?? candidates[0])
}

/** The resources as they are on disk in `dir` (what --apply edits). */
export function readLocales(dir: string): Resources {
  const out = {} as Resources
  for (const lang of LOCALES) {
    out[lang] = {}
    for (const ns of NAMESPACES) out[lang][ns] = JSON.parse(readFileSync(join(dir, lang, `${ns}.json`), 'utf8')) as Tree
  }
  return out
}

/** Write one language's namespaces back, in the files' own format (2 spaces, a final newline). */
export function writeLocales(dir: string, lang: 'zh-CN' | 'yue-HK', res: Record<string, Tree>, only: Iterable<string>): void {
  for (const ns of only) writeFileAtomic(join(dir, lang, `${ns}.json`), JSON.stringify(res[ns], null, 2) + '\n')
}

export function sheetCsv(rows: readonly ReviewRow[], ui: 'zh-CN' | 'yue-HK'): string {
  const t = translator(ui, 'supervisor')
  return toCsv(rows, (a) => areaName(t, a), CSV_COLUMNS)
}

/** The name of a review area (`supervisor:linesReview.areas.<area>`), or the area id when it has none. */
function areaName(t: ReturnType<typeof translator<'supervisor'>>, area: string): string {
  const key = `linesReview.areas.${area}`
  return isKeyIn('supervisor', key) ? t(key) : area
}

/** The sheet as an A4 landscape PDF, grouped by where the words appear. */
export function sheetDefinition(rows: readonly ReviewRow[], ui: 'zh-CN' | 'yue-HK', at: string): TDocumentDefinitions {
  const t = translator(ui, 'supervisor')
  const body: TableCell[][] = [
    [t('linesReview.key'), t('linesReview.zh'), t('linesReview.yue')].map((text) => ({ text, bold: true, fillColor: '#d9d9d9' }) as TableCell)
  ]
  let area = ''
  // Each language's column in its own face (the Cantonese one in Hong Kong glyph shapes), whatever the sheet's language.
  const cellFor = (example: string, template: string, lang: 'zh-CN' | 'yue-HK'): TableCell =>
    ({
      lang,
      stack: [
        { text: example },
        ...(template !== example ? [{ text: `${t('linesReview.template')}：${template}`, fontSize: 6.5, color: '#666666', margin: [0, 1, 0, 0] }] : [])
      ]
    }) as unknown as TableCell
  for (const r of rows) {
    if (r.area !== area) {
      area = r.area
      body.push([{ text: areaName(t, area), colSpan: 3, bold: true, fillColor: '#ececec' } as TableCell, {}, {}])
    }
    body.push([
      { text: r.key, fontSize: 6.5, color: '#333333' } as TableCell,
      cellFor(r.zhExample, r.zh, 'zh-CN'),
      cellFor(r.yueExample, r.yue, 'yue-HK')
    ])
  }
  const content: Content[] = [
    { text: t('linesReview.title'), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
    { text: t('linesReview.generated', { at, count: rows.length }), fontSize: 8, color: '#444444' },
    { text: t('linesReview.intro'), fontSize: 8, color: '#444444', margin: [0, 2, 0, 8] },
    { table: { headerRows: 1, widths: [150, '*', '*'], body, dontBreakRows: true }, layout: RULED, fontSize: 8.5 } as Content
  ]
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 34],
    info: { title: t('linesReview.title') },
    footer: (page: number, pages: number) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 7, color: '#666666' }),
    content
  }
}

/** Rows in the order areas are read: what the petitioner hears and gets first, then the screens. */
export function sheetRows(res: Resources, namespaces?: readonly string[]): ReviewRow[] {
  const order = ['script', 'interview', 'forms', 'cases', 'session', 'supervisor', 'errors', 'common']
  const ns = (namespaces ?? NAMESPACES).slice().sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return reviewRows(res, ns)
}

export async function sheetPdf(rows: readonly ReviewRow[], ui: 'zh-CN' | 'yue-HK', at: string): Promise<Buffer> {
  // The sheet shows every character our lines use; a missing glyph would be a finding, not a reason to stop.
  return renderPdf(sheetDefinition(rows, ui, at), { refuseMissing: false, lang: ui })
}
