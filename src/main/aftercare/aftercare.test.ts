import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { translator } from '@shared/i18n/resources'
import { METHODS, contract } from '@shared/ipc/contract'
import { aftercareCalls } from '@shared/ipc/contracts/aftercare'
import { sweepMissedDeadlines } from './notices'

let t: TestDesk
let clock = new Date('2026-11-23T02:00:00Z')
beforeEach(() => {
  clock = new Date('2026-11-23T02:00:00Z')
  t = setupDesk({ now: () => clock })
})
afterEach(() => t.cleanup())

const invoke = (m: string, a: unknown = {}) => t.router.invoke(m, a)
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true })
  return (r as { value: T }).value
}
const asWorker = () => {
  session.logout(t.desk)
  session.login(t.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
}
const asSupervisor = () => {
  session.logout(t.desk)
  session.login(t.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
}
/** A second worker of the hall (added by the supervisor), signed in. */
const asAnotherWorker = () => {
  asSupervisor()
  session.addUser(t.desk, { displayName: '王社工', loginName: 'wang', passphrase: 'amber forest window candle', role: 'worker' })
  session.logout(t.desk)
  session.login(t.desk, { loginName: 'wang', passphrase: 'amber forest window candle' })
}
const sql = <T>(q: string, ...p: unknown[]) => t.desk.db().sqlite.prepare(q).all(...p) as T[]
const openNotices = async () => value<{ kind: string; detail: string; caseId: number }[]>(await invoke('notices.open'))
/** A case the worker registers (so it is theirs). */
async function workerCase(fields: Record<string, unknown> = {}): Promise<number> {
  return value<{ id: number }>(await invoke('cases.create', { partyKind: 'person', name: '黄阿姨', contactDate: '2026-11-20', ...fields })).id
}
const closing = (o: Record<string, unknown> = {}) => ({
  category: 'end',
  openedDate: '2026-11-20',
  closedDate: '2026-11-21',
  transferReason: null,
  transferReasonOther: '',
  closingType: 'goalsMet',
  closingTypeOther: '',
  linkedResources: '',
  contactedDepartments: '',
  goals: [{ seq: 1, goal: '情绪平复', achievement: '已达成', note: '' }],
  reflection: '',
  workerSignedDate: '',
  transferTo: '',
  ...o
})

describe('supervisors are told, by any path (issue 16 §3)', () => {
  it('risk raised to high on the case page, to critical by an accepted risk cue; a crisis is told once, not twice', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.setRisk', { id: a, level: 'medium', reason: '情绪激动' }))
    value(await invoke('cases.setRisk', { id: a, level: 'high', reason: '多次提及轻生' }))
    value(await invoke('cases.setRisk', { id: a, level: 'high', reason: '再次评估' })) // no rise: no second notice
    const b = await workerCase({ name: '李伯' })
    const iv = value<{ id: number }>(await invoke('interview.start', { caseId: b }))
    value(await invoke('interview.riskCue', { interviewId: iv.id, kind: 'goodbye', answer: 'raise' }))
    const c = await workerCase({ name: '陈生' })
    value(await invoke('interview.crisis', { caseId: c, kind: 'violence' }))
    asSupervisor()
    const got = await openNotices()
    expect(got.map((n) => [n.caseId, n.kind, n.detail]).sort()).toEqual(
      [
        [a, 'risk.raised', 'high'],
        [b, 'risk.raised', 'critical'],
        [c, 'crisis.violence', '']
      ].sort()
    )
  })

  it('a 非理性上访 risk event and a visit judged large-scale reach the supervisor; other flow steps do not', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.flowAction', { caseId: a, flow: 'irrational', step: 'gradeRisk' }))
    value(await invoke('cases.flowAction', { caseId: a, flow: 'irrational', step: 'reportEvent', note: '在大厅拍桌' }))
    const g = await workerCase({ partyKind: 'collective', name: '某厂工友', headcount: 40 })
    value(await invoke('cases.setLargeScale', { id: g, judged: true }))
    value(await invoke('cases.setLargeScale', { id: g, judged: true }))
    asSupervisor()
    expect((await openNotices()).map((n) => [n.caseId, n.kind]).sort()).toEqual([[a, 'irrational.event'], [g, 'collective.largeScale']].sort())
  })

  it('a missed 15-day transfer deadline is raised once, with its date; a case routed in time is not', async () => {
    asWorker()
    const late = await workerCase({ contactDate: '2026-11-02' })
    const onTime = await workerCase({ contactDate: '2026-11-02', name: '周' })
    t.desk.db().sqlite.prepare(`INSERT INTO case_diversions (case_id, chosen, decided_at) VALUES (?, 'thisLevel', '2026-11-10T02:00:00.000Z')`).run(onTime)
    asSupervisor()
    // D1 for a contact on 11-02 is 11-17; on 11-23 it has passed.
    const got = (await openNotices()).filter((n) => n.kind === 'deadline.missed')
    expect(got.map((n) => [n.caseId, n.detail])).toEqual([[late, 'D1:2026-11-17']])
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(0)
    clock = new Date('2026-11-24T02:00:00Z')
    expect((await openNotices()).filter((n) => n.kind === 'deadline.missed')).toHaveLength(1)
  })

  it('acknowledged only with a note; the note is kept with the notice and the audit trail names the notice, not the note', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.setRisk', { id: a, level: 'critical', reason: '自伤风险' }))
    asSupervisor()
    const [n] = (await openNotices()) as unknown as { id: number }[]
    const r = await invoke('notices.acknowledge', { noticeId: n.id, note: '   ' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'aftercare:errors.noteRequired', field: 'note' })
    expect(translator('yue-HK', 'aftercare')('errors.noteRequired')).not.toBe('errors.noteRequired')
    value(await invoke('notices.acknowledge', { noticeId: n.id, note: '已致电社工，今日跟进' }))
    expect(await openNotices()).toEqual([])
    expect(sql<{ acknowledge_note: string }>('SELECT acknowledge_note FROM notices WHERE id = ?', n.id)[0].acknowledge_note).toBe('已致电社工，今日跟进')
    const audit = sql<{ details: string }>(`SELECT details FROM audit_events WHERE action = 'notices.acknowledge'`)
    expect(audit).toHaveLength(1)
    expect(audit[0].details).not.toContain('致电')
  })
})

describe('opinions reach the worker and are acknowledged', () => {
  it('a Form A sign-off opinion and a case-conference opinion wait on the worker until read; another worker cannot clear them', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.update', { id: a, patch: { workerSignedDate: '2026-11-20' } }))
    asSupervisor()
    value(await invoke('signoff.sign', { kind: 'A', subjectId: a, opinion: '同意立案，注意情绪' }))
    const rec = value<{ id: number }>(
      await invoke('supervision.save', {
        kind: 'conference',
        heldOn: '2026-11-22',
        participants: '陈督导、李社工、王社工',
        topic: '欠薪个案研讨',
        opinions: '先链接法律援助',
        decisions: '一周内回访',
        cases: [{ caseId: a, opinion: '建议转介法律援助' }]
      })
    )
    asWorker()
    const mine = value<{ kind: string; refId: number; caseId: number; opinion: string; form: string }[]>(await invoke('opinions.mine'))
    expect(mine.map((o) => [o.kind, o.form, o.opinion]).sort()).toEqual([
      ['signoff', 'A', '同意立案，注意情绪'],
      ['supervision', 'conference', '建议转介法律援助']
    ])
    asAnotherWorker()
    const s = mine.find((o) => o.kind === 'supervision')!
    expect(await invoke('opinions.acknowledge', { kind: 'supervision', refId: s.refId, caseId: a, note: '' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    asWorker()
    for (const o of mine) value(await invoke('opinions.acknowledge', { kind: o.kind, refId: o.refId, caseId: o.caseId, note: '已阅' }))
    expect(value(await invoke('opinions.mine'))).toEqual([])
    asSupervisor()
    const after = value<{ cases: { acknowledged: boolean }[] }>(await invoke('supervision.get', { id: rec.id }))
    expect(after.cases[0].acknowledged).toBe(true)
    // Changing the opinion makes it news again.
    const again = { kind: 'conference', heldOn: '2026-11-22', participants: '陈督导、李社工', topic: '欠薪个案研讨', opinions: '', decisions: '' }
    value(await invoke('supervision.save', { ...again, id: rec.id, cases: [{ caseId: a, opinion: '改为先调解' }] }))
    asWorker()
    expect(value<unknown[]>(await invoke('opinions.mine'))).toHaveLength(1)
  })
})

describe('supervision and case-conference records (8.3 c, 8.5)', () => {
  it('saved with cases, listed by case, refused in the future, printed as a PDF whose text is the record', async () => {
    asWorker()
    const a = await workerCase()
    asSupervisor()
    expect(
      await invoke('supervision.save', { kind: 'supervision', heldOn: '2026-11-24', participants: '', topic: '', opinions: '', decisions: '', cases: [] })
    ).toMatchObject({ ok: false, code: 'BAD_ARGS', field: 'heldOn' })
    expect(
      await invoke('supervision.save', { kind: 'supervision', heldOn: '2026-11-20', participants: '', topic: '', opinions: '', decisions: '', cases: [{ caseId: 9999, opinion: '' }] })
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const rec = value<{ id: number }>(
      await invoke('supervision.save', { kind: 'supervision', heldOn: '2026-11-20', participants: '陈督导、李社工', topic: '个别督导', opinions: '关注情绪', decisions: '下周回访', cases: [{ caseId: a, opinion: '𠮶个案需跟进' }] })
    )
    expect(value<{ id: number }[]>(await invoke('supervision.list', { caseId: a })).map((r) => r.id)).toEqual([rec.id])
    const pdf = value<{ mode: string; base64: string; pages: number }>(await invoke('supervision.pdf', { id: rec.id, locale: 'yue-HK', action: 'save' }))
    expect(pdf.pages).toBe(1)
    const dir = mkdtempSync(join(tmpdir(), 'desk-sv-'))
    try {
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(pdf.base64, 'base64'))
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
      const flat = text.replace(/\s/g, '')
      // Labels in the chosen language; what the supervisor typed, exactly as typed (an astral character too).
      for (const s of ['督導記錄', '參加人員', '決定事項', '2026-11-20', '陈督导、李社工', '关注情绪', '下周回访', '𠮶个案需跟进', '2026-000001']) expect(flat).toContain(s)
      expect(flat).not.toMatch(/supervision\.|fields\./)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('return visits (7.1.5, 8.3 b)', () => {
  it('closing schedules one a month on; the worker records it; the figures count it', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.close', { id: a, closing: closing(), finalize: true }))
    const [v] = value<{ id: number; dueDate: string; reason: string; caseId: number }[]>(await invoke('returnVisits.forCase', { caseId: a }))
    expect(v).toMatchObject({ dueDate: '2026-12-21', reason: 'closed', caseId: a })
    clock = new Date('2026-12-15T02:00:00Z')
    expect(value<{ id: number }[]>(await invoke('returnVisits.mine')).map((x) => x.id)).toEqual([v.id])
    expect(await invoke('returnVisits.record', { visitId: v.id, happened: true, visitDate: '2026-11-20' })).toMatchObject({ ok: false, field: 'visitDate' })
    expect(await invoke('returnVisits.record', { visitId: v.id, happened: true, visitDate: '2026-12-16' })).toMatchObject({ ok: false, field: 'visitDate' })
    expect(await invoke('returnVisits.record', { visitId: v.id, happened: true, visitDate: '2026-12-15', satisfaction: { overall: 5 } })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    value(
      await invoke('returnVisits.record', {
        visitId: v.id,
        happened: true,
        visitDate: '2026-12-15',
        method: 'phone',
        outcome: '工资已追回',
        petitionedAgain: 'no',
        satisfaction: { listened: 4, explained: 3, result: 2, overall: 3 }
      })
    )
    expect(await invoke('returnVisits.record', { visitId: v.id, happened: false, visitDate: '2026-12-15' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(value<unknown[]>(await invoke('returnVisits.mine'))).toEqual([])
    asSupervisor()
    const o = value<{ satisfaction: { n: number; of: number }; petitionedAgain: { n: number; of: number }; byQuestion: { question: string; rate: { n: number } }[] }>(
      await invoke('outcomes.get', { from: '2026-12-01', to: '2026-12-31' })
    )
    expect(o.satisfaction).toMatchObject({ n: 1, of: 1 })
    expect(o.petitionedAgain).toMatchObject({ n: 0, of: 1 })
    expect(o.byQuestion.find((q) => q.question === 'result')!.rate.n).toBe(0)
  })

  it('only the worker the visit is for (or a supervisor) records it', async () => {
    asWorker()
    const a = await workerCase()
    value(await invoke('cases.close', { id: a, closing: closing({ category: 'transfer', transferReason: 'beyondScope', closingType: 'referred', transferTo: '区法律援助处' }), finalize: true }))
    const [v] = value<{ id: number; reason: string }[]>(await invoke('returnVisits.forCase', { caseId: a }))
    expect(v.reason).toBe('transferred')
    asAnotherWorker()
    expect(await invoke('returnVisits.record', { visitId: v.id, happened: false, visitDate: '2026-11-23', note: '电话未接通' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('referral figures read the referrals ledger', () => {
  it('completion counts replies (告知: the result relayed); the time to the result runs from first contact to the first relay', async () => {
    asWorker()
    const a = await workerCase({ contactDate: '2026-11-01' })
    const b = await workerCase({ contactDate: '2026-11-05', name: '周' })
    const ins = t.desk.db().sqlite.prepare(
      `INSERT INTO case_referrals (case_id, route, method, sent_date, reply_date, relayed_date, withdrawn_at, created_at, updated_at) VALUES (?, 'thisLevel', ?, ?, ?, ?, ?, '2026-11-01', '2026-11-01')`
    )
    ins.run(a, 'transfer', '2026-11-02', '2026-11-10', '2026-11-12', null)
    ins.run(a, 'refer', '2026-11-03', '', '2026-11-20', null)
    ins.run(b, 'inform', '2026-11-06', '', '2026-11-06', null)
    ins.run(b, 'transfer', '2026-11-07', '', '', null)
    ins.run(b, 'transfer', '2026-11-08', '2026-11-09', '', '2026-11-09T00:00:00Z') // withdrawn: not counted
    asSupervisor()
    const o = value<{ referralCompletion: { n: number; of: number }; daysToRelay: { median: number; count: number; source: string } }>(
      await invoke('outcomes.get', { from: '2026-11-01', to: '2026-11-30' })
    )
    expect(o.referralCompletion).toMatchObject({ n: 2, of: 4 })
    // a: 11-01 → 11-12 = 11 days; b: 11-05 → 11-06 = 1 day.
    expect(o.daysToRelay).toEqual({ median: 6, count: 2, source: 'relayed' })
  })
})

describe('the monthly report, as PDF and XLSX, in either language', () => {
  it('has the month, the rates and the twelve months; the workbook has the same numbers', async () => {
    asWorker()
    for (let i = 0; i < 3; i++) await workerCase({ name: `工友${i}`, contactDate: `2026-11-0${i + 1}`, needs: ['legalAdvice'] })
    asSupervisor()
    // A month with nothing recorded prints too (an empty chart is a dash, not a crash).
    expect(await invoke('report.monthlyPdf', { month: '2026-10', locale: 'zh-CN', action: 'save' })).toMatchObject({ ok: true })
    const r = value<{ trend: unknown[]; outcomes: { repeatRate: { of: number } } }>(await invoke('report.monthly', { month: '2026-11' }))
    expect(r.trend).toHaveLength(12)
    expect(r.outcomes.repeatRate.of).toBe(3)
    for (const locale of ['zh-CN', 'yue-HK'] as const) {
      const pdf = value<{ pages: number; base64: string }>(await invoke('report.monthlyPdf', { month: '2026-11', locale, action: 'save' }))
      expect(pdf.pages).toBeGreaterThanOrEqual(1)
      const xlsx = value<{ mode: string; base64: string; fileName: string }>(await invoke('report.monthlyXlsx', { month: '2026-11', locale }))
      expect(xlsx.fileName).toBe('monthly-report_2026-11.xlsx')
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer)
      const trend = wb.worksheets[1]
      expect(trend.rowCount).toBe(13)
      expect(trend.getRow(13).getCell(1).value).toBe('2026-11')
      expect(trend.getRow(13).getCell(2).value).toBe(3)
      const words = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().filter((x) => typeof x === 'string')) as string[]
      expect(words.join(' ')).not.toMatch(/report\.|returnVisit\.|options\./)
    }
  })
})

describe('early warning (5.1 f)', () => {
  it('five cases naming one employer this month are shown with their case numbers, and no petitioner', async () => {
    asWorker()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const id = await workerCase({ name: `工友${i}号`, contactDate: `2026-11-${String(10 + i)}` })
      value(await invoke('subjects.add', { caseId: id, kind: 'employer', name: i % 2 ? '某某电子厂' : '某某电子厂 ' }))
      ids.push(id)
    }
    expect(value<string[]>(await invoke('subjects.names', { kind: 'employer' }))).toEqual(['某某电子厂'])
    asSupervisor()
    const w = value<{ signals: { kind: string; label: string; count: number; cases: { caseId: number }[] }[] }>(await invoke('warnings.get'))
    expect(w.signals.map((s) => [s.kind, s.label, s.count])).toEqual([['employer', '某某电子厂', 5]])
    expect(w.signals[0].cases.map((c) => c.caseId).sort()).toEqual(ids.sort())
    expect(JSON.stringify(w)).not.toContain('工友')
  })
})

describe('early warning: one name in two scripts is one cluster (issue 16 §5)', () => {
  it('six cases about 广州市恒达建筑, three written 廣州市恆達建築 (one of them stored before the key folded scripts), are one employer', async () => {
    asWorker()
    const ids: number[] = []
    const spellings = ['广州市恒达建筑', '廣州市恆達建築', '广州市恒达建筑', '廣州市恆達建築', '广州市 恒达建筑', '廣州市恆達建築']
    for (const [i, name] of spellings.entries()) {
      const id = await workerCase({ name: `工友${i}号`, contactDate: `2026-11-${String(10 + i)}` })
      ids.push(id)
      if (i === 5) {
        // As an earlier version stored it: the key without the script folded.
        sql(`INSERT INTO case_subjects (case_id, kind, name, name_key, added_at) VALUES (?, 'employer', ?, ?, ?) RETURNING id`, id, name, name, clock.toISOString())
      } else value(await invoke('subjects.add', { caseId: id, kind: 'employer', name }))
    }
    // The same case named twice, once in each script, is one subject.
    value(await invoke('subjects.add', { caseId: ids[0], kind: 'employer', name: '廣州市恆達建築' }))
    expect(value<unknown[]>(await invoke('subjects.forCase', { caseId: ids[0] }))).toHaveLength(1)
    asSupervisor()
    const w = value<{ signals: { kind: string; label: string; count: number; cases: { caseId: number }[] }[] }>(await invoke('warnings.get'))
    expect(w.signals.map((s) => [s.kind, s.count])).toEqual([['employer', 6]])
    expect(w.signals[0].cases.map((c) => c.caseId).sort((a, b) => a - b)).toEqual(ids)
  })
})

describe('who may call (role checks in the main process)', () => {
  it('every aftercare call for supervisors is refused to a worker and audited; every call is refused when locked', async () => {
    const supervisorOnly = Object.entries(aftercareCalls).filter(([, d]) => d.access === 'supervisor').map(([name]) => name)
    expect(supervisorOnly.sort()).toEqual(
      ['supervision.list', 'supervision.get', 'supervision.save', 'supervision.pdf', 'outcomes.get', 'report.monthly', 'report.monthlyPdf', 'report.monthlyXlsx', 'warnings.get'].sort()
    )
    asWorker()
    for (const m of supervisorOnly) expect(await invoke(m, {}), m).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Notices are each person's own (a worker's: their cases' referral replies overdue): a worker is
    // answered with theirs, and a notice not addressed to them is not found.
    expect(await invoke('notices.acknowledge', { noticeId: 1, note: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const refused = sql<{ n: number }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'access.refused'`)[0].n
    expect(refused).toBe(supervisorOnly.length)
    session.logout(t.desk)
    for (const m of Object.keys(aftercareCalls)) expect(await invoke(m, {}), m).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(METHODS.filter((m) => m in aftercareCalls)).toHaveLength(Object.keys(aftercareCalls).length)
    void contract
    void readFileSync
  })
})
