import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '@shared/domain/session/types'
import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import { translator } from '@shared/i18n/resources'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { normaliseRecoveryKey, readKeyring, unwrapKey } from '../db/keyring'
import { A4_MARGINS, deliverPdf, labelCell, renderPdf, ruledTable, valueCell } from '../pdf'
import { getSetting } from '../settings/settings'

const CELL = 22
const GAP = 16
/** No rules and no padding inside the grid: the cell widths alone space the characters. */
const GRID = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 2, paddingBottom: () => 2 }

/**
 * The key as a grid: every character in a cell of the same width, so it reads like monospace in any
 * font (the shipped CJK font's Latin digits are proportional), four groups of four per line.
 */
function keyGrid(key: string): Content {
  const groups = key.split('-')
  const row = (gs: string[]): TableCell[] =>
    gs.flatMap((g, i) => [...[...g].map((ch) => ({ text: ch, alignment: 'center' }) as TableCell), ...(i < gs.length - 1 ? [{ text: '' } as TableCell] : [])])
  const widths = [0, 1, 2, 3].flatMap((i) => [CELL, CELL, CELL, CELL, ...(i < 3 ? [GAP] : [])])
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { widths: ['auto'], body: [[{ table: { widths, body: [row(groups.slice(0, 4)), row(groups.slice(4, 8))] }, layout: GRID, fontSize: 24, bold: true, margin: [10, 8, 10, 8] }]] },
        layout: { hLineWidth: () => 2, vLineWidth: () => 2 }
      },
      { width: '*', text: '' }
    ],
    margin: [0, 16, 0, 16]
  } as Content
}

export function recoverySheetDoc(opts: { recoveryKey: string; orgName: string; date: Date; locale: Locale }): TDocumentDefinitions {
  const t = translator(opts.locale, 'session')
  const tc = translator(opts.locale, 'common')
  const when = new Intl.DateTimeFormat(opts.locale === 'yue-HK' ? 'zh-HK' : 'zh-CN', { dateStyle: 'long' }).format(opts.date)
  const h2 = (text: string): Content => ({ text, bold: true, fontSize: 13, margin: [0, 10, 0, 4] })
  return {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    info: { title: `${tc('appName')} · ${t('sheet.title')}` },
    defaultStyle: { fontSize: 11, lineHeight: 1.35 },
    content: [
      { text: tc('appName'), fontSize: 10, color: '#444444' },
      { text: t('sheet.title'), fontSize: 22, bold: true, margin: [0, 2, 0, 10] },
      ruledTable([80, '*'], [
        [labelCell(t('sheet.org')), valueCell(opts.orgName || ' ')],
        [labelCell(t('sheet.date')), valueCell(when)]
      ]),
      keyGrid(opts.recoveryKey),
      h2(t('sheet.whatTitle')),
      { text: t('sheet.what') },
      h2(t('sheet.howTitle')),
      { ol: [t('sheet.how1'), t('sheet.how2'), t('sheet.how3')] },
      h2(t('sheet.keepTitle')),
      { ul: [t('sheet.keep1'), t('sheet.keep2'), t('sheet.keep3')] },
      {
        columns: [
          { stack: [{ text: ' ', margin: [0, 0, 0, 28] }, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.8 }] }, { text: t('sheet.keeper'), fontSize: 9 }] },
          { stack: [{ text: ' ', margin: [0, 0, 0, 28] }, { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.8 }] }, { text: t('sheet.signedDate'), fontSize: 9 }] }
        ],
        margin: [0, 24, 0, 0]
      }
    ] as Content[]
  }
}

/**
 * The printable recovery sheet for the office safe. The key comes from the screen that just showed
 * it (it is never stored); it is checked against the recovery slot first, so a sheet can never carry
 * a mistyped key. The sheet holds the organisation and date only: no case data, no person's name.
 */
export async function recoverySheet(desk: Desk, a: { recoveryKey: string; action: PdfAction }): Promise<PdfDelivery> {
  const s = desk.requireSession()
  const slot = readKeyring(desk.dataDir)?.slots.find((k) => k.kind === 'recovery')
  const key = normaliseRecoveryKey(a.recoveryKey)
  const check = slot ? unwrapKey(slot, key) : null
  if (!check) return fail('WRONG_PASSPHRASE', 'errors:login.recoveryFailed', undefined, 'recoveryKey')
  check.fill(0)
  const now = desk.now()
  const bytes = await renderPdf(recoverySheetDoc({ recoveryKey: key, orgName: getSetting<string>(desk, 'orgName'), date: now, locale: s.locale }), { lang: s.locale })
  const fileName = `${translator(s.locale, 'session')('sheet.fileName')}_${now.toISOString().slice(0, 10)}.pdf`
  return deliverPdf(desk, bytes, fileName, a.action)
}
