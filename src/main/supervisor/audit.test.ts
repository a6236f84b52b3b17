import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { auditPdf, auditQuery, chainReport } from './audit'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

function withEvents(n = 12): TestDesk {
  d = setupDesk()
  const db = d.desk.db().sqlite
  const now = new Date().toISOString()
  const caseId = Number(db.prepare(`INSERT INTO cases (case_no, created_at, updated_at) VALUES ('2026-000042', ?, ?)`).run(now, now).lastInsertRowid)
  for (let i = 0; i < n; i++) d.desk.audit({ action: i % 2 ? 'cases.update' : 'cases.view', subjectType: 'case', subjectId: caseId, details: { field: `f${i}` } })
  return d
}

describe('audit viewer', () => {
  it('an intact chain is reported whole', () => {
    const t = withEvents()
    const page = auditQuery(t.desk, {})
    expect(page.chain).toMatchObject({ ok: true, breaks: [] })
    expect(page.rows.every((r) => r.broken === null)).toBe(true)
  })

  it('filters by person, case, action and date', () => {
    const t = withEvents()
    expect(auditQuery(t.desk, { caseNo: '2026-000042' }).total).toBe(12)
    expect(auditQuery(t.desk, { caseNo: '2026-000042' }).rows[0].caseNo).toBe('2026-000042')
    expect(auditQuery(t.desk, { caseNo: '2026-999999' }).total).toBe(0)
    expect(auditQuery(t.desk, { action: 'cases.update' }).total).toBe(6)
    expect(auditQuery(t.desk, { action: 'cases' }).total).toBe(12)
    expect(auditQuery(t.desk, { actorId: t.desk.session!.userId, action: 'cases.view' }).total).toBe(6)
    expect(auditQuery(t.desk, { from: '2000-01-01', to: '2000-01-02' }).total).toBe(0)
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    expect(auditQuery(t.desk, { from: today, to: today }).total).toBeGreaterThanOrEqual(12)
  })

  it('one edited event: the viewer marks exactly that event', () => {
    const t = withEvents()
    const db = t.desk.db().sqlite
    const victim = (db.prepare(`SELECT id FROM audit_events WHERE action = 'cases.update' ORDER BY id LIMIT 1 OFFSET 2`).get() as { id: number }).id
    db.prepare(`UPDATE audit_events SET details = '{"field":"forged"}' WHERE id = ?`).run(victim)
    const page = auditQuery(t.desk, {})
    expect(page.chain.ok).toBe(false)
    expect(page.chain.breaks).toEqual([{ id: victim, reason: 'edited' }])
    expect(page.rows.filter((r) => r.broken).map((r) => [r.id, r.broken])).toEqual([[victim, 'edited']])
  })

  it('one deleted event: the viewer marks the event after the gap and names the missing id', () => {
    const t = withEvents()
    const db = t.desk.db().sqlite
    const victim = (db.prepare(`SELECT id FROM audit_events ORDER BY id LIMIT 1 OFFSET 6`).get() as { id: number }).id
    db.prepare('DELETE FROM audit_events WHERE id = ?').run(victim)
    const report = chainReport(t.desk)
    expect(report.breaks).toEqual([{ id: victim + 1, reason: 'missing', gapFrom: victim, gapTo: victim }])
    expect(auditQuery(t.desk, {}).rows.find((r) => r.id === victim + 1)?.broken).toBe('missing')
  })

  it('exports the filtered trail as a PDF in either language, with the chain verdict', async () => {
    const t = withEvents()
    const dir = mkdtempSync(join(tmpdir(), 'desk-audit-pdf-'))
    try {
      for (const [locale, title, chain] of [
        ['zh-CN', '操作记录报告', '哈希链完整'],
        ['yue-HK', '操作記錄報告', '雜湊鏈完整']
      ] as const) {
        const pdf = await auditPdf(t.desk, { caseNo: '2026-000042' }, locale)
        const f = join(dir, `${locale}.pdf`)
        writeFileSync(f, pdf)
        const text = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' })
        expect(text).toContain(title)
        expect(text).toContain(chain)
        expect(text).toContain('2026-000042')
        expect(text).toContain('陈督导')
        // The whole chain's head, on paper: a later truncation is proved against it.
        const head = t.desk.db().sqlite.prepare('SELECT id, hash, (SELECT count(*) FROM audit_events) AS n FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string; n: number }
        expect(text.replace(/\s+/g, '')).toContain(head.hash)
        expect(text.replace(/\s+/g, '')).toContain(locale === 'zh-CN' ? `全链共${head.n}条` : `全鏈共${head.n}條`)
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
