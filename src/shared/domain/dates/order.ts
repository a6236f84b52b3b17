import type { I18nKey, KeysUnder } from '../../i18n/keys'
import { isValidIsoDate, type IsoDate } from './calendar'

/**
 * Date order on the standard's forms (DB4401/T 321-2025 A–C): which date may not come before which,
 * and which dates record the past (so cannot be later than today). Pure rules, called by the main
 * process on every save (drafts included) and by the screens to point at the field early.
 *
 * A problem names the field it belongs beside and a message key (errors namespace) whose `date`
 * parameter is the date it must not precede or follow. Empty dates are not checked (not filled yet).
 */
export interface DateProblem {
  field: string
  messageKey: I18nKey
  params?: { date: string }
}

const filled = (d: string | null | undefined): d is IsoDate => !!d && isValidIsoDate(d)

/** 'YYYY-MM-DD' → 'YYYY-MM'. */
const monthOf = (d: IsoDate) => d.slice(0, 7)

function push(out: DateProblem[], field: string, key: KeysUnder<'errors', 'dates'>, date?: string): void {
  out.push(date ? { field, messageKey: `errors:dates.${key}`, params: { date } } : { field, messageKey: `errors:dates.${key}` })
}

/** `d` later than `today` (a date the form records as past). */
const future = (d: string | null | undefined, today: IsoDate): boolean => filled(d) && d > today
/** `d` earlier than `min` (both filled). */
const before = (d: string | null | undefined, min: string | null | undefined): boolean => filled(d) && filled(min) && d < min

export interface CaseDates {
  /** 初次接触日期 */
  contactDate: string
  /** 出生年月 'YYYY-MM' */
  birth?: string
  /** Form A 社工签名及日期 */
  workerSignedDate?: string
  /** 受理日期 (the petition authority's; may come before our first contact) */
  acceptedDate?: string
  /** 收到书面处理意见的日期 */
  opinionReceivedDate?: string
  /** 收到书面复查意见的日期 */
  reviewReceivedDate?: string
}

export interface CaseDateContext {
  today: IsoDate
  /** The date of the case's earliest contact (Form B) on record, if any. */
  firstContact?: IsoDate | null
  /** Form C 开案/转入日期 and 结案/转出日期 on record, if any. */
  openedDate?: IsoDate | null
  closedDate?: IsoDate | null
}

/** Form A (and 7.1.1 registration) dates. */
export function caseDateProblems(f: CaseDates, ctx: CaseDateContext): DateProblem[] {
  const out: DateProblem[] = []
  const { today } = ctx
  if (future(f.contactDate, today)) push(out, 'contactDate', 'contactFuture')
  else if (before(ctx.firstContact, f.contactDate)) push(out, 'contactDate', 'contactAfterFirstInterview', ctx.firstContact!)
  else if (before(ctx.openedDate, f.contactDate)) push(out, 'contactDate', 'contactAfterOpened', ctx.openedDate!)
  else if (before(ctx.closedDate, f.contactDate)) push(out, 'contactDate', 'contactAfterClosed', ctx.closedDate!)
  if (f.birth && /^\d{4}-\d{2}(-\d{2})?$/.test(f.birth)) {
    // 出生年月 may be a month: compare it with the month of the other date.
    const cut = (d: IsoDate) => (f.birth!.length === 7 ? monthOf(d) : d)
    if (f.birth > cut(today)) push(out, 'birth', 'birthFuture')
    else if (filled(f.contactDate) && f.birth > cut(f.contactDate)) push(out, 'birth', 'birthAfterContact', f.contactDate)
  }
  if (future(f.workerSignedDate, today)) push(out, 'workerSignedDate', 'signedFuture')
  else if (before(f.workerSignedDate, f.contactDate)) push(out, 'workerSignedDate', 'signedBeforeContact', f.contactDate)
  if (future(f.acceptedDate, today)) push(out, 'acceptedDate', 'acceptedFuture')
  if (future(f.opinionReceivedDate, today)) push(out, 'opinionReceivedDate', 'opinionFuture')
  else if (before(f.opinionReceivedDate, f.acceptedDate)) push(out, 'opinionReceivedDate', 'opinionBeforeAccepted', f.acceptedDate)
  if (future(f.reviewReceivedDate, today)) push(out, 'reviewReceivedDate', 'reviewFuture')
  else if (before(f.reviewReceivedDate, f.opinionReceivedDate)) push(out, 'reviewReceivedDate', 'reviewBeforeOpinion', f.opinionReceivedDate)
  else if (before(f.reviewReceivedDate, f.acceptedDate)) push(out, 'reviewReceivedDate', 'reviewBeforeAccepted', f.acceptedDate)
  return out
}

export interface ClosingDates {
  /** 开案/转入日期 ('' = the case's 初次接触日期) */
  openedDate: string
  /** 结案/转出日期 */
  closedDate: string
  /** Form C 社工签字日期 */
  workerSignedDate: string
}

export interface ClosingDateContext {
  today: IsoDate
  /** The case's 初次接触日期. */
  contactDate: IsoDate
  /** The date of the case's latest contact (Form B) on record, if any. */
  lastContact?: IsoDate | null
  /**
   * A draft may carry the planned 结案 date (a later day); the order is checked on every save, the
   * "not in the future" rule when the case is closed.
   */
  draft?: boolean
}

/** Form C dates: 初次接触 ≤ 开案/转入 ≤ 结案/转出 ≤ today; a case is not closed before its last contact; signed on or after closing. */
export function closingDateProblems(c: ClosingDates, ctx: ClosingDateContext): DateProblem[] {
  const out: DateProblem[] = []
  const today = ctx.draft ? '9999-12-31' : ctx.today
  const opened = c.openedDate || ctx.contactDate
  if (future(c.openedDate, today)) push(out, 'openedDate', 'openedFuture')
  else if (before(c.openedDate, ctx.contactDate)) push(out, 'openedDate', 'openedBeforeContact', ctx.contactDate)
  if (future(c.closedDate, today)) push(out, 'closedDate', 'closedFuture')
  else if (before(c.closedDate, opened)) push(out, 'closedDate', 'closedBeforeOpened', opened)
  else if (before(c.closedDate, ctx.lastContact)) push(out, 'closedDate', 'closedBeforeLastContact', ctx.lastContact!)
  if (future(c.workerSignedDate, today)) push(out, 'workerSignedDate', 'signedFuture')
  else if (before(c.workerSignedDate, c.closedDate)) push(out, 'workerSignedDate', 'closingSignedBeforeClosed', c.closedDate)
  return out
}

/** A follow-up is due on or after the contact it follows (Form B date), or the case's first contact. */
export function followUpDateProblems(dueDate: string, ctx: { contactDate?: IsoDate | null; interviewDate?: IsoDate | null }): DateProblem[] {
  const out: DateProblem[] = []
  if (before(dueDate, ctx.interviewDate)) push(out, 'dueDate', 'followUpBeforeContact', ctx.interviewDate!)
  else if (before(dueDate, ctx.contactDate)) push(out, 'dueDate', 'followUpBeforeFirstContact', ctx.contactDate!)
  return out
}

/** Dates that record something that has happened (受理, 答复, 复查 on an interview's rule clocks). */
export function pastDateProblems(dates: Record<string, string>, today: IsoDate, field: string): DateProblem[] {
  return Object.values(dates).some((d) => future(d, today)) ? [{ field, messageKey: 'errors:dates.ruleDateFuture' }] : []
}

/**
 * The problems a save adds: those of `after` that `before` did not have already (same field and
 * message). A record saved before these rules existed can still be edited elsewhere; a save never
 * makes its dates worse.
 */
export function newProblems(before: DateProblem[], after: DateProblem[]): DateProblem[] {
  const had = new Set(before.map((p) => `${p.field} ${p.messageKey} ${p.params?.date ?? ''}`))
  return after.filter((p) => !had.has(`${p.field} ${p.messageKey} ${p.params?.date ?? ''}`))
}
