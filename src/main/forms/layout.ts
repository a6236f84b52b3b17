import { isKeyIn } from '@shared/i18n/keys'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { translator } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'
import type { FormAData, FormCData } from '@shared/domain/case/forms'
import {
  CASE_SOURCES,
  CLOSING_CATEGORIES,
  CLOSING_TYPES,
  EDUCATION,
  LANGUAGES,
  LIVING,
  MARITAL,
  NEEDS,
  TRANSFER_REASONS
} from '@shared/domain/case/options'
import { LOCATIONS, WORK_FORMS, type FormBData } from '@shared/domain/interview'
import { A4_MARGINS, checkboxes, labelCell, missingGlyphs, renderPdf, sectionRow, span, type CheckOption, type RenderOptions } from '../pdf'
import { DeskFailure } from '@shared/ipc/result'
import { textsOf } from '../pdf/runs'
import { FLOW_TEXT, buildGrid, nextBreaks, type Breaks, type From, type GridPart, type GridRow } from './grid'
import type { FormSignoff } from './signoff'

/**
 * The three forms of DB4401/T 321-2025 (Appendices A–C) as pdfmake content. Labels come from
 * forms.json `pdf.*` (普通话: the standard's wording character for character; 粵語: the same labels in
 * Traditional characters); what the worker typed is passed through untouched.
 */

type T = (key: string, params?: Record<string, string | number>) => string
export const labels = (lang: Locale): T => {
  const t = translator(lang, 'forms')
  // Labels are looked up from the forms' field tables (data); a key the resources lack prints as itself,
  // which the forms' tests catch (no key may reach paper).
  return (key, params) => {
    const k = `pdf.${key}`
    return isKeyIn('forms', k) ? t(k, params) : k
  }
}

/** One form inside a PDF: its title and case number drive the page header and footer. */
export type FormPart = GridPart

const LONG_MIN = 54 // empty long-text cells keep room to write by hand
const SIGN_MIN = 46 // signature cells: room for a signature and a date
const BLANK_LONG_MIN = 84
/** Every write-in space on a blank form is at least 8 mm high (8 mm = 22.7 pt); rows get a little more. */
const BLANK_MIN = 25

/** Width of a string in em at the body size: CJK and full-width forms 1, everything else about half. */
function ems(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u.test(ch) ? 1 : 0.55
  return w
}

/** Where a reader breaks a label: before an opening bracket or 及, after a closing bracket, 的, 、 or /. */
const breakBefore = (ch: string) => /[（(及总]/.test(ch)
const breakAfter = (ch: string) => /[）)的、/／]/.test(ch)

/**
 * A label set in lines that fit its column (`width` pt at 9.5 pt, padding excluded), broken where a
 * reader would (问题/需要 | （可多选）; 个案背景 | （个案家庭图及 | 生态系统图）), never 个案家/庭.
 * Returns the text with explicit line breaks and how many lines it takes.
 */
export function labelLines(label: string, width: number): { text: string; lines: number } {
  const per = Math.max(2, Math.floor(width / 9.5 + 0.05))
  const chars = [...label]
  if (ems(label) <= per) return { text: label, lines: 1 }
  // Candidate break positions (a break at i means a new line starts with chars[i]).
  const good = (i: number) => i > 0 && i < chars.length && (breakBefore(chars[i]) || breakAfter(chars[i - 1]))
  const lines: string[] = []
  let from = 0
  while (from < chars.length) {
    const rest = chars.slice(from)
    if (ems(rest.join('')) <= per) {
      lines.push(rest.join(''))
      break
    }
    // Balance the remaining lines, then prefer a reader's break within reach of that point.
    const linesLeft = Math.ceil(ems(rest.join('')) / per)
    let fit = 0
    while (fit < rest.length && ems(rest.slice(0, fit + 1).join('')) <= per) fit++
    const ideal = Math.min(fit, Math.ceil(rest.length / linesLeft))
    let cut = -1
    for (let i = fit; i >= 1; i--) if (good(from + i) && (i >= ideal - 2 || i >= fit - 1)) { cut = i; break }
    if (cut < 0) {
      // No reader's break in reach: a balanced cut that does not strand a closing bracket or leave one opening.
      cut = ideal
      while (cut > 1 && /[）)、，。：]/.test(rest[cut] ?? '')) cut--
      while (cut > 1 && /[（(]/.test(rest[cut - 1])) cut--
    }
    lines.push(rest.slice(0, cut).join(''))
    from += cut
  }
  return { text: lines.join('\n'), lines: lines.length }
}

type Row = GridRow

/** A label cell whose text is broken into lines for its column. */
function lab(text: string, width: number, extra: Record<string, unknown> = {}): { cell: TableCell; lines: number } {
  const l = labelLines(text, width - 8)
  return { cell: labelCell(l.text, extra), lines: l.lines }
}

const text = (v: string | null | undefined): TableCell => ({ text: v ?? '' }) as TableCell
/** The value of a flow row: set flush on both sides, as Chinese documents are; marked for pagination. */
const prose = (v: string): Record<string, unknown> => ({ text: v, alignment: 'justify', [FLOW_TEXT]: true })
const hintThen = (hint: string, v: Content | null): TableCell =>
  ({ stack: [{ text: hint, fontSize: 8, color: '#555555' }, ...(v ? [{ ...(v as object), margin: [0, 2, 0, 0] }] : [])] }) as TableCell

/** On blank forms an 其他 option gets a line to write on. */
const WRITE_IN = '_'.repeat(16)

function opts<C extends string>(
  codes: readonly C[],
  label: (c: C) => string,
  chosen: (c: C) => boolean,
  detailFor?: (c: C) => string | undefined,
  blank = false
): CheckOption[] {
  return codes.map((c) => {
    const l = label(c)
    const writeIn = blank && (c === 'other' || /[：:]$/.test(l))
    const detail = chosen(c) ? detailFor?.(c) : writeIn ? WRITE_IN : undefined
    return { label: l, checked: chosen(c), detail }
  })
}

/**
 * A row holding a long text: it may continue on the next page (label repeated with （续）). Empty, it
 * keeps `min` pt of room to write by hand.
 */
function longText(
  label: string,
  value: string | null | undefined,
  o: { labelWidth: number; cols: number; min: number; hint?: string; keepWithPrevious?: boolean; labelCols?: number }
): Row {
  // Composed (NFC) as the engine prints it, so a continuation starts at exactly the character it should.
  const v = (value ?? '').normalize('NFC')
  const labelCells = (l: string) => {
    const c = lab(l, o.labelWidth)
    return { cells: o.labelCols && o.labelCols > 1 ? span(c.cell, o.labelCols) : [c.cell], lines: c.lines }
  }
  if (!v.trim()) {
    const l = labelCells(label)
    const value = o.hint ? hintThen(o.hint, null) : text('')
    return { cells: [...l.cells, ...span(value, o.cols)], min: o.min, labelLines: l.lines, keepWithPrevious: o.keepWithPrevious }
  }
  return {
    keepWithPrevious: o.keepWithPrevious,
    flow: {
      label,
      text: v,
      build: (l, t, first) => [
        ...labelCells(l).cells,
        ...span((first && o.hint ? hintThen(o.hint, prose(t) as unknown as Content) : prose(t)) as unknown as TableCell, o.cols)
      ]
    }
  }
}

const sigCell = (label: string, value: Content | null, cols: number): TableCell[] =>
  span({ stack: [{ text: label }, ...(value ? [value] : [])] } as TableCell, cols)

function signedLine(t: T, s: FormSignoff | null): Content | null {
  if (!s) return null
  return { text: t('signedOnline', { name: s.signerName, at: printedAt(new Date(s.signedAt)) }), margin: [0, 4, 0, 0] } as Content
}

/** "2026-11-26 09:30" in the hall's time zone (China Standard Time, UTC+8, no daylight saving). */
export function printedAt(d: Date): string {
  const x = new Date(d.getTime() + 8 * 3_600_000).toISOString()
  return `${x.slice(0, 10)} ${x.slice(11, 16)}`
}

// ───────────────────────────── Form A ─────────────────────────────

/** Form A's grid: label | value | label | value. Label columns are wide enough for 8 characters a line. */
const A_W = [86, 160, 86, '*']

export function formA(lang: Locale, d: FormAData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const rowMin = blank ? BLANK_MIN : undefined
  const L = (key: string) => lab(t(key), A_W[0] as number)
  const L2 = (key: string) => lab(t(key), A_W[2] as number)
  /** A row of two label/value pairs. */
  const pair = (k1: string, v1: TableCell, k2: string, v2: TableCell): Row => {
    const a = L(k1)
    const b = L2(k2)
    return { cells: [a.cell, v1, b.cell, v2], min: rowMin, labelLines: Math.max(a.lines, b.lines) }
  }
  const labelled = (key: string, value: TableCell, min = rowMin, extra: Partial<Row> = {}): Row => {
    const a = L(key)
    return { cells: [a.cell, ...span(value, 3)], min, labelLines: a.lines, ...extra }
  }
  const longRow = (key: string, value: string | undefined, hint?: string, keepWithPrevious?: boolean): Row =>
    longText(t(key), blank ? '' : value, { labelWidth: A_W[0] as number, cols: 3, min: long, hint, keepWithPrevious })
  const lines = (codes: readonly string[], key: string, chosen: (c: string) => boolean, detail?: (c: string) => string | undefined) =>
    checkboxes(opts(codes, (c) => t(`a.${key}.${c}`), (c) => !blank && chosen(c), detail, blank)) as TableCell
  const gender = d?.gender ? t(`gender.${d.gender}`) : ''
  const rows: Row[] = [
    { cells: sectionRow(t('a.sectionRecord'), 4), keepWithNext: true },
    pair('a.contactDate', v(d?.contactDate), 'a.worker', v(d?.worker?.displayName)),
    labelled('a.source', lines(CASE_SOURCES, 'sources', (c) => d?.source === c, (c) => (c === 'self' ? undefined : d?.sourceText))),
    longRow('a.demands', d?.demands),
    longRow('a.petitionHistory', d?.petitionHistory, t('a.petitionHistoryHint')),
    longRow('a.personality', d?.personality, t('a.personalityHint')),
    (() => {
      const a = L('a.referral')
      const b = L2('a.referralContact')
      return {
        cells: [a.cell, { stack: [{ text: t('a.referralOrg'), fontSize: 8, color: '#555555' }, { text: blank ? '' : (d?.referralOrg ?? '') }] } as TableCell, b.cell, v(d?.referralContact)],
        min: blank ? 40 : undefined,
        labelLines: Math.max(a.lines, b.lines)
      }
    })(),
    { cells: sectionRow(t('a.sectionClient'), 4), keepWithNext: true },
    pair('a.clientName', v(d?.clientName), 'a.gender', v(gender)),
    pair('a.phone', v(d?.phone), 'a.address', v(d?.address)),
    pair('a.birth', v(d?.birth), 'a.age', v(d?.age == null ? '' : t('age', { age: d.age }))),
    pair('a.occupation', v(d?.occupation), 'a.economicStatus', v(d?.economicStatus)),
    labelled('a.language', lines(LANGUAGES, 'languages', (c) => !!d?.language.includes(c as never), (c) => (c === 'other' ? d?.languageOther : undefined))),
    labelled('a.marital', lines(MARITAL, 'maritals', (c) => d?.marital === c, (c) => (c === 'other' ? d?.maritalOther : undefined))),
    labelled('a.education', lines(EDUCATION, 'educations', (c) => d?.education === c)),
    labelled('a.living', lines(LIVING, 'livings', (c) => !!d?.living.includes(c as never), (c) => (c === 'other' ? d?.livingOther : undefined))),
    labelled('a.needs', lines(NEEDS, 'needOptions', (c) => !!d?.needs.includes(c as never), (c) => (c === 'other' ? d?.needsOther : undefined))),
    longRow('a.background', d?.background),
    longRow('a.assessment', d?.assessment),
    longRow('a.needsAnalysis', d?.needsAnalysis),
    { cells: span(labelCell(t('a.plan'), { bold: true }), 4), keepWithNext: true },
    longRow('a.serviceGoals', d?.serviceGoals),
    longRow('a.serviceStrategy', d?.serviceStrategy),
    longRow('a.evaluationMethods', d?.evaluationMethods),
    // The signatures stay with the last lines of the plan they sign.
    labelled(
      'a.workerSign',
      { text: blank || !d?.workerSignedDate ? '' : d.workerSignedDate, alignment: 'right', margin: [0, SIGN_MIN - 24, 0, 0] } as TableCell,
      undefined,
      { keepWithPrevious: true }
    ),
    labelled(
      'a.intake',
      {
        text: [
          { text: t('a.intakeQuestion') + '\u3000' },
          ...(checkboxes([
            { label: t('a.intakeYes'), checked: !blank && d?.intakeAccepted === true, detail: blank ? WRITE_IN : d?.intakeAccepted ? (d.intakeAssignedTo?.displayName ?? '') : undefined },
            { label: t('a.intakeNo'), checked: !blank && d?.intakeAccepted === false, detail: blank ? WRITE_IN : d?.intakeAccepted === false ? d.intakeNote : undefined }
          ]).text as Content[])
        ]
      } as TableCell,
      rowMin,
      { keepWithPrevious: true }
    ),
    labelled(
      'a.supervisorSign',
      { stack: signoff && !blank ? [{ text: signoff.opinion }, signedLine(t, signoff)!] : [{ text: '' }] } as TableCell,
      signoff && !blank ? undefined : SIGN_MIN + 10,
      { keepWithPrevious: true }
    )
  ]
  return { title: t('a.title'), caseNo: d?.caseNo ?? null, widths: A_W, rows, continued: (l) => l + t('continued') }
}

// ───────────────────────────── Form B ─────────────────────────────

/** Form B's grid: label | value | label | value | label | value. */
const B_W = [86, 100, 50, 96, 54, '*']

export function formB(lang: Locale, d: FormBData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const rowMin = blank ? BLANK_MIN : undefined
  const L = (key: string, col = 0) => lab(t(key), B_W[col] as number)
  const longRow = (key: string, value: string | undefined, min = long, keepWithPrevious?: boolean): Row =>
    longText(t(key), blank ? '' : value, { labelWidth: B_W[0] as number, cols: 5, min, keepWithPrevious })
  const loc = checkboxes(
    LOCATIONS.map((c) => ({
      label: t(`b.locations.${c}`),
      checked: !blank && d?.location === c,
      detail: c === 'other' ? (blank ? WRITE_IN : d?.location === 'other' ? d.locationText : undefined) : undefined
    }))
  )
  const forms = checkboxes(
    WORK_FORMS.map((c) => ({
      label: t(`b.workForms.${c}`),
      checked: !blank && d?.workForm === c,
      detail: c === 'other' ? (blank ? WRITE_IN : d?.workForm === 'other' ? d.workFormText : undefined) : undefined
    }))
  )
  const signedAt = signoff && !blank ? printedAt(new Date(signoff.signedAt)) : ''
  const opinion = signoff && !blank ? signoff.opinion : ''
  const r1 = [L('b.subject'), L('b.contact', 2)]
  const r2 = [L('b.relation'), L('b.location', 2)]
  const r3 = [L('b.date'), L('b.time', 2), L('b.workCount', 4)]
  const most = (ls: { lines: number }[]) => Math.max(...ls.map((x) => x.lines))
  const rows: Row[] = [
    { cells: [r1[0].cell, v(d?.subject), r1[1].cell, ...span(v(d?.contact), 3)], min: rowMin, labelLines: most(r1) },
    { cells: [r2[0].cell, v(d?.relation), r2[1].cell, ...span(loc as TableCell, 3)], min: rowMin, labelLines: most(r2) },
    {
      cells: [r3[0].cell, v(d?.date), r3[1].cell, v(d?.time), r3[2].cell, text(blank ? t('b.workCountBlank') : t('b.workCountValue', { n: d!.workCount }))],
      min: rowMin,
      labelLines: most(r3)
    },
    longRow('b.purpose', d?.purpose, blank ? 44 : LONG_MIN),
    (() => {
      const a = L('b.workForm')
      return { cells: [a.cell, ...span(forms as TableCell, 5)], min: rowMin, labelLines: a.lines }
    })(),
    longRow('b.record', d?.record, blank ? 176 : 120),
    longRow('b.assessment', d?.assessment),
    longRow('b.followUp', d?.followUpPlan),
    // The signature block (worker, supervisor's opinion, supervisor) stays with the last lines it signs.
    { cells: [...sigCell(t('b.workerSign'), null, 3), ...sigCell(t('b.signDate'), null, 3)], min: SIGN_MIN, keepWithPrevious: true },
    longText(t('b.supervisorOpinion'), opinion, { labelWidth: B_W[0] as number, cols: 5, min: long, keepWithPrevious: true }),
    {
      cells: [
        ...sigCell(t('b.supervisorSign'), signoff && !blank ? { text: signoff.signerName, margin: [0, 4, 0, 0] } : null, 3),
        ...sigCell(t('b.signDate'), signedAt ? { text: signedAt, margin: [0, 4, 0, 0] } : null, 3)
      ],
      min: SIGN_MIN,
      keepWithPrevious: true
    }
  ]
  // Someone who cannot read confirms a record read aloud to them (signature, thumbprint or 代签);
  // an interpreted contact names who interpreted. Printed above the worker's signature it precedes.
  const who = blank ? undefined : d?.petitioner
  if (who) {
    const ti = translator(lang, 'interview')
    const lines: string[] = []
    if (who.interpreter) {
      // Relation and language are stored codes (or, for a language, the words the worker typed).
      const relation = `people.relation.${who.interpreter.relation}`
      const spoken = `people.spoken.${who.interpreter.language}`
      lines.push(
        t('b.interpretedLine', {
          name: who.interpreter.name,
          relation: isKeyIn('interview', relation) ? ti(relation) : '',
          lang: isKeyIn('interview', spoken) ? ti(spoken) : who.interpreter.language
        })
      )
    }
    if (who.readAloud) lines.push(t('b.readAloudLine'))
    const at = rows.findIndex((r) => 'cells' in r && r.min === SIGN_MIN)
    rows.splice(at, 0, longRow('b.petitionerConfirm', lines.join('\n'), who.readAloud ? SIGN_MIN : 0))
  }
  // A signed-off form that was corrected afterwards says so, under the signature it no longer matches.
  const changed = blank ? [] : (d?.changedAfterSignoff ?? [])
  if (changed.length) {
    const ti = translator(lang, 'interview')
    const lines = changed.map((k) =>
      t('b.changedAfterSignoffLine', { at: printedAt(new Date(k.at)), who: k.byName, reason: k.reason, fields: k.fields.map((f) => ti(`fields.${f}`)).join('、') })
    )
    rows.push(longRow('b.changedAfterSignoff', lines.join('\n'), 0, true))
  }
  return { title: t('b.title'), caseNo: d?.caseNo ?? null, widths: B_W, rows, continued: (l) => l + t('continued') }
}

// ───────────────────────────── Form C ─────────────────────────────

/**
 * Form C's one grid: label (2 columns) | value | label | value; the goal table uses the same rules
 * (序号 | 阶段性目标 over two columns | 目标达成情况 | 备注), so every vertical rule lines up.
 */
const C_W = [40, 46, 160, 86, '*']

export function formC(lang: Locale, d: FormCData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const rowMin = blank ? BLANK_MIN : undefined
  const LW = 86
  const L = (key: string) => lab(t(key), LW)
  const pair = (k1: string, v1: TableCell, k2: string, v2: TableCell): Row => {
    const a = L(k1)
    const b = L(k2)
    return { cells: [...span(a.cell, 2), v1, b.cell, v2], min: rowMin, labelLines: Math.max(a.lines, b.lines) }
  }
  const labelled = (key: string, value: TableCell, min = rowMin): Row => {
    const a = L(key)
    return { cells: [...span(a.cell, 2), ...span(value, 3)], min, labelLines: a.lines }
  }
  const category = checkboxes(CLOSING_CATEGORIES.map((c) => ({ label: t(`c.categories.${c}`), checked: !blank && d?.category === c })))
  const reasons = checkboxes(
    opts(TRANSFER_REASONS, (c) => t(`c.transferReasons.${c}`), (c) => !blank && d?.transferReason === c, (c) => (c === 'other' ? d?.transferReasonOther : undefined), blank)
  )
  const types = checkboxes(
    opts(CLOSING_TYPES, (c) => t(`c.closingTypes.${c}`), (c) => !blank && d?.closingType === c, (c) => (c === 'other' ? d?.closingTypeOther : undefined), blank)
  )
  const rows: Row[] = [
    pair('c.clientName', v(d?.clientName), 'c.worker', v(d?.worker?.displayName)),
    pair('c.openedDate', v(d?.openedDate), 'c.closedDate', v(d?.closedDate)),
    labelled('c.transferReason', reasons as TableCell),
    labelled('c.closingType', types as TableCell),
    labelled(
      'c.resources',
      {
        stack: [
          { text: [{ text: t('c.linkedResources'), color: '#333333' }, { text: blank ? '' : (d?.linkedResources ?? '') }], margin: [0, 0, 0, blank ? 10 : 3] },
          { text: [{ text: t('c.contactedDepartments'), color: '#333333' }, { text: blank ? '' : (d?.contactedDepartments ?? '') }] }
        ]
      } as TableCell,
      blank ? 56 : undefined
    ),
    { cells: sectionRow(t('c.goals'), 5), keepWithNext: true }
  ]
  const head = rows.length
  rows.push({
    cells: [labelCell(t('c.seq'), { alignment: 'center' }), ...span(labelCell(t('c.goal'), { alignment: 'center' }), 2), labelCell(t('c.achievement'), { alignment: 'center' }), labelCell(t('c.note'), { alignment: 'center' })],
    keepWithNext: true
  })
  const goals = blank ? Array.from({ length: 6 }, () => null) : (d?.goals ?? [])
  const goalRow = (g: (typeof goals)[number]): Row => ({
    cells: [{ text: g ? String(g.seq) : '', alignment: 'center' } as TableCell, ...span(text(g?.goal), 2), text(g?.achievement), text(g?.note)],
    min: g ? undefined : 30,
    labelLines: 0, // an empty 序号 cell: the room is all made by the minimum
    repeat: head
  })
  goals.forEach((g) => rows.push(goalRow(g)))
  if (!blank && goals.length === 0) rows.push(goalRow(null))
  const signedAt = signoff && !blank ? printedAt(new Date(signoff.signedAt)) : ''
  const c2 = { labelWidth: LW, labelCols: 2, cols: 3, min: long }
  rows.push(
    longText(t('c.reflection'), blank ? '' : d?.reflection, c2),
    { ...pair('c.workerSign', text(''), 'c.signDate', v(d?.workerSignedDate)), min: SIGN_MIN - 10, keepWithPrevious: true },
    longText(t('c.orgEvaluation'), signoff && !blank ? signoff.opinion : '', { ...c2, keepWithPrevious: true }),
    { ...pair('c.supervisorSign', text(signoff && !blank ? signoff.signerName : ''), 'c.signDate', text(signedAt)), min: SIGN_MIN - 10, keepWithPrevious: true }
  )
  return {
    title: t('c.title'),
    caseNo: d?.caseNo ?? null,
    lead: [{ text: [{ text: t('c.category') + '\u3000' }, ...(category.text as Content[])], margin: [0, 0, 0, 6] } as Content],
    widths: C_W,
    rows,
    continued: (l) => l + t('continued')
  }
}

// ───────────────────────────── assembling ─────────────────────────────

/** Every text of a form (for the missing-glyph check before printing). */
export function partTexts(p: FormPart): string[] {
  return textsOf(buildGrid(p, new Map()).content)
}

class Laid extends Error {}

/** Most re-layouts one form may take (a form of n pages needs about n); after that it prints as laid out. */
const MAX_LAYOUTS = 80

/**
 * Page breaks for one form (see grid.ts): lay it out, check, add a break, lay out again from the page
 * before the new break only (what precedes a page break cannot move), until every rule holds.
 * Layout only: nothing is drawn, so each pass costs pdfmake's measuring and line breaking.
 */
async function paginate(lang: Locale, part: FormPart, start: { breaks: Breaks; from?: From }): Promise<{ breaks: Breaks; layouts: number }> {
  let { breaks, from } = start
  for (let n = 1; n <= MAX_LAYOUTS; n++) {
    const built = buildGrid(part, breaks, from)
    let next: ReturnType<typeof nextBreaks> = null
    try {
      await renderPdf(
        { pageSize: 'A4', pageMargins: A4_MARGINS, defaultStyle: BODY, content: [...(from ? [] : [{ text: ' ', fontSize: 1, lineHeight: 1 }]), ...built.content] },
        {
          refuseMissing: false,
          lang,
          afterLayout: () => {
            next = nextBreaks(part, built.pieces, breaks)
            throw new Laid()
          }
        }
      )
    } catch (e) {
      if (!(e instanceof Laid)) throw e
    }
    if (!next) return { breaks, layouts: n }
    ;({ breaks, from } = next as NonNullable<ReturnType<typeof nextBreaks>>)
  }
  return { breaks, layouts: MAX_LAYOUTS }
}

const BODY = { fontSize: 9.5, lineHeight: 1.25 }

/** One PDF of one or more forms, each paginated, drawn once. */
export async function renderForms(
  lang: Locale,
  parts: FormPart[],
  at: Date,
  info: { title: string },
  opts: RenderOptions = {}
): Promise<{ bytes: Buffer; layouts: number }> {
  if (opts.refuseMissing !== false) {
    const missing = missingGlyphs(parts.flatMap(partTexts))
    if (missing.length) throw new DeskFailure('MISSING_GLYPHS', 'forms:errors.missingGlyphs', { chars: missing.join(' ') })
  }
  // The whole document is laid out once and checked; if every form already follows the rules (most
  // one-page forms do) that layout is the one drawn. Otherwise the forms that need breaks are
  // paginated on their own (layout only) and the document is drawn with them.
  const breaks: Breaks[] = parts.map(() => new Map())
  const pending = new Map<number, { breaks: Breaks; from?: From }>()
  const draw = (check: boolean) => {
    const built = parts.map((p, i) => buildGrid(p, breaks[i]))
    const doc = assemble(lang, parts, built.map((b) => b.content), at, info)
    return renderPdf(doc, {
      ...opts,
      lang,
      refuseMissing: false,
      afterLayout: check
        ? () => {
            parts.forEach((p, i) => {
              const next = nextBreaks(p, built[i].pieces, breaks[i])
              if (next) pending.set(i, next)
            })
            if (pending.size) throw new Laid()
          }
        : undefined
    })
  }
  let layouts = 1
  try {
    return { bytes: await draw(true), layouts }
  } catch (e) {
    if (!(e instanceof Laid)) throw e
  }
  for (const [i, start] of pending) {
    const r = await paginate(lang, parts[i], start)
    breaks[i] = r.breaks
    layouts += r.layouts
  }
  const bytes = await draw(false)
  return { bytes, layouts }
}

/**
 * The document for parts laid out as `contents`. Each form starts on a new page; the page header
 * prints its title (with （续）/（續） on its continuation pages) and the footer its case number, its
 * own page X / Y and the printed-at time. Which page belongs to which form is learned during layout
 * (a tracked marker opens each form) and read when headers and footers are drawn.
 */
export function assemble(lang: Locale, parts: FormPart[], contents: Content[][], at: Date, info: { title: string }): TDocumentDefinitions {
  const t = labels(lang)
  const markers: { positions?: { pageNumber: number }[] }[] = parts.map(() => ({}))
  const starts = () => markers.map((m, i) => m.positions?.[0]?.pageNumber ?? (i === 0 ? 1 : Number.POSITIVE_INFINITY))
  const partOf = (page: number, s: number[]) => {
    let idx = 0
    for (let i = 0; i < s.length; i++) if (s[i] <= page) idx = i
    return idx
  }
  const content: Content[] = parts.map(
    (_p, i) =>
      ({
        stack: [{ text: ' ', fontSize: 1, lineHeight: 1, track: (laid: object) => (markers[i] = laid) }, ...contents[i]],
        ...(i > 0 ? { pageBreak: 'before' } : {})
      }) as Content
  )
  const stamp = printedAt(at)
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: A4_MARGINS,
    info: { title: info.title, creator: 'Petition Desk', producer: 'Petition Desk' },
    defaultStyle: BODY,
    header: (page) => {
      const s = starts()
      const i = partOf(page, s)
      const cont = page > s[i]
      const title = {
        text: parts[i].title + (cont ? t('continued') : ''),
        bold: true,
        fontSize: 13,
        alignment: 'center',
        margin: [A4_MARGINS[0], 36, A4_MARGINS[2], 0]
      }
      const mark = parts[i].copyMark
      if (!mark) return title as Content
      // A reprint says so above the title, the title staying where it always is.
      return { stack: [{ text: mark, fontSize: 9, bold: true, alignment: 'right', margin: [A4_MARGINS[0], 22, A4_MARGINS[2], 0] }, { ...title, margin: [A4_MARGINS[0], 2.5, A4_MARGINS[2], 0] }] } as Content
    },
    footer: (page, total) => {
      const s = starts()
      const i = partOf(page, s)
      const end = i + 1 < s.length ? s[i + 1] - 1 : total
      const p = parts[i]
      return {
        columns: [
          { text: p.caseNo ? t('caseNo', { caseNo: p.caseNo }) : t('blankCaseNo'), width: '*' },
          { text: t('page', { page: page - s[i] + 1, pages: end - s[i] + 1 }), width: 'auto', alignment: 'center' },
          { text: t('printedAt', { at: stamp }), width: '*', alignment: 'right' }
        ],
        fontSize: 8,
        margin: [A4_MARGINS[0], 18, A4_MARGINS[2], 0]
      } as Content
    },
    content,
    styles: {}
  }
}
