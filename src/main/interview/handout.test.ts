import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { setSetting } from '../settings/settings'
import { pdfFonts, pdfPages, pdfText, squash } from '../pdf/poppler'
import * as svc from './service'
import { handoutPdf } from './handout'

const clock = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in Guangzhou

describe('petitioner handout PDF', () => {
  let t: TestDesk
  beforeEach(() => {
    t = setupDesk({ now: () => clock })
    setSetting(t.desk, 'orgName', '某区信访社工服务站')
    setSetting(t.desk, 'orgPhone', '020-12345678')
  })
  afterEach(() => t.cleanup())

  it.each([
    ['yue-HK', 'A5', '跟住落嚟', '你今日講嘅事', '告知單'],
    ['zh-CN', 'A4', '接下来', '您今天反映的事情', '告知单']
  ] as const)('%s on %s: what happens next, real dates, the organisation phone, a file name in the handout language', async (lang, paper, heading, chain, file) => {
    const s = svc.startInterview(t.desk, { petitionerName: '黄𠮶堃', outputLang: lang })
    // The transfer chain is promised only once the worker records the petition route.
    svc.setMeta(t.desk, { interviewId: s.id, patch: { route: 'petition' } })
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'summary', value: '今日傾咗欠薪嘅事。', revision: 1 }] })
    svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-26' })
    const r = await handoutPdf(t.desk, { interviewId: s.id, paper, action: 'save' })
    expect(r.mode).toBe('bytes')
    if (r.mode !== 'bytes') return
    const pdf = Buffer.from(r.base64, 'base64')
    expect(pdfPages(pdf)).toBe(1)
    const text = squash(pdfText(pdf))
    expect(text).toContain(heading)
    expect(text).toContain(chain)
    // The walk-in chain: transfer by +15 (12-08), written notice as late as about +30 (12-23).
    expect(text).toContain('2026年12月8日（星期二）')
    expect(text).toContain('2026年12月23日（星期三）')
    expect(text).toContain('2026年11月26日（星期四）')
    expect(text).toContain('020-12345678')
    expect(text).toContain(s.caseNo)
    expect(pdfFonts(pdf).every((f) => f.emb)).toBe(true)
    // The handout's face follows its language: Hong Kong glyph shapes for 粵語.
    const faces = pdfFonts(pdf).map((f) => f.name)
    const [own, other] = lang === 'yue-HK' ? ['NotoSansCJKhk', 'NotoSansCJKsc'] : ['NotoSansCJKsc', 'NotoSansCJKhk']
    expect(faces.some((n) => n.includes(own)), faces.join(' ')).toBe(true)
    expect(faces.some((n) => n.includes(other)), faces.join(' ')).toBe(false)
    expect(r.fileName).toMatch(new RegExp(`^${file}_2026-\\d{6}_2026-11-23\\.pdf$`))
  })

  it.each([
    ['zh-CN', ['转给有权处理的部门', '书面通知', '60天'], '法院、检察院或者公安机关', '申请复查'],
    ['yue-HK', ['轉畀有權處理嘅部門', '書面通知', '60日'], '法院、檢察院或者公安', '申請複查']
  ] as const)('%s: a court-judgment walk-in takes home no transfer promise; a recorded written answer brings its 复查 date', async (lang, never, guide, review) => {
    const s = svc.startInterview(t.desk, { petitionerName: '林志强', outputLang: lang })
    svc.setMeta(t.desk, { interviewId: s.id, patch: { matterType: 'litigation', route: 'litigation' } })
    const pdfOf = async () => {
      const r = await handoutPdf(t.desk, { interviewId: s.id, paper: 'A5', action: 'save' })
      if (r.mode !== 'bytes') throw new Error('no bytes')
      return squash(pdfText(Buffer.from(r.base64, 'base64')))
    }
    const text = await pdfOf()
    for (const x of never) expect(text).not.toContain(x)
    expect(text).toContain(guide)
    expect(text).not.toContain(review)
    // The worker records the day the written 处理意见 arrived: the window runs from that day, on the case too.
    svc.setMeta(t.desk, { interviewId: s.id, patch: { ruleDates: { review: '2026-11-10' } } })
    const after = await pdfOf()
    expect(after).toContain(review)
    expect(after).toContain('2026年12月10日')
    expect(svc.getInterview(t.desk, s.id).caseRoute.events.opinionReceivedDate).toBe('2026-11-10')
  })
})
