import { asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { TDocumentDefinitions, TableCell } from 'pdfmake/interfaces'
import type { SupervisionListItem, SupervisionRecord, SupervisionRecordInput } from '@shared/domain/aftercare/opinions'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import type { Locale } from '@shared/domain/session/types'
import { translator } from '@shared/i18n/resources'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases, opinionAcks, supervisionRecordCases, supervisionRecords, users } from '../db/schema'
import { A4_MARGINS, labelCell, renderPdf, ruledTable, sectionRow, signatureSpace, span, valueCell } from '../pdf'

/**
 * Supervision sessions and case conferences (DB4401/T 321-2025 8.3 c 定期进行案例研讨, 8.5 b
 * 督导质量把控与闭环反馈): when, who took part, which cases, the opinion on each case (which its
 * worker then sees and acknowledges), and what was decided. Written and edited by supervisors.
 */
function checkInput(desk: Desk, input: SupervisionRecordInput): void {
  if (input.heldOn > isoDateAtOffset(desk.now())) fail('BAD_ARGS', 'aftercare:errors.heldInFuture', undefined, 'heldOn')
  const ids = [...new Set(input.cases.map((c) => c.caseId))]
  if (ids.length !== input.cases.length) fail('BAD_ARGS', 'aftercare:errors.caseTwice', undefined, 'cases')
  if (ids.length) {
    const found = desk.db().orm.select({ id: cases.id }).from(cases).where(inArray(cases.id, ids)).all()
    if (found.length !== ids.length) fail('NOT_FOUND', 'aftercare:errors.caseNotFound', undefined, 'cases')
  }
}

export function saveSupervisionRecord(desk: Desk, input: SupervisionRecordInput & { id?: number }): SupervisionRecord {
  const s = desk.requireSession()
  checkInput(desk, input)
  const db = desk.db()
  const at = desk.now().toISOString()
  const id = db.sqlite.transaction(() => {
    const fields = {
      kind: input.kind,
      heldOn: input.heldOn,
      participants: input.participants.trim(),
      topic: input.topic.trim(),
      opinions: input.opinions.trim(),
      decisions: input.decisions.trim(),
      updatedAt: at,
      updatedBy: s.userId
    }
    let recordId: number
    if (input.id != null) {
      const found = db.orm.select({ id: supervisionRecords.id }).from(supervisionRecords).where(eq(supervisionRecords.id, input.id)).get()
      if (!found) fail('NOT_FOUND', 'aftercare:errors.recordNotFound')
      db.orm.update(supervisionRecords).set(fields).where(eq(supervisionRecords.id, input.id)).run()
      recordId = input.id
      const before = new Map(
        db.orm
          .select({ caseId: supervisionRecordCases.caseId, opinion: supervisionRecordCases.opinion })
          .from(supervisionRecordCases)
          .where(eq(supervisionRecordCases.recordId, recordId))
          .all()
          .map((r) => [r.caseId, r.opinion])
      )
      db.orm.delete(supervisionRecordCases).where(eq(supervisionRecordCases.recordId, recordId)).run()
      // A changed opinion is news to its worker again: their earlier acknowledgement no longer covers it.
      for (const c of input.cases) {
        if (before.has(c.caseId) && before.get(c.caseId) !== c.opinion.trim()) {
          db.orm
            .delete(opinionAcks)
            .where(sql`${opinionAcks.kind} = 'supervision' AND ${opinionAcks.refId} = ${recordId} AND ${opinionAcks.caseId} = ${c.caseId}`)
            .run()
        }
      }
    } else {
      recordId = db.orm
        .insert(supervisionRecords)
        .values({ ...fields, createdAt: at, createdBy: s.userId })
        .returning({ id: supervisionRecords.id })
        .get().id
    }
    for (const c of input.cases) db.orm.insert(supervisionRecordCases).values({ recordId, caseId: c.caseId, opinion: c.opinion.trim() }).run()
    for (const c of input.cases) {
      desk.audit({ action: 'aftercare.supervision.case', subjectType: 'case', subjectId: c.caseId, details: { recordId } })
    }
    desk.audit({ action: input.id != null ? 'aftercare.supervision.update' : 'aftercare.supervision.create', details: { recordId, kind: input.kind, cases: input.cases.length } })
    return recordId
  })()
  return getSupervisionRecord(desk, id)
}

export function listSupervisionRecords(desk: Desk, filter: { caseId?: number; limit?: number }): SupervisionListItem[] {
  const orm = desk.db().orm
  const count = sql<number>`(SELECT count(*) FROM ${supervisionRecordCases} WHERE ${supervisionRecordCases.recordId} = ${supervisionRecords.id})`.mapWith(Number)
  const base = orm
    .select({ id: supervisionRecords.id, kind: supervisionRecords.kind, heldOn: supervisionRecords.heldOn, topic: supervisionRecords.topic, caseCount: count })
    .from(supervisionRecords)
  const q =
    filter.caseId != null
      ? base.where(sql`${supervisionRecords.id} IN (SELECT ${supervisionRecordCases.recordId} FROM ${supervisionRecordCases} WHERE ${supervisionRecordCases.caseId} = ${filter.caseId})`)
      : base
  return q.orderBy(desc(supervisionRecords.heldOn), desc(supervisionRecords.id)).limit(filter.limit ?? 200).all()
}

export function getSupervisionRecord(desk: Desk, id: number): SupervisionRecord {
  const orm = desk.db().orm
  const r = orm
    .select({
      id: supervisionRecords.id,
      kind: supervisionRecords.kind,
      heldOn: supervisionRecords.heldOn,
      participants: supervisionRecords.participants,
      topic: supervisionRecords.topic,
      opinions: supervisionRecords.opinions,
      decisions: supervisionRecords.decisions,
      createdByName: users.displayName,
      createdAt: supervisionRecords.createdAt,
      updatedAt: supervisionRecords.updatedAt
    })
    .from(supervisionRecords)
    .leftJoin(users, eq(users.id, supervisionRecords.createdBy))
    .where(eq(supervisionRecords.id, id))
    .get()
  if (!r) fail('NOT_FOUND', 'aftercare:errors.recordNotFound')
  const acked = sql<number>`EXISTS (SELECT 1 FROM ${opinionAcks} WHERE ${opinionAcks.kind} = 'supervision' AND ${opinionAcks.refId} = ${supervisionRecordCases.recordId} AND ${opinionAcks.caseId} = ${supervisionRecordCases.caseId})`.mapWith(
    Boolean
  )
  const linked = orm
    .select({ caseId: supervisionRecordCases.caseId, caseNo: cases.caseNo, opinion: supervisionRecordCases.opinion, workerName: users.displayName, acknowledged: acked })
    .from(supervisionRecordCases)
    .innerJoin(cases, eq(cases.id, supervisionRecordCases.caseId))
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(eq(supervisionRecordCases.recordId, id))
    .orderBy(asc(cases.caseNo))
    .all()
  return { ...r!, cases: linked.map((c) => ({ ...c, acknowledged: !!c.acknowledged })) }
}

/** The record as a printable page (A4), in either language, with room for the participants' signatures. */
export async function supervisionRecordPdf(desk: Desk, id: number, locale: Locale): Promise<Buffer> {
  const r = getSupervisionRecord(desk, id)
  const t = translator(locale, 'aftercare')
  const casesBody: TableCell[][] = r.cases.length
    ? r.cases.map((c) => [valueCell(c.caseNo), valueCell(c.workerName ?? ''), ...span(valueCell(c.opinion), 2)])
    : [span(valueCell(t('supervision.noCases')), 4)]
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    defaultStyle: { fontSize: 10.5, lineHeight: 1.25 },
    info: { title: t(`supervision.kinds.${r.kind}`) },
    footer: (current: number, count: number) => ({ text: `${current} / ${count}`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
    content: [
      { text: t(`supervision.pdfTitle.${r.kind}`), fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      ruledTable(
        [90, '*', 90, '*'],
        [
          [labelCell(t('supervision.fields.heldOn')), valueCell(r.heldOn), labelCell(t('supervision.fields.kind')), valueCell(t(`supervision.kinds.${r.kind}`))],
          [labelCell(t('supervision.fields.participants')), ...span(valueCell(r.participants), 3)],
          [labelCell(t('supervision.fields.topic')), ...span(valueCell(r.topic), 3)],
          sectionRow(t('supervision.fields.cases'), 4),
          [labelCell(t('supervision.fields.caseNo')), labelCell(t('supervision.fields.worker')), ...span(labelCell(t('supervision.fields.caseOpinion')), 2)],
          ...casesBody,
          sectionRow(t('supervision.fields.opinions'), 4),
          span(valueCell(r.opinions || ' ', { minHeight: 60 }), 4),
          sectionRow(t('supervision.fields.decisions'), 4),
          span(valueCell(r.decisions || ' '), 4),
          [labelCell(t('supervision.fields.recorder')), valueCell(r.createdByName ?? ''), labelCell(t('supervision.fields.signatures')), { stack: [signatureSpace(40)] } as TableCell]
        ],
        0
      ),
      { text: t('supervision.pdfFooter', { at: r.updatedAt.slice(0, 10) }), fontSize: 8, margin: [0, 6, 0, 0], color: '#444444' }
    ]
  }
  return renderPdf(doc, { refuseMissing: false })
}
