import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Locale } from '@shared/domain/session/types'
import { translator } from '@shared/i18n/resources'
import type { Desk } from '../desk/desk'
import { A4_MARGINS, RULED, renderPdf } from '../pdf'
import { getSetting } from '../settings/settings'
import { getBackupSettings } from './service'

/**
 * The backup passphrase sheet: where to write the passphrase by hand (it is never printed — a
 * printed passphrase would pass through spoolers and temp files), when it was set, and how to
 * restore on a new computer. Kept with the USB drive's owner, apart from the drive.
 */
export async function backupSheetPdf(desk: Desk, locale: Locale): Promise<Buffer> {
  const t = translator(locale, 'supervisor')
  const s = getBackupSettings(desk)
  const org = getSetting<string>(desk, 'orgName', '') || ''
  const fmt = new Intl.DateTimeFormat(locale === 'yue-HK' ? 'zh-HK' : 'zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' })
  const line = { canvas: [{ type: 'line' as const, x1: 0, y1: 0, x2: 480, y2: 0, lineWidth: 0.6 }], margin: [0, 26, 0, 0] as [number, number, number, number] }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    defaultStyle: { fontSize: 11, lineHeight: 1.3 },
    info: { title: t('backup.sheetPdf.title') },
    content: [
      { text: t('backup.sheetPdf.title'), fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      org ? { text: org, margin: [0, 0, 0, 4] } : '',
      {
        table: {
          widths: [120, '*'],
          body: [
            [{ text: t('backup.sheetPdf.setAt'), bold: true, fillColor: '#ececec' }, s.passphraseSetAt ? fmt.format(new Date(s.passphraseSetAt)) : '—'],
            [{ text: t('backup.sheetPdf.printedBy'), bold: true, fillColor: '#ececec' }, `${desk.session?.displayName ?? ''} · ${fmt.format(desk.now())}`],
            [{ text: t('backup.sheetPdf.folder'), bold: true, fillColor: '#ececec' }, s.folder || '—']
          ]
        },
        layout: RULED,
        margin: [0, 4, 0, 12]
      },
      { text: t('backup.sheetPdf.writeHere'), bold: true },
      line,
      line,
      { text: t('backup.passphrase.warning'), bold: true, color: '#b00020', margin: [0, 16, 0, 10] },
      { text: t('backup.sheetPdf.howTitle'), fontSize: 13, bold: true, margin: [0, 6, 0, 4] },
      { ol: [t('backup.sheetPdf.step1'), t('backup.sheetPdf.step2'), t('backup.sheetPdf.step3'), t('backup.sheetPdf.step4')] },
      { text: t('backup.sheetPdf.keep'), margin: [0, 14, 0, 0], italics: true }
    ]
  }
  return renderPdf(doc, { refuseMissing: false, lang: locale })
}
