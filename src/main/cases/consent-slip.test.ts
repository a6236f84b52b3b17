import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { createCase, recordConsent } from './api'
import { consentSlipDefinition } from './consent-slip'
import { renderPdf } from '../pdf'
import { pdfText } from '../pdf/poppler'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

describe('consent slip', () => {
  it('prints in the chosen language with what was consented, the text version and room to sign', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '黄𠮶明', contactDate: '2026-11-23' })
    recordConsent(t.desk, { caseId: c.id, kind: 'record', granted: true, method: 'oral' })
    recordConsent(t.desk, { caseId: c.id, kind: 'sensitive', granted: false, method: 'oral' })
    for (const [lang, title, name] of [
      ['zh-CN', '个人信息告知同意书', '黄𠮶明'],
      ['yue-HK', '個人資料告知同意書', '黄𠮶明']
    ] as const) {
      const { doc } = consentSlipDefinition(t.desk, c.id, lang)
      const pdf = await renderPdf(doc, { refuseMissing: false })
      const text = pdfText(pdf).replace(/\s+/g, '')
      expect(text).toContain(title)
      expect(text).toContain(name)
      expect(text).toContain(c.caseNo)
      expect(text).toContain('2026-1')
      expect(text).toMatch(/☑同意.*☐不同意/)
      expect(text).toMatch(/☐同意.*☑不同意/)
    }
  })
})
