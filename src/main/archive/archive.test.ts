import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { setupDesk, SUPERVISOR, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { seedFormsCase, type DemoCase } from '../forms/fixtures'
import { signOff } from '../supervisor/api'
import { createCase, updateCase } from '../cases/api'
import { pdfText, squash } from '../pdf/poppler'
import { labels } from '../forms/layout'
import type { ArchivePrintSummary, ArchiveRow, Loan } from '@shared/domain/archive/types'
import type { FileDelivery } from '@shared/ipc/contracts/archive'
import { CLERK } from './clerk.test-support'

let now = new Date('2026-11-20T02:00:00Z')

/** Issue 15 §4: the archive queue, batch printing, filing, reprints, the register export and lending. */
describe('the records clerk desk', () => {
  let t: TestDesk
  let a: DemoCase
  let b: DemoCase
  let secret: number
  const call = async <T>(method: string, args: unknown): Promise<T> => {
    const r = await t.router.invoke(method, args)
    if (!r.ok) throw new Error(`${method}: ${r.code} ${r.messageKey}`)
    return r.value as T
  }
  beforeAll(async () => {
    t = setupDesk({ now: () => now })
    a = seedFormsCase(t.desk, { name: '陈𠮶堃', interviews: 1 })
    b = seedFormsCase(t.desk, { name: 'Nguyễn Thị Hoa', interviews: 1 })
    signOff(t.desk, { kind: 'A', subjectId: a.caseId, opinion: '同意接案。' })
    signOff(t.desk, { kind: 'B', subjectId: a.interviewIds[0], opinion: '跟进及时。' })
    signOff(t.desk, { kind: 'A', subjectId: b.caseId, opinion: '同意接案。' })
    // A report to the discipline commission is confidential: a clerk sees its number only and cannot print it.
    secret = createCase(t.desk, { partyKind: 'person', name: '检举人郑某', contactDate: '2026-11-19' }).id
    expect(await t.router.invoke('cases.screening.save', { id: secret, item: 'i', answer: 'yes' })).toMatchObject({ ok: true })
    expect(await t.router.invoke('cases.decideDiversion', { id: secret, chosen: 'discipline' })).toMatchObject({ ok: true })
    signOff(t.desk, { kind: 'A', subjectId: secret, opinion: '同意接案。' })
    // A case no one signed off is not in the queue.
    createCase(t.desk, { partyKind: 'person', name: '未签批', contactDate: '2026-11-19' })
    session.addUser(t.desk, CLERK)
    session.logout(t.desk)
    session.login(t.desk, { loginName: CLERK.loginName, passphrase: CLERK.passphrase })
  })
  afterAll(() => t.cleanup())

  it('queues every signed-off form to print, with Form B numbered 第N次', async () => {
    const q = await call<ArchiveRow[]>('archive.queue', { state: 'toPrint' })
    expect(q.filter((r) => !r.masked).map((r) => [r.caseNo, r.kind, r.contactNo])).toEqual([
      [a.caseNo, 'A', null],
      [a.caseNo, 'B', 1],
      [b.caseNo, 'A', null]
    ])
    expect(q.filter((r) => r.masked)).toMatchObject([{ caseId: secret, name: '', kind: 'A' }])
  })

  it('refuses to file what has not been printed', async () => {
    const r = await t.router.invoke('archive.file', { items: [{ kind: 'A', subjectId: a.caseId }], archiveNo: 'GD-2026-001', box: '3' })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', messageKey: 'archive:errors.fileBeforePrint' })
  })

  it('batch-prints the queue one PDF per case with progress, then files it; a reprint says 补打（副本） and when', async () => {
    const events: { done: number; total: number }[] = []
    const off = t.desk.on('progress', (p) => p.task === 'archive.print' && events.push(p))
    const s = await call<ArchivePrintSummary>('archive.print', { lang: 'zh-CN', bundle: 'perCase', action: 'save' })
    off()
    // The confidential report is left out (and stays in the queue).
    expect(s).toMatchObject({ cases: 2, forms: 3, reprints: 0, skipped: 1 })
    expect(s.files.map((f) => f.caseNos)).toEqual([[a.caseNo], [b.caseNo]])
    expect(s.pages).toBeGreaterThanOrEqual(3)
    expect(events.at(-1)).toEqual({ task: 'archive.print', done: 2, total: 2 })
    expect(events.map((e) => e.done)).toEqual([0, 1, 2])
    const first = Buffer.from((s.deliveries[0] as { base64: string }).base64, 'base64')
    expect(squash(pdfText(first))).not.toContain('补打')
    expect(await call<ArchiveRow[]>('archive.queue', { state: 'toPrint' })).toMatchObject([{ caseId: secret, masked: true }])
    expect(squash(pdfText(first))).not.toContain('检举人')

    expect(await call('archive.file', { items: [{ kind: 'A', subjectId: a.caseId }, { kind: 'B', subjectId: a.interviewIds[0] }], archiveNo: 'GD-2026-001', box: '3', shelf: 'A-2' })).toEqual({ filed: 2 })
    const filed = await call<ArchiveRow[]>('archive.queue', { state: 'filed' })
    expect(filed.map((r) => [r.kind, r.archiveNo, r.box, r.shelf])).toEqual([['A', 'GD-2026-001', '3', 'A-2'], ['B', 'GD-2026-001', '3', 'A-2']])

    now = new Date('2026-11-27T03:30:00Z')
    const again = await call<ArchivePrintSummary>('archive.print', { items: [{ kind: 'A', subjectId: a.caseId }], lang: 'yue-HK', bundle: 'one', action: 'print' })
    expect(again).toMatchObject({ cases: 1, forms: 1, reprints: 1 })
    const text = squash(pdfText(Buffer.from((again.deliveries[0] as { base64: string }).base64, 'base64')))
    expect(text).toContain(squash(labels('yue-HK')('copyMark', { first: '2026-11-20 10:00', at: '2026-11-27 11:30' })))
    const reprinted = await call<ArchiveRow[]>('archive.queue', { state: 'reprinted' })
    expect(reprinted).toMatchObject([{ kind: 'A', caseId: a.caseId, prints: 2, state: 'filed' }])
  })

  it('lends a filed case file and takes it back; an overdue one is on the clerk\u2019s Today', async () => {
    expect(await t.router.invoke('archive.lend', { caseId: b.caseId, borrower: '区信访局 张科长', dueDate: '2026-12-01' })).toMatchObject({ ok: false, messageKey: 'archive:errors.notFiled' })
    const loan = await call<Loan>('archive.lend', { caseId: a.caseId, borrower: '区信访局 张科长', purpose: '复查', dueDate: '2026-11-30' })
    expect(loan).toMatchObject({ caseNo: a.caseNo, returnedAt: null, overdue: false, lentBy: { displayName: CLERK.displayName } })
    expect(await t.router.invoke('archive.lend', { caseId: a.caseId, borrower: '别人', dueDate: '2026-12-30' })).toMatchObject({ ok: false, messageKey: 'archive:errors.alreadyOut' })
    now = new Date('2026-12-02T01:00:00Z')
    const today = await call<{ overdue: Loan[] }>('archive.today', {})
    expect(today.overdue.map((l) => l.id)).toEqual([loan.id])
    const back = await call<Loan>('archive.return', { loanId: loan.id })
    expect(back.returnedAt).not.toBeNull()
    expect((await call<{ overdue: Loan[] }>('archive.today', {})).overdue).toEqual([])
    expect(await t.router.invoke('archive.return', { loanId: loan.id })).toMatchObject({ ok: false, messageKey: 'archive:errors.alreadyReturned' })
  })

  it('lists cases with filters and sorting', async () => {
    const all = await call<{ rows: { caseNo: string; name: string; masked: boolean }[]; total: number }>('archive.cases', { sort: 'caseNo', desc: true })
    expect(all.total).toBe(4)
    expect(all.rows.filter((r) => r.masked)).toEqual([expect.objectContaining({ name: '' })])
    expect(all.rows.map((r) => r.caseNo)).toEqual([...all.rows.map((r) => r.caseNo)].sort().reverse())
    const none = await call<{ total: number }>('archive.cases', { from: '2030-01-01' })
    expect(none.total).toBe(0)
  })

  it('exports CSV and XLSX without personal columns unless chosen, formula-safe, audited', async () => {
    session.logout(t.desk)
    session.login(t.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    updateCase(t.desk, b.caseId, { summary: '=HYPERLINK("http://x","点我")' })
    session.logout(t.desk)
    session.login(t.desk, { loginName: CLERK.loginName, passphrase: CLERK.passphrase })

    const csv = await call<FileDelivery>('archive.export', { filter: {}, format: 'csv', columns: ['caseNo', 'status', 'riskLevel', 'worker'], lang: 'zh-CN' })
    const text = Buffer.from((csv as { base64: string }).base64, 'base64').toString('utf8')
    expect(text.startsWith('\ufeff个案编号,状态,风险等级,负责社工')).toBe(true)
    expect(text).not.toContain('陈𠮶堃')
    expect(csv.rows).toBe(4)

    const withNames = await call<FileDelivery>('archive.export', { filter: {}, format: 'csv', columns: ['caseNo', 'name', 'summary'], lang: 'zh-CN' })
    const named = Buffer.from((withNames as { base64: string }).base64, 'base64').toString('utf8')
    expect(named).toContain('陈𠮶堃')
    expect(named).not.toContain('检举人')
    expect(named).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`)

    const xlsx = await call<FileDelivery>('archive.export', { filter: {}, format: 'xlsx', columns: ['caseNo', 'name', 'summary'], lang: 'yue-HK' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from((xlsx as { base64: string }).base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.getRow(1).values).toEqual([undefined, '個案編號', '姓名（名稱）', '訴求概況'])
    const cells = ws.getSheetValues().flat().filter((v) => v != null)
    expect(cells).toContain('陈𠮶堃')
    expect(cells).toContain(`'=HYPERLINK("http://x","点我")`)
    ws.eachRow((row) => row.eachCell((c) => expect(c.type, String(c.value)).not.toBe(ExcelJS.ValueType.Formula)))

    const audits = t.desk.db().sqlite.prepare(`SELECT details FROM audit_events WHERE action = 'archive.export' ORDER BY id`).all() as { details: string }[]
    expect(audits).toHaveLength(3)
    expect(JSON.parse(audits[1].details)).toMatchObject({ format: 'csv', rows: 4, personal: ['name', 'summary'] })
    for (const x of audits) expect(x.details).not.toContain('陈')
  })
})
