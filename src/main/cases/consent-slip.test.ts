import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { createCase, decideDiversion, recordConsent, saveScreening } from './api'
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
      expect(text).toContain('2026-2')
      expect(text).toMatch(/☑同意.*☐不同意/)
      expect(text).toMatch(/☐同意.*☑不同意/)
      // An ordinary case: every worker of the hall may open it, and the slip says so (not "only yours").
      expect(text).toContain(lang === 'zh-CN' ? '只有本服务站的社工和督导能查看' : '只有本服務站的社工和督導可以查看')
    }
  })

  it('a confidential report (检举控告): the slip promises what the desk enforces — its worker and supervisors, others only with a recorded reason', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '黄𠮶明', contactDate: '2026-11-23' })
    saveScreening(t.desk, c.id, { item: 'i', answer: 'yes' })
    decideDiversion(t.desk, c.id, { chosen: 'discipline' })
    for (const [lang, who, art] of [
      ['zh-CN', '只有负责您个案的社工和督导能查看', '第十八条'],
      ['yue-HK', '只有負責你個案的社工和督導可以查看', '第十八條']
    ] as const) {
      const text = pdfText(await renderPdf(consentSlipDefinition(t.desk, c.id, lang).doc, { refuseMissing: false })).replace(/\s+/g, '')
      expect(text).toContain(who)
      expect(text).toContain(art)
      expect(text).not.toContain(lang === 'zh-CN' ? '只有本服务站的社工和督导能查看' : '只有本服務站的社工和督導可以查看')
    }
  })
})
