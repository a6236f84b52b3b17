import type { Desk } from '../desk/desk'
import type { RiskLevel } from '@shared/domain/interview'

/**
 * The interview's door to the cases feature. Everything the interview does to a case goes through
 * here, so the cases API (src/main/cases/api.ts) is used in one place.
 * TEMPORARY ADAPTER: until the cases feature commits its api.ts, this writes only the foundation
 * columns of `cases` (0001) and keeps crisis actions and follow-ups in the interview's own events.
 */
export interface CaseSummary {
  id: number
  caseNo: string
  name: string
  language: string | null
  riskLevel: RiskLevel
}

export interface CaseLink {
  createCase(desk: Desk, input: { name: string; outputLang: string }): { id: number; caseNo: string }
  caseSummary(desk: Desk, caseId: number): CaseSummary | null
  setRiskLevel(desk: Desk, caseId: number, level: RiskLevel, reason: string): void
  recordFlowAction(desk: Desk, input: { caseId: number; flow: string; step: string; note?: string }): void
  scheduleFollowUp(desk: Desk, input: { caseId: number; dueDate: string; kind: 'short' | 'mid'; note?: string; interviewId?: number }): void
  fillFormA(desk: Desk, caseId: number, input: { demands: string; experience: string; personality: string; language: string }): void
}

export const caseLink: CaseLink = {
  createCase(desk, _input) {
    const db = desk.db().sqlite
    const now = desk.now()
    const year = now.getUTCFullYear()
    const last = db.prepare(`SELECT case_no FROM cases WHERE case_no LIKE ? ORDER BY case_no DESC LIMIT 1`).get(`${year}-%`) as
      | { case_no: string }
      | undefined
    const seq = last ? Number(last.case_no.slice(5)) + 1 : 1
    const caseNo = `${year}-${String(seq).padStart(6, '0')}`
    const at = now.toISOString()
    const uid = desk.session?.userId ?? null
    const r = db
      .prepare(`INSERT INTO cases (case_no, status, risk_level, assigned_worker_id, created_by, created_at, updated_at) VALUES (?, 'intake', 'none', ?, ?, ?, ?)`)
      .run(caseNo, uid, uid, at, at)
    desk.audit({ action: 'case.created', subjectType: 'case', subjectId: Number(r.lastInsertRowid), details: { from: 'interview' } })
    return { id: Number(r.lastInsertRowid), caseNo }
  },
  caseSummary(desk, caseId) {
    const row = desk.db().sqlite.prepare('SELECT id, case_no, risk_level FROM cases WHERE id = ?').get(caseId) as
      | { id: number; case_no: string; risk_level: RiskLevel }
      | undefined
    return row ? { id: row.id, caseNo: row.case_no, name: '', language: null, riskLevel: row.risk_level } : null
  },
  setRiskLevel(desk, caseId, level, reason) {
    desk.db().sqlite.prepare('UPDATE cases SET risk_level = ?, updated_at = ? WHERE id = ?').run(level, desk.now().toISOString(), caseId)
    desk.audit({ action: 'case.riskLevel', subjectType: 'case', subjectId: caseId, details: { level, reason } })
  },
  recordFlowAction(desk, input) {
    desk.audit({ action: 'case.flowAction', subjectType: 'case', subjectId: input.caseId, details: { flow: input.flow, step: input.step } })
  },
  scheduleFollowUp(desk, input) {
    desk.audit({ action: 'case.followUp', subjectType: 'case', subjectId: input.caseId, details: { kind: input.kind, dueDate: input.dueDate } })
  },
  fillFormA(desk, caseId, input) {
    desk.audit({ action: 'case.formAFromInterview', subjectType: 'case', subjectId: caseId, details: { fields: Object.keys(input).filter((k) => (input as Record<string, string>)[k]) } })
  }
}
