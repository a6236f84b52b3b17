import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import * as svc from './service'
import { lock } from '../session/service'

/** The read-back window: opened through the platform when there is one, and shown only what the petitioner may see. */
describe('read-back in a second window (real encrypted desk, fake platform)', () => {
  let t: TestDesk
  beforeEach(() => {
    t = setupDesk()
  })
  afterEach(() => t.cleanup())

  function started() {
    const s = svc.startInterview(t.desk, { petitionerName: '黄𠮶堃', outputLang: 'yue-HK' })
    svc.saveFields(t.desk, {
      interviewId: s.id,
      changes: [
        { field: 'surfaceDemand', value: '追返三個月人工', revision: 1 },
        { field: 'notes', value: '情绪激动，提到不想活', revision: 1 },
        { field: 'assessment', value: '高风险', revision: 1 }
      ]
    })
    return s
  }

  it('browser mode (no platform): opened false, so the renderer opens its own window', async () => {
    const s = started()
    t.desk.platform = null
    expect(await t.router.invoke('interview.openReadBack', { interviewId: s.id })).toEqual({ ok: true, value: { opened: false } })
  })

  it('a platform without second windows: opened false as well', async () => {
    const s = started()
    t.desk.platform = { saveFile: async () => null, printPdf: async () => false }
    expect(await t.router.invoke('interview.openReadBack', { interviewId: s.id })).toEqual({ ok: true, value: { opened: false } })
  })

  it('the desktop shell opens the read-back route, logs it, and closes it on request', async () => {
    const s = started()
    const routes: string[] = []
    let closed = 0
    t.desk.platform = {
      saveFile: async () => null,
      printPdf: async () => false,
      openSecondWindow: async (r) => void routes.push(r),
      closeSecondWindow: () => void closed++
    }
    expect(await t.router.invoke('interview.openReadBack', { interviewId: s.id })).toEqual({ ok: true, value: { opened: true } })
    expect(routes).toEqual([`readback/${s.id}`])
    expect(svc.getInterview(t.desk, s.id).events.some((e) => e.kind === 'readBack')).toBe(true)
    expect(await t.router.invoke('interview.closeReadBack', {})).toEqual({ ok: true, value: null })
    expect(closed).toBe(1)
  })

  it('the view carries the petitioner-facing texts only: no notes, assessment or risk', async () => {
    const s = started()
    const r = await t.router.invoke('interview.readBackView', { interviewId: s.id })
    expect(r.ok).toBe(true)
    const v = (r as { value: { outputLang: string; texts: Record<string, string> } }).value
    expect(v.outputLang).toBe('yue-HK')
    expect(v.texts.surfaceDemand).toBe('追返三個月人工')
    expect(Object.keys(v.texts)).not.toContain('notes')
    expect(Object.keys(v.texts)).not.toContain('assessment')
    expect(JSON.stringify(v)).not.toMatch(/不想活|高风险|riskLevel/)
  })

  it('after the desk locks the view is refused (LOCKED), and nothing opens', async () => {
    const s = started()
    let opened = 0
    t.desk.platform = { saveFile: async () => null, printPdf: async () => false, openSecondWindow: async () => void opened++ }
    lock(t.desk, 'user')
    expect(await t.router.invoke('interview.readBackView', { interviewId: s.id })).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(await t.router.invoke('interview.openReadBack', { interviewId: s.id })).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(opened).toBe(0)
  })
})
