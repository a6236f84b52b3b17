import { isI18nKey, isKeyIn } from '@shared/i18n/keys'
import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces'
import { actionKey, auditDetailLines, auditDetailText, detailValueKeys, hallDayStart, type AuditFilter, type AuditPage, type ChainBreak, type ChainReport } from '@shared/domain/supervisor/audit'
import { translateKey, translator } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'
import type { Desk } from '../desk/desk'
import { anchorMac, auditKeyOf, chainHead, eventHash, GENESIS, keyedHash, type AuditRow } from '../audit/chain'
import { and, asc, count, desc, eq, gt, gte, like, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Orm } from '../db/open'
import { auditEvents, cases, users } from '../db/schema'
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
  const { sqlite, orm } = desk.db()
  const key = auditKeyOf(sqlite)
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
  for (const row of chainRows(orm)) {
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

/** The whole trail in id order, as the chain hashes it, read a page at a time (memory stays flat on a long trail). */
function* chainRows(db: Orm): Generator<AuditRow> {
  const e = auditEvents
  for (let after = 0; ; ) {
    const page = db
      .select({
        id: e.id,
        at: e.at,
        actor_id: e.actorId,
        action: e.action,
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        details: e.details,
        prev_hash: e.prevHash,
        hash: e.hash
      })
      .from(e)
      .where(gt(e.id, after))
      .orderBy(asc(e.id))
      .limit(CHAIN_PAGE)
      .all()
    yield* page
    if (page.length < CHAIN_PAGE) return
    after = page[page.length - 1].id
  }
}
const CHAIN_PAGE = 2_000

function where(desk: Desk, f: AuditFilter): SQL | undefined {
  const e = auditEvents
  const clauses: (SQL | undefined)[] = []
  if (f.actorId) clauses.push(eq(e.actorId, f.actorId))
  if (f.caseNo) {
    const caseNo = f.caseNo.trim()
    const c = desk.db().orm.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, caseNo)).get()
    // A destroyed case keeps its trail: its number is found through the destruction register's events.
    const inDetails = `%"caseNo":"${caseNo.replace(/[%_\\]/g, (m) => `\\${m}`)}"%`
    clauses.push(or(and(eq(e.subjectType, 'case'), eq(e.subjectId, String(c?.id ?? -1))), sql`${e.details} LIKE ${inDetails} ESCAPE '\\'`))
  }
  if (f.action) clauses.push(or(eq(e.action, f.action), like(e.action, `${f.action}.%`)))
  if (f.from) clauses.push(gte(e.at, hallDayStart(f.from)))
  if (f.to) clauses.push(lt(e.at, hallDayStart(f.to, true)))
  return and(...clauses)
}

export function auditQuery(desk: Desk, f: AuditFilter): AuditPage {
  const db = desk.db().orm
  const chain = chainReport(desk)
  const w = where(desk, f)
  const e = auditEvents
  const total = db.select({ n: count() }).from(e).where(w).get()?.n ?? 0
  const raw = db
    .select({
      id: e.id,
      at: e.at,
      actorId: e.actorId,
      actorName: users.displayName,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      details: e.details,
      caseNo: cases.caseNo
    })
    .from(e)
    .leftJoin(users, eq(users.id, e.actorId))
    .leftJoin(cases, and(eq(e.subjectType, 'case'), eq(cases.id, sql`CAST(${e.subjectId} AS INTEGER)`)))
    .where(w)
    .orderBy(desc(e.id))
    .limit(f.limit ?? 200)
    .offset(f.offset ?? 0)
    .all()
  const broken = new Map(chain.breaks.map((b) => [b.id, b.reason]))
  return { rows: raw.map((r) => ({ ...r, broken: broken.get(r.id) ?? null })), total, chain }
}

export function auditFilters(desk: Desk): { actions: string[]; people: { id: number; name: string }[] } {
  const db = desk.db().orm
  return {
    actions: db
      .selectDistinct({ action: auditEvents.action })
      .from(auditEvents)
      .orderBy(asc(auditEvents.action))
      .all()
      .map((r) => r.action),
    people: db.select({ id: users.id, name: users.displayName }).from(users).orderBy(asc(users.id)).all()
  }
}

/** The filtered trail as a PDF report (A4 landscape), in the chosen language. */
export async function auditPdf(desk: Desk, f: AuditFilter, locale: Locale): Promise<Buffer> {
  const t = translator(locale, 'supervisor')
  const page = auditQuery(desk, { ...f, limit: 5000, offset: 0 })
  const people = auditFilters(desk).people
  const detailWord = (key: string) => {
    const k = `audit.detail.${key}`
    return isKeyIn('supervisor', k) ? t(k) : null
  }
  // A code value (a status, a route, a language) in words where it has them, else as stored.
  const valueWord = (key: string, value: string) => {
    const k = detailValueKeys(key, value).find(isI18nKey)
    return k ? translateKey(locale, k) : null
  }
  const actionName = (a: string) => {
    const k = actionKey(a).split(':')[1]
    return isKeyIn('supervisor', k) ? t(k) : a
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
    {
      text: auditDetailLines(r.details)
        .map((l) => auditDetailText(l, detailWord, valueWord))
        .map((l) => `${l.label}: ${l.value}`)
        .join('\n'),
      fontSize: 7
    }
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
