import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces'
import { actionKey, hallDayStart, type AuditFilter, type AuditPage, type AuditViewRow, type ChainBreak, type ChainReport } from '@shared/domain/supervisor/audit'
import { translator } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'
import type { Desk } from '../desk/desk'
import { anchorMac, auditKeyOf, chainHead, eventHash, GENESIS, keyedHash, type AuditRow } from '../audit/chain'
import { count } from 'drizzle-orm'
import { auditEvents } from '../db/schema'
import { readKeyring } from '../db/keyring'
import { A4_MARGINS, RULED, renderPdf } from '../pdf'

/**
 * The audit viewer's queries. The whole chain is checked on every open (it is one pass over an
 * indexed table) and every break is reported, not only the first: an edited event is flagged
 * itself (its hash no longer covers its content; later links still hold), a deleted one is flagged
 * at the event after the gap (its link points at a hash nobody has). Removing the newest events
 * cannot be seen from the chain alone: the head anchored in keyring.json (at every close) is, and
 * so are the heads in backups' manifests and on printed exports.
 */
export function chainReport(desk: Desk): ChainReport {
  const breaks: ChainBreak[] = []
  const db = desk.db().sqlite
  const key = auditKeyOf(db)
  const anchor = (() => {
    try {
      const head = readKeyring(desk.dataDir)?.auditHead
      // An anchor whose MAC does not hold was written without the key: it proves nothing.
      return head && key && anchorMac(key, head) === head.mac ? head : null
    } catch {
      return null
    }
  })()
  let prevHash = GENESIS
  let prevId = 0
  let checked = 0
  let keyed = 0
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY id').iterate() as Iterable<AuditRow>) {
    checked++
    if (row.prev_hash !== prevHash) {
      breaks.push(row.id > prevId + 1 ? { id: row.id, reason: 'missing', gapFrom: prevId + 1, gapTo: row.id - 1 } : { id: row.id, reason: 'missing' })
    }
    if (key && keyedHash(key, row.prev_hash, row) === row.hash) keyed++
    else if (eventHash(row.prev_hash, row) !== row.hash || keyed > 0) breaks.push({ id: row.id, reason: 'edited' })
    if (anchor && row.id === anchor.id && row.hash !== anchor.hash) breaks.push({ id: row.id, reason: 'edited' })
    prevHash = row.hash
    prevId = row.id
  }
  // The newest events the anchor names are gone: the trail was shortened.
  if (anchor && anchor.id > prevId) breaks.push({ id: prevId, reason: 'missing', gapFrom: prevId + 1, gapTo: anchor.id })
  return { ok: breaks.length === 0, checked, breaks }
}

function where(desk: Desk, f: AuditFilter): { sql: string; params: unknown[] } | null {
  const clauses: string[] = []
  const params: unknown[] = []
  if (f.actorId) {
    clauses.push('e.actor_id = ?')
    params.push(f.actorId)
  }
  if (f.caseNo) {
    const c = desk.db().sqlite.prepare('SELECT id FROM cases WHERE case_no = ?').get(f.caseNo.trim()) as { id: number } | undefined
    // A destroyed case keeps its trail: its number is found through the destruction register's events.
    clauses.push(`((e.subject_type = 'case' AND e.subject_id = ?) OR (e.details LIKE ? ESCAPE '\\'))`)
    params.push(String(c?.id ?? -1), `%"caseNo":"${f.caseNo.trim().replace(/[%_\\]/g, (m) => `\\${m}`)}"%`)
  }
  if (f.action) {
    clauses.push('(e.action = ? OR e.action LIKE ?)')
    params.push(f.action, `${f.action}.%`)
  }
  if (f.from) {
    clauses.push('e.at >= ?')
    params.push(hallDayStart(f.from))
  }
  if (f.to) {
    clauses.push('e.at < ?')
    params.push(hallDayStart(f.to, true))
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

export function auditQuery(desk: Desk, f: AuditFilter): AuditPage {
  const db = desk.db().sqlite
  const chain = chainReport(desk)
  const w = where(desk, f)!
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_events e ${w.sql}`).get(...w.params) as { n: number }).n
  const raw = db
    .prepare(
      `SELECT e.id, e.at, e.actor_id AS actorId, u.display_name AS actorName, e.action, e.subject_type AS subjectType,
              e.subject_id AS subjectId, e.details, c.case_no AS caseNo
       FROM audit_events e
       LEFT JOIN users u ON u.id = e.actor_id
       LEFT JOIN cases c ON e.subject_type = 'case' AND c.id = CAST(e.subject_id AS INTEGER)
       ${w.sql} ORDER BY e.id DESC LIMIT ? OFFSET ?`
    )
    .all(...w.params, f.limit ?? 200, f.offset ?? 0) as Omit<AuditViewRow, 'broken'>[]
  const broken = new Map(chain.breaks.map((b) => [b.id, b.reason]))
  return { rows: raw.map((r) => ({ ...r, broken: broken.get(r.id) ?? null })), total, chain }
}

export function auditFilters(desk: Desk): { actions: string[]; people: { id: number; name: string }[] } {
  const db = desk.db().sqlite
  return {
    actions: (db.prepare('SELECT DISTINCT action FROM audit_events ORDER BY action').all() as { action: string }[]).map((r) => r.action),
    people: db.prepare('SELECT id, display_name AS name FROM users ORDER BY id').all() as { id: number; name: string }[]
  }
}

/** The filtered trail as a PDF report (A4 landscape), in the chosen language. */
export async function auditPdf(desk: Desk, f: AuditFilter, locale: Locale): Promise<Buffer> {
  const t = translator(locale, 'supervisor')
  const page = auditQuery(desk, { ...f, limit: 5000, offset: 0 })
  const people = auditFilters(desk).people
  const actionName = (a: string) => {
    const k = actionKey(a).split(':')[1]
    const v = t(k)
    return v === k ? a : v
  }
  const filterLine = [
    f.actorId ? `${t('audit.filters.person')}: ${people.find((p) => p.id === f.actorId)?.name ?? f.actorId}` : null,
    f.caseNo ? `${t('audit.filters.case')}: ${f.caseNo}` : null,
    f.action ? `${t('audit.filters.action')}: ${actionName(f.action)}` : null,
    f.from || f.to ? `${t('audit.filters.dates')}: ${f.from ?? '…'} – ${f.to ?? '…'}` : null
  ]
    .filter(Boolean)
    .join('    ')
  const chainLine = page.chain.ok
    ? t('audit.chain.ok', { count: page.chain.checked })
    : t('audit.chain.broken', { count: page.chain.breaks.length, first: page.chain.breaks[0]?.id ?? 0 })
  // The whole chain's head (not only the filtered rows): on paper, where deleting rows cannot reach it.
  const chain = chainHead(desk.db().sqlite)
  const events = desk.db().orm.select({ n: count() }).from(auditEvents).get()?.n ?? 0
  const headLine = t('audit.report.head', { eventNo: chain.id, events, hash: chain.hash })
  const head: TableCell[] = ['#', t('audit.columns.at'), t('audit.columns.person'), t('audit.columns.action'), t('audit.columns.subject'), t('audit.columns.details')].map(
    (h) => ({ text: h, bold: true, fillColor: '#ececec' })
  )
  const fmt = new Intl.DateTimeFormat(locale === 'yue-HK' ? 'zh-HK' : 'zh-CN', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Shanghai' })
  const body: TableCell[][] = page.rows.map((r) => [
    { text: `${r.id}${r.broken ? ' !' : ''}`, color: r.broken ? '#b00020' : undefined, bold: !!r.broken },
    fmt.format(new Date(r.at)),
    r.actorName ?? '—',
    actionName(r.action),
    r.caseNo ? `${t('audit.case')} ${r.caseNo}` : r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}` : '',
    { text: r.details === '{}' ? '' : r.details, fontSize: 7 }
  ])
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [A4_MARGINS[0], 50, A4_MARGINS[2], 40],
    defaultStyle: { fontSize: 8.5 },
    info: { title: t('audit.report.title') },
    footer: (current: number, count: number) => ({ text: `${current} / ${count}`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
    content: [
      { text: t('audit.report.title'), fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      {
        text: t('audit.report.meta', {
          who: desk.session?.displayName ?? '',
          at: fmt.format(desk.now()),
          shown: page.rows.length,
          total: page.total
        }),
        margin: [0, 0, 0, 2]
      },
      filterLine ? { text: filterLine, margin: [0, 0, 0, 2] } : { text: t('audit.report.noFilter'), margin: [0, 0, 0, 2] },
      { text: chainLine, bold: true, color: page.chain.ok ? '#1b5e20' : '#b00020', margin: [0, 0, 0, 2] },
      { text: headLine, margin: [0, 0, 0, 8] },
      page.rows.length
        ? { table: { headerRows: 1, widths: [28, 80, 60, 110, 80, '*'], body: [head, ...body] }, layout: RULED }
        : { text: t('audit.empty') }
    ]
  }
  return renderPdf(doc, { refuseMissing: false, lang: locale })
}
