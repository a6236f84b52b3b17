import { z } from 'zod'
import { call } from '../define'
import { empty, id, isoDate, locale, longText, shortText } from '../schemas'
import { PDF_ACTIONS, type PdfDelivery } from './forms'
import type { OpinionItem, SupervisionListItem, SupervisionRecord } from '../../domain/aftercare/opinions'
import { PETITIONED_AGAIN, SATISFACTION_QUESTIONS, VISIT_METHODS, type ReturnVisit } from '../../domain/aftercare/return-visits'
import type { OutcomeFigures } from '../../domain/aftercare/outcomes'
import { SUBJECT_KINDS, type SubjectKind, type WarningSignal } from '../../domain/aftercare/early-warning'
import type { HallFigures } from '../../domain/supervisor/figures'

/** A file the main process made (a workbook): saved by the OS dialog in Electron, or handed over as bytes. */
export type FileDelivery = { mode: 'platform'; outcome: 'saved' | 'cancelled'; fileName: string } | { mode: 'bytes'; fileName: string; base64: string; mime: string }

export interface MonthlyReportView {
  month: string
  hall: string
  generatedAt: string
  hallFigures: HallFigures
  outcomes: OutcomeFigures
  trend: OutcomeFigures['monthly']
}

const month = () => z.string({ error: 'errors:arg.badDate' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'errors:arg.badDate' })
const satisfaction = z.object(Object.fromEntries(SATISFACTION_QUESTIONS.map((q) => [q, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional()]))).strict()
const supervisionRecord = z
  .object({
    id: id().optional(),
    kind: z.enum(['supervision', 'conference']),
    heldOn: isoDate(),
    participants: longText(2_000),
    topic: shortText(200),
    opinions: longText(10_000),
    decisions: longText(10_000),
    cases: z.array(z.object({ caseId: id(), opinion: longText(5_000) }).strict()).max(50)
  })
  .strict()

/**
 * After the first visit (issue 16 §3–5, the supervision half): opinions the worker acknowledges,
 * supervision and case-conference records, return visits with satisfaction, the outcome figures and
 * the monthly report, and the early warning across cases.
 */
export const aftercareCalls = {
  /** Supervisors' opinions on this worker's cases not yet acknowledged (sign-offs, supervision records). */
  'opinions.mine': call(empty(), 'worker').returns<OpinionItem[]>(),
  'opinions.acknowledge': call(
    z.object({ kind: z.enum(['signoff', 'supervision']), refId: id(), caseId: id(), note: longText(2_000) }).strict(),
    'worker'
  ).returns<null>(),

  'supervision.list': call(z.object({ caseId: id().optional() }).strict(), 'supervisor').returns<SupervisionListItem[]>(),
  'supervision.get': call(z.object({ id: id() }).strict(), 'supervisor').returns<SupervisionRecord>(),
  'supervision.save': call(supervisionRecord, 'supervisor').returns<SupervisionRecord>(),
  'supervision.pdf': call(z.object({ id: id(), locale: locale(), action: z.enum(PDF_ACTIONS) }).strict(), 'supervisor').returns<PdfDelivery>(),

  /** This worker's return visits due within a week or overdue. */
  'returnVisits.mine': call(empty(), 'worker').returns<ReturnVisit[]>(),
  'returnVisits.forCase': call(z.object({ caseId: id() }).strict(), 'worker').returns<ReturnVisit[]>(),
  'returnVisits.record': call(
    z
      .object({
        visitId: id(),
        happened: z.boolean(),
        visitDate: isoDate(),
        method: z.enum(VISIT_METHODS).nullable().optional(),
        outcome: longText(5_000).optional(),
        petitionedAgain: z.enum(PETITIONED_AGAIN).nullable().optional(),
        satisfaction: satisfaction.optional(),
        note: longText(2_000).optional()
      })
      .strict(),
    'worker'
  ).returns<ReturnVisit>(),

  'outcomes.get': call(z.object({ from: isoDate(), to: isoDate() }).strict(), 'supervisor').returns<OutcomeFigures>(),
  'report.monthly': call(z.object({ month: month() }).strict(), 'supervisor').returns<MonthlyReportView>(),
  'report.monthlyPdf': call(z.object({ month: month(), locale: locale(), action: z.enum(PDF_ACTIONS) }).strict(), 'supervisor').returns<PdfDelivery>(),
  'report.monthlyXlsx': call(z.object({ month: month(), locale: locale() }).strict(), 'supervisor').returns<FileDelivery>(),

  /** Clusters and rising counts across cases: a prompt to look and consider reporting upward. */
  'warnings.get': call(empty(), 'supervisor').returns<{ today: string; signals: WarningSignal[] }>(),
  'subjects.forCase': call(z.object({ caseId: id() }).strict(), 'worker').returns<{ id: number; kind: SubjectKind; name: string }[]>(),
  'subjects.add': call(z.object({ caseId: id(), kind: z.enum(SUBJECT_KINDS), name: shortText(100) }).strict(), 'worker').returns<{ id: number; kind: SubjectKind; name: string }[]>(),
  'subjects.remove': call(z.object({ caseId: id(), subjectId: id() }).strict(), 'worker').returns<{ id: number; kind: SubjectKind; name: string }[]>(),
  'subjects.names': call(z.object({ kind: z.enum(SUBJECT_KINDS) }).strict(), 'worker').returns<string[]>()
} as const
