import { and, asc, desc, eq, gte, inArray, lte, notInArray, sql, type SQL } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { Desk } from '../desk/desk'
import { caseClosings, caseDiversions, caseFlowActions, cases } from '../db/schema/cases'
import { users } from '../db/schema/foundation'
import { RISK_LEVELS, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { DiversionRoute } from '@shared/domain/screening/rules'
import type { CaseFlag, ExportColumn, RegisterRow } from '@shared/domain/archive/types'
import { PERSONAL_COLUMNS } from '@shared/domain/archive/types'
import { safeCell, toCsv } from '@shared/domain/archive/cells'
import type { FileDelivery, registerFilter } from '@shared/ipc/contracts/archive'
import type { Locale } from '@shared/domain/session/types'
import { translator } from '@shared/i18n/resources'
import type { KeyIn } from '@shared/i18n/keys'
import { hiddenCases } from './confidential'

export type RegisterFilter = z.output<typeof registerFilter>

const hasFlow = (flow: string) => sql<number>`EXISTS (SELECT 1 FROM ${caseFlowActions} WHERE ${caseFlowActions.caseId} = ${cases.id} AND ${caseFlowActions.flow} = ${flow})`
const collective = sql<number>`(${cases.partyKind} = 'collective' OR coalesce(${cases.headcount}, 0) >= 5)`
const FLAG_SQL: Record<CaseFlag, SQL> = {
  irrational: sql`${cases.irrational} = 1`,
  repeat: sql`${cases.repeatMark} = 'repeat'`,
  collective,
  crisis: hasFlow('crisis'),
  hardship: hasFlow('hardship'),
  petitionProcedure: sql`${cases.inPetitionProcedure} = 1`
}

function conditions(f: RegisterFilter): SQL[] {
  const w: SQL[] = []
  if (f.status === 'open') w.push(notInArray(cases.status, ['closed', 'transferred']))
  else if (f.status === 'closed') w.push(inArray(cases.status, ['closed', 'transferred']))
  else if (f.status) w.push(eq(cases.status, f.status))
  if (f.workerId != null) w.push(eq(cases.assignedWorkerId, f.workerId))
  if (f.from) w.push(gte(cases.contactDate, f.from))
  if (f.to) w.push(lte(cases.contactDate, f.to))
  if (f.minRisk && f.minRisk !== 'none') w.push(inArray(cases.riskLevel, RISK_LEVELS.slice(RISK_LEVELS.indexOf(f.minRisk))))
  if (f.route) w.push(eq(caseDiversions.chosen, f.route))
  for (const flag of f.flags ?? []) w.push(FLAG_SQL[flag])
  return w
}

const riskRank = sql<number>`CASE ${cases.riskLevel} WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`

function orderBy(f: RegisterFilter): SQL[] {
  const dir = f.desc ? desc : asc
  const key = { caseNo: cases.caseNo, contactDate: cases.contactDate, updatedAt: cases.updatedAt, risk: riskRank, status: cases.status, worker: users.displayName }[f.sort ?? 'caseNo']
  return [dir(key), dir(cases.caseNo)]
}

const registerColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  status: cases.status,
  riskLevel: cases.riskLevel,
  workerId: cases.assignedWorkerId,
  workerName: users.displayName,
  contactDate: cases.contactDate,
  closedDate: caseClosings.closedDate,
  route: caseDiversions.chosen,
  locality: cases.locality,
  headcount: cases.headcount,
  name: cases.name,
  phone: cases.phone,
  address: cases.address,
  summary: cases.summary,
  irrational: sql<number>`${FLAG_SQL.irrational}`,
  repeat: sql<number>`${FLAG_SQL.repeat}`,
  collective: sql<number>`${FLAG_SQL.collective}`,
  crisis: sql<number>`${FLAG_SQL.crisis}`,
  hardship: sql<number>`${FLAG_SQL.hardship}`,
  petitionProcedure: sql<number>`${FLAG_SQL.petitionProcedure}`
}

function query(desk: Desk, f: RegisterFilter) {
  return desk
    .db()
    .orm.select(registerColumns)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .leftJoin(caseDiversions, eq(caseDiversions.caseId, cases.id))
    .leftJoin(caseClosings, eq(caseClosings.caseId, cases.id))
    .where(and(...conditions(f)))
    .orderBy(...orderBy(f))
}

type Raw = Awaited<ReturnType<ReturnType<typeof query>['all']>>[number]

function toRow(r: Raw, hidden: Set<number>): RegisterRow & { phone: string; address: string; summary: string } {
  if (hidden.has(r.id)) return { ...toRow({ ...r, name: '', phone: '', address: '', summary: '', locality: '' }, new Set()), masked: true }
  const flags = (['irrational', 'repeat', 'collective', 'crisis', 'hardship', 'petitionProcedure'] as const).filter((k) => !!r[k])
  return {
    id: r.id,
    caseNo: r.caseNo,
    status: r.status as CaseStatus,
    riskLevel: r.riskLevel as RiskLevel,
    worker: r.workerId == null ? null : { id: r.workerId, displayName: r.workerName ?? '' },
    contactDate: r.contactDate,
    closedDate: r.closedDate ?? '',
    route: (r.route as DiversionRoute | null) ?? null,
    locality: r.locality,
    headcount: r.headcount ?? null,
    flags,
    masked: false,
    name: r.name,
    phone: r.phone,
    address: r.address,
    summary: r.summary
  }
}

/** The hall's case list: one page of rows and how many match. */
export function registerCases(desk: Desk, f: RegisterFilter & { limit?: number; offset?: number }): { rows: RegisterRow[]; total: number } {
  const raw = query(desk, f)
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0)
    .all()
  const hidden = hiddenCases(desk, raw.map((r) => r.id))
  const rows = raw.map((r) => {
      const { phone: _p, address: _a, summary: _s, ...row } = toRow(r, hidden)
      return row
    })
  const total = desk
    .db()
    .orm.select({ n: sql<number>`count(*)` })
    .from(cases)
    .leftJoin(caseDiversions, eq(caseDiversions.caseId, cases.id))
    .where(and(...conditions(f)))
    .get()!.n
  return { rows, total }
}

/** Cell text of one column, in the export's language (codes become their words). */
function cell(t: (k: KeyIn<'archive'>) => string, tc: (k: KeyIn<'cases'>) => string, r: ReturnType<typeof toRow>, c: ExportColumn): string {
  switch (c) {
    case 'status':
      return tc(`options.status.${r.status}`)
    case 'riskLevel':
      return tc(`options.risk.${r.riskLevel}`)
    case 'worker':
      return r.worker?.displayName ?? ''
    case 'route':
      return r.route ? tc(`routes.${r.route}.label`) : ''
    case 'headcount':
      return r.headcount == null ? '' : String(r.headcount)
    case 'flags':
      return r.flags.map((f) => t(`flags.${f}`)).join('、')
    default:
      return String(r[c] ?? '')
  }
}

/**
 * The filtered list as CSV (UTF-8 with BOM) or XLSX, for the hall's registers. Only the chosen columns;
 * the personal ones (name, phone, address, summary) never by default. Cells cannot start a formula.
 * Audited: who, which filter, which columns, how many rows — never a value.
 */
export async function exportRegister(
  desk: Desk,
  a: { filter: RegisterFilter; format: 'csv' | 'xlsx'; columns: ExportColumn[]; lang: Locale }
): Promise<FileDelivery> {
  const t = translator(a.lang, 'archive')
  const tc = translator(a.lang, 'cases')
  const columns = [...new Set(a.columns)]
  const raw = query(desk, a.filter).all()
  const hidden = hiddenCases(desk, raw.map((r) => r.id))
  const rows = raw.map((r) => toRow(r, hidden))
  const header = columns.map((c) => t(`columns.${c}`))
  const body = rows.map((r) => columns.map((c) => cell(t, tc, r, c)))
  const day = desk.now().toISOString().slice(0, 10)
  const fileName = `${t('export.fileName')}_${day}.${a.format}`
  let bytes: Buffer
  let mime: string
  if (a.format === 'csv') {
    bytes = Buffer.from(toCsv(header, body), 'utf8')
    mime = 'text/csv'
  } else {
    const wb = new ExcelJS.Workbook()
    wb.creator = 'Petition Desk'
    const ws = wb.addWorksheet(t('export.sheet'))
    ws.addRow(header).font = { bold: true }
    // Every cell is a string (never a formula), made safe like a CSV field.
    for (const r of body) ws.addRow(r.map(safeCell))
    ws.columns.forEach((col, i) => (col.width = Math.min(40, Math.max(8, header[i].length * 2 + 2))))
    bytes = Buffer.from(await wb.xlsx.writeBuffer())
    mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
  desk.audit({
    action: 'archive.export',
    details: { format: a.format, rows: rows.length, columns, personal: columns.filter((c) => PERSONAL_COLUMNS.includes(c)), filter: a.filter }
  })
  if (!desk.platform) return { mode: 'bytes', fileName, base64: bytes.toString('base64'), mime, rows: rows.length }
  const path = await desk.platform.saveFile(fileName, bytes, [{ name: a.format.toUpperCase(), extensions: [a.format] }])
  return { mode: 'platform', outcome: path ? 'saved' : 'cancelled', fileName, rows: rows.length }
}
