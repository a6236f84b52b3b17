import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import {
  addRepresentative,
  caseHistory,
  caseload,
  createCase,
  getCase,
  listCases,
  markRepeat,
  recordFlowAction,
  saveClosing,
  scheduleFollowUp,
  setRiskLevel,
  updateCase
} from './api'
import { findRepeats, searchCases } from './search'
import { verifyChain } from '../audit/chain'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

const audit = () =>
  t.desk.db().sqlite.prepare("SELECT action, details FROM audit_events WHERE subject_type = 'case' ORDER BY id").all() as {
    action: string
    details: string
  }[]

describe('cases api', () => {
  it('creates sequential YYYY-NNNNNN numbers and keeps any character of a name', () => {
    const names = ['张𠮶', '䶮', '阿卜杜拉·买买提', 'José Núñez-Þór', '陳大文']
    const made = names.map((name) => createCase(t.desk, { partyKind: 'person', name, contactDate: '2026-11-23' }))
    expect(made.map((c) => c.caseNo)).toEqual(['2026-000001', '2026-000002', '2026-000003', '2026-000004', '2026-000005'])
    expect(made.map((c) => getCase(t.desk, c.id).fields.name)).toEqual(names)
    // Numbered in the year of the first contact (a contact date is never in the future).
    const earlier = createCase(t.desk, { partyKind: 'person', name: '林', contactDate: '2025-12-30' })
    expect(earlier.caseNo).toBe('2025-000001')
  })

  it('derives 年龄 from 出生年月 on the contact date, at exact birthdays', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王', contactDate: '2026-11-23', birth: '2008-11-23' })
    expect(c.age).toBe(18)
    expect(updateCase(t.desk, c.id, { birth: '2008-11-24' }).age).toBe(17)
    expect(updateCase(t.desk, c.id, { birth: '2008-11' }).age).toBe(18)
  })

  it('keeps previous versions and audits field names only', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '陈小明', phone: '13812345678', contactDate: '2026-11-23' })
    updateCase(t.desk, c.id, { phone: '020-81234567', summary: '工资拖欠' })
    updateCase(t.desk, c.id, { summary: '工资拖欠三个月' })
    const h = caseHistory(t.desk, c.id)
    expect(h.map((v) => v.version)).toEqual([3, 2])
    expect(h[1].changedFields.sort()).toEqual(['phone', 'summary'])
    expect(h[1].before).toEqual({ phone: '13812345678', summary: '' })
    expect(h[0].before).toEqual({ summary: '工资拖欠' })
    const upd = audit().filter((a) => a.action === 'cases.update')
    expect(upd).toHaveLength(2)
    for (const a of upd) {
      expect(a.details).not.toContain('工资')
      expect(a.details).not.toContain('8123')
    }
    expect(JSON.parse(upd[0].details).fields.sort()).toEqual(['phone', 'summary'])
    expect(verifyChain(t.desk.db().sqlite).ok).toBe(true)
  })

  it('refuses a 6th representative and saves nothing', () => {
    const c = createCase(t.desk, { partyKind: 'collective', name: '某小区业主', headcount: 8, contactDate: '2026-11-23' })
    for (let i = 1; i <= 5; i++) addRepresentative(t.desk, c.id, { name: `代表${i}` })
    expect(() => addRepresentative(t.desk, c.id, { name: '代表6' })).toThrow(expect.objectContaining({ messageKey: 'cases:errors.tooManyRepresentatives' }))
    expect(getCase(t.desk, c.id).representatives).toHaveLength(5)
    expect(() =>
      createCase(t.desk, { partyKind: 'collective', name: '另一群人', representatives: Array.from({ length: 6 }, (_, i) => ({ name: `人${i}` })) })
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
    expect(listCases(t.desk)).toHaveLength(1)
  })

  it('records risk with who, when and why', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '赵', contactDate: '2026-11-23' })
    const r = setRiskLevel(t.desk, c.id, 'high', '多次提到不想活了')
    expect(r.riskLevel).toBe('high')
    expect(r.risk).toMatchObject({ level: 'high', reason: '多次提到不想活了', by: { displayName: '陈督导' } })
    expect(() => setRiskLevel(t.desk, c.id, 'low', '  ')).toThrow(expect.objectContaining({ messageKey: 'cases:errors.riskReason' }))
    expect(listCases(t.desk, { minRisk: 'high' }).map((x) => x.id)).toEqual([c.id])
  })

  it('records flow actions with time and refuses unknown steps', () => {
    const c = createCase(t.desk, { partyKind: 'collective', name: '工友', headcount: 12 })
    const a = recordFlowAction(t.desk, { caseId: c.id, flow: 'collective', step: 'calm', note: '请大家坐下' })
    expect(a.at).toBe('2026-11-23T02:00:00.000Z')
    expect(() => recordFlowAction(t.desk, { caseId: c.id, flow: 'collective', step: 'lifeRisk' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'cases:errors.unknownStep' }))
  })

  it('finds a case by 2+ characters in either script, phone digits and full-width digits', () => {
    const c = createCase(t.desk, {
      partyKind: 'person',
      name: '陳大文',
      phone: '020-81234567',
      address: '广州市越秀区中山五路 1 号',
      summary: '信访事项：工资拖欠'
    })
    const ids = (q: string) => searchCases(t.desk, q).map((x) => x.id)
    expect(ids('陈大')).toEqual([c.id])
    expect(ids('大文')).toEqual([c.id])
    expect(ids('信訪')).toEqual([c.id])
    expect(ids('越秀區')).toEqual([c.id])
    expect(ids('8123')).toEqual([c.id])
    expect(ids('８１２３４')).toEqual([c.id])
    expect(ids('陈')).toEqual([])
    expect(ids(c.caseNo)).toEqual([c.id])
    expect(ids(c.caseNo.slice(0, 8))).toEqual([c.id])
    expect(ids('文信')).toEqual([])
    updateCase(t.desk, c.id, { name: '李四' })
    expect(ids('陈大')).toEqual([])
    expect(ids('李四')).toEqual([c.id])
  })

  it('detects the same person written in Traditional, with spaces, with a different phone — and never marks it', () => {
    const first = createCase(t.desk, { partyKind: 'person', name: '陈大文', phone: '13812345678', address: '广州市越秀区中山五路1号' })
    const cands = findRepeats(t.desk, { name: '陳 大文', phone: '+852 9123 4567', address: '廣州市越秀區中山五路 1 號' })
    expect(cands.map((c) => c.id)).toEqual([first.id])
    expect(cands[0].matched.sort()).toEqual(['address', 'name'])
    const byPhone = findRepeats(t.desk, { name: '别人', phone: '+86 138 1234 5678' })
    expect(byPhone[0].matched).toEqual(['phone'])
    const second = createCase(t.desk, { partyKind: 'person', name: '陳大文' })
    expect(getCase(t.desk, second.id).repeat).toBeNull()
    expect(markRepeat(t.desk, second.id, { mark: 'repeat', ofCaseIds: [first.id] }).repeat).toMatchObject({ mark: 'repeat', ofCaseIds: [first.id] })
  })

  it('closes with Form C data and goal rows; counts caseload', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '周', contactDate: '2026-11-01' })
    scheduleFollowUp(t.desk, { caseId: c.id, dueDate: '2026-11-26', kind: 'short' })
    expect(caseload(t.desk).find((r) => r.worker.displayName === '陈督导')).toMatchObject({ open: 1, rational: 1, rationalState: 'under' })
    const closed = saveClosing(
      t.desk,
      c.id,
      {
        category: 'end',
        openedDate: '',
        closedDate: '2026-11-23',
        transferReason: null,
        transferReasonOther: '',
        closingType: 'goalsMet',
        closingTypeOther: '',
        linkedResources: '临时救助',
        contactedDepartments: '街道办',
        goals: [
          { seq: 1, goal: '情绪平复', achievement: '已达成', note: '' },
          { seq: 2, goal: '链接救助', achievement: '部分达成', note: '等待审批' }
        ],
        reflection: '及早链接资源',
        workerSignedDate: '2026-11-23',
        transferTo: ''
      },
      { finalize: true }
    )
    expect(closed.status).toBe('closed')
    expect(closed.closing?.openedDate).toBe('2026-11-01')
    expect(closed.closing?.goals.map((g) => g.goal)).toEqual(['情绪平复', '链接救助'])
    expect(caseload(t.desk).find((r) => r.worker.displayName === '陈督导')?.open).toBe(0)
  })
})
