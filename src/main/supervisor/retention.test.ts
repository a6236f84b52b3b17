import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { createCase, saveClosing, scheduleFollowUp, completeFollowUp } from '../cases/api'
import { finishInterview, startInterview } from '../interview/service'
import { figuresPdf, hallFigures } from './figures'
import { destroyCases, destructionRegister, retentionCandidates, setLegalHold, setRetentionYears } from './retention'
import { auditQuery } from './audit'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

const closing = (closedDate: string) => ({
  category: 'end' as const,
  openedDate: '',
  closedDate,
  transferReason: null,
  transferReasonOther: '',
  closingType: 'goalsMet' as const,
  closingTypeOther: '',
  linkedResources: '',
  contactedDepartments: '',
  goals: [],
  reflection: '',
  workerSignedDate: '',
  transferTo: ''
})

describe('retention: destroy closed files past the period, keep a register, respect legal holds', () => {
  it('destroys every row of an eligible case, leaves a register line without personal data, and refuses held or recent ones', () => {
    d = setupDesk({ now: () => new Date('2026-03-10T02:00:00Z') })
    const desk = d.desk
    const old = createCase(desk, { partyKind: 'person', name: '销毁测试人𠮶', contactDate: '2018-05-01', phone: '13800138000' })
    const iv = startInterview(desk, { caseId: old.id })
    finishInterview(desk, { interviewId: iv.id })
    // The contact took place in 2018 (a case is never closed before its last contact).
    desk.db().sqlite.prepare("UPDATE interviews SET started_at = '2018-05-01T02:00:00.000Z', ended_at = '2018-05-01T03:00:00.000Z' WHERE id = ?").run(iv.id)
    saveClosing(desk, old.id, closing('2019-01-15'), { finalize: true })
    const held = createCase(desk, { partyKind: 'person', name: '保留测试人', contactDate: '2018-05-01' })
    saveClosing(desk, held.id, closing('2019-02-01'), { finalize: true })
    const recent = createCase(desk, { partyKind: 'person', name: '近期结案人', contactDate: '2025-05-01' })
    saveClosing(desk, recent.id, closing('2025-12-01'), { finalize: true })

    // Nothing is eligible until the supervisor sets the period.
    expect(retentionCandidates(desk)).toEqual([])
    setRetentionYears(desk, 5)
    expect(retentionCandidates(desk).map((c) => c.caseNo)).toEqual([old.caseNo, held.caseNo])
    setLegalHold(desk, { caseId: held.id, hold: true, reason: '诉讼中' })

    expect(() => destroyCases(desk, { caseIds: [old.id], reason: '保管期满', confirm: '删除' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'supervisor:retention.errors.confirm' }))
    expect(() => destroyCases(desk, { caseIds: [held.id], reason: '保管期满', confirm: '销毁' })).toThrowError(/CONFLICT/)
    expect(() => destroyCases(desk, { caseIds: [recent.id], reason: '保管期满', confirm: '销毁' })).toThrowError(/CONFLICT/)
    expect(() => destroyCases(desk, { caseIds: [old.id, held.id], reason: '保管期满', confirm: '销毁' })).toThrowError(/CONFLICT/)
    const db = desk.db().sqlite
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 3 })

    expect(destroyCases(desk, { caseIds: [old.id], reason: '保管期满，按制度销毁', confirm: '銷毀' })).toEqual({ destroyed: 1 })
    expect(db.prepare('SELECT id FROM cases ORDER BY id').all()).toEqual([{ id: held.id }, { id: recent.id }])
    expect(db.prepare('SELECT count(*) AS n FROM interviews WHERE case_id = ?').get(old.id)).toEqual({ n: 0 })
    // No table anywhere still holds the name or the phone.
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[]
    for (const { name } of tables) {
      const rows = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())
      expect({ name, hasName: rows.includes('销毁测试人'), hasPhone: rows.includes('13800138000') }).toEqual({ name, hasName: false, hasPhone: false })
    }
    const reg = destructionRegister(desk)
    expect(reg).toHaveLength(1)
    expect(reg[0]).toMatchObject({ caseNo: old.caseNo, openedAt: '2018-05-01', closedAt: '2019-01-15', reason: '保管期满，按制度销毁', destroyedByName: '陈督导' })
    // The trail of the destroyed case is still there (ids and case number only), chain intact.
    const trail = auditQuery(desk, { caseNo: old.caseNo })
    expect(trail.rows.some((r) => r.action === 'retention.destroy')).toBe(true)
    expect(trail.chain.ok).toBe(true)

    setLegalHold(desk, { caseId: held.id, hold: false })
    expect(destroyCases(desk, { caseIds: [held.id], reason: '保管期满', confirm: '销毁' })).toEqual({ destroyed: 1 })
  })
})

describe("the hall's figures", () => {
  it('counts by need, locality, month, follow-up timeliness and risk, and prints them in either language', async () => {
    d = setupDesk({ now: () => new Date('2026-03-10T02:00:00Z') })
    const desk = d.desk
    createCase(desk, { partyKind: 'person', name: '甲', contactDate: '2026-01-05', needs: ['legalAdvice', 'emotionalSupport'], locality: '天河区' })
    createCase(desk, { partyKind: 'collective', name: '乙', contactDate: '2026-01-20', headcount: 8, needs: ['legalAdvice'], locality: '天河区', irrational: true })
    const c3 = createCase(desk, { partyKind: 'person', name: '丙', contactDate: '2026-02-11', needs: ['resourceLinking'], locality: '越秀区' })
    createCase(desk, { partyKind: 'person', name: '丁', contactDate: '2025-06-01', locality: '番禺区' })
    const f1 = scheduleFollowUp(desk, { caseId: c3.id, dueDate: '2026-02-14', kind: 'short' })
    completeFollowUp(desk, f1.id)
    scheduleFollowUp(desk, { caseId: c3.id, dueDate: '2026-03-01', kind: 'short' })
    scheduleFollowUp(desk, { caseId: c3.id, dueDate: '2026-03-20', kind: 'mid' })

    const f = hallFigures(desk, { from: '2026-01-01', to: '2026-03-10' })
    expect(f.totals.newCases).toBe(3)
    expect(f.byNeed.find((n) => n.code === 'legalAdvice')?.count).toBe(2)
    expect(f.byLocality[0]).toEqual({ locality: '天河区', count: 2 })
    expect(f.monthly).toEqual([
      { month: '2026-01', newCases: 2, repeat: 0, collective: 1, irrational: 1 },
      { month: '2026-02', newCases: 1, repeat: 0, collective: 0, irrational: 0 },
      { month: '2026-03', newCases: 0, repeat: 0, collective: 0, irrational: 0 }
    ])
    expect(f.followUps.overdue).toBe(1)
    expect(f.followUps.onTime + f.followUps.late).toBe(1)
    expect(f.risk.reduce((a, r) => a + r.count, 0)).toBe(4)
    expect(f.caseload.length).toBeGreaterThan(0)

    const dir = mkdtempSync(join(tmpdir(), 'desk-figures-'))
    try {
      for (const [locale, title, label] of [
        ['zh-CN', '信访社工服务统计报告', '按问题属地'],
        ['yue-HK', '信訪社工服務統計報告', '按問題屬地']
      ] as const) {
        const file = join(dir, `${locale}.pdf`)
        writeFileSync(file, await figuresPdf(desk, { from: '2026-01-01', to: '2026-03-10' }, locale))
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        expect(text).toContain(title)
        expect(text).toContain(label)
        expect(text).toContain('天河区')
        // Counts only: no petitioner's name in the report.
        expect(text).not.toMatch(/甲|乙|丙|丁/)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
