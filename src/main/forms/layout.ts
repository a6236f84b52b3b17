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
import { A4_MARGINS, RULED, checkboxes, labelCell, sectionRow, span, type CheckOption } from '../pdf'
import type { FormSignoff } from './signoff'
import { codePointLength } from '@shared/text/characters'

/**
 * The three forms of DB4401/T 321-2025 (Appendices A–C) as pdfmake content. Labels come from
 * forms.json `pdf.*` (普通话: the standard's wording character for character; 粵語: the same labels in
 * Traditional characters); what the worker typed is passed through untouched.
 */

type T = (key: string, params?: Record<string, string | number>) => string
export const labels = (lang: Locale): T => {
  const t = translator(lang, 'forms')
  return (key, params) => t(`pdf.${key}`, params)
}

/** One form inside a PDF: its title and case number drive the page header and footer. */
export interface FormPart {
  title: string
  caseNo: string | null
  content: Content[]
}

const LONG_MIN = 54 // empty long-text cells keep room to write by hand
const SIGN_MIN = 46 // signature cells: room for a signature and a date
const BLANK_LONG_MIN = 84

/** `keep`: never split across pages (signature rows: a signature must not straddle two sheets). */
type Row = { cells: TableCell[]; min?: number; keep?: boolean }

/**
 * A ruled table whose rows may break across pages (long texts flow on). A row's minimum height
 * (room to write by hand) is made by content — a spacer under the first cell — not by pdfmake's
 * `heights`, which lays out rows that straddle a page break incorrectly.
 */
function table(widths: (number | string)[], rows: Row[], headerRows = 0, extra: Record<string, unknown> = {}): Content {
  const body = rows.map((r) => {
    if (!r.min) return r.cells
    const [first, ...rest] = r.cells
    const spacer = { canvas: [], width: 1, height: 1, margin: [0, 0, 0, Math.max(0, r.min - 22)] }
    const f = first as { colSpan?: number; fillColor?: string }
    const withSpace = { stack: [{ ...f, colSpan: undefined, rowSpan: undefined, fillColor: undefined }, spacer], colSpan: f.colSpan, fillColor: f.fillColor }
    return [withSpace as unknown as TableCell, ...rest]
  })
  // Runs of `keep` rows become their own table with unbreakable rows; the others may break.
  const chunks: { from: number; to: number; keep: boolean }[] = []
  rows.forEach((r, i) => {
    const keep = !!r.keep && i >= headerRows
    const last = chunks[chunks.length - 1]
    if (last && last.keep === keep) last.to = i + 1
    else chunks.push({ from: i, to: i + 1, keep })
  })
  const chunk = (c: { from: number; to: number; keep: boolean }, k: number) =>
      ({
        table: {
          widths,
          headerRows: k === 0 ? headerRows : 0,
          dontBreakRows: c.keep,
          keepWithHeaderRows: k === 0 && headerRows ? 1 : 0,
          body: body.slice(c.from, c.to)
        },
        layout: RULED,
        // Adjacent tables share their border line: pull each up by the rule's width.
        ...(k > 0 ? { margin: [0, -0.6, 0, 0] } : {})
      }) as Content
  // A run of kept rows also stays together (an opinion with the signature under it).
  const tables = chunks.map((c, k) => (c.keep ? ({ stack: [chunk(c, k)], unbreakable: true } as Content) : chunk(c, k)))
  return (tables.length === 1 ? { ...(tables[0] as object), ...extra } : { stack: tables, ...extra }) as Content
}

/** Short enough that keeping the row whole (with the signature under it) never needs a page of its own. */
const short = (v: string | null | undefined) => codePointLength(v ?? '') < 400

const text = (v: string | null | undefined): TableCell => ({ text: v ?? '' }) as TableCell
/** Long texts are set flush on both sides, as Chinese documents are. */
const prose = (v: string | null | undefined): TableCell => ({ text: v ?? '', alignment: 'justify' }) as TableCell
const hintThen = (hint: string, v: string): TableCell =>
  ({ stack: [{ text: hint, fontSize: 8, color: '#555555' }, ...(v ? [{ text: v, alignment: 'justify', margin: [0, 2, 0, 0] }] : [])] }) as TableCell

/** On blank forms an option asking "（请注明）：" gets an underlined gap to write in. */
const WRITE_IN = '\u3000'.repeat(8)

function opts<C extends string>(
  codes: readonly C[],
  label: (c: C) => string,
  chosen: (c: C) => boolean,
  detailFor?: (c: C) => string | undefined,
  blank = false
): CheckOption[] {
  return codes.map((c) => {
    const l = label(c)
    const detail = chosen(c) ? detailFor?.(c) : blank && /[：:]$/.test(l) ? WRITE_IN : undefined
    return { label: l, checked: chosen(c), detail }
  })
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

export function formA(lang: Locale, d: FormAData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const W = [78, 166, 82, '*']
  const longRow = (label: string, value: string | undefined, hint?: string): Row => ({
    cells: [labelCell(label), ...span(hint ? hintThen(hint, value ?? '') : prose(value ?? ''), 3)],
    min: (value ?? '') ? undefined : long
  })
  const lines = (codes: readonly string[], key: string, chosen: (c: string) => boolean, detail?: (c: string) => string | undefined) =>
    checkboxes(opts(codes, (c) => t(`a.${key}.${c}`), (c) => !blank && chosen(c), detail, blank))

  const record: Row[] = [
    { cells: sectionRow(t('a.sectionRecord'), 4) },
    { cells: [labelCell(t('a.contactDate')), v(d?.contactDate), labelCell(t('a.worker')), v(d?.worker?.displayName)] },
    {
      cells: [
        labelCell(t('a.source')),
        ...span(lines(CASE_SOURCES, 'sources', (c) => d?.source === c, (c) => (c === 'self' ? undefined : d?.sourceText)) as TableCell, 3)
      ]
    },
    longRow(t('a.demands'), d?.demands),
    longRow(t('a.petitionHistory'), d?.petitionHistory, t('a.petitionHistoryHint')),
    longRow(t('a.personality'), d?.personality, t('a.personalityHint')),
    {
      cells: [
        labelCell(t('a.referral')),
        { stack: [{ text: t('a.referralOrg'), fontSize: 8, color: '#555555' }, { text: blank ? '' : (d?.referralOrg ?? '') }] } as TableCell,
        labelCell(t('a.referralContact')),
        v(d?.referralContact)
      ],
      min: blank ? 34 : undefined
    }
  ]
  const gender = d?.gender ? t(`gender.${d.gender}`) : ''
  const client: Row[] = [
    { cells: sectionRow(t('a.sectionClient'), 4) },
    { cells: [labelCell(t('a.clientName')), v(d?.clientName), labelCell(t('a.gender')), v(gender)] },
    { cells: [labelCell(t('a.phone')), v(d?.phone), labelCell(t('a.address')), v(d?.address)] },
    { cells: [labelCell(t('a.birth')), v(d?.birth), labelCell(t('a.age')), v(d?.age == null ? '' : t('age', { age: d.age }))] },
    { cells: [labelCell(t('a.occupation')), v(d?.occupation), labelCell(t('a.economicStatus')), v(d?.economicStatus)] },
    { cells: [labelCell(t('a.language')), ...span(lines(LANGUAGES, 'languages', (c) => d?.language === c, (c) => (c === 'other' ? d?.languageOther : undefined)) as TableCell, 3)] },
    { cells: [labelCell(t('a.marital')), ...span(lines(MARITAL, 'maritals', (c) => d?.marital === c, (c) => (c === 'other' ? d?.maritalOther : undefined)) as TableCell, 3)] },
    { cells: [labelCell(t('a.education')), ...span(lines(EDUCATION, 'educations', (c) => d?.education === c) as TableCell, 3)] },
    { cells: [labelCell(t('a.living')), ...span(lines(LIVING, 'livings', (c) => d?.living === c, (c) => (c === 'other' ? d?.livingOther : undefined)) as TableCell, 3)] },
    {
      cells: [
        labelCell(t('a.needs')),
        ...span(lines(NEEDS, 'needOptions', (c) => !!d?.needs.includes(c as never), (c) => (c === 'other' ? d?.needsOther : undefined)) as TableCell, 3)
      ]
    },
    longRow(t('a.background'), d?.background),
    longRow(t('a.assessment'), d?.assessment),
    longRow(t('a.needsAnalysis'), d?.needsAnalysis),
    { cells: span(labelCell(t('a.plan'), { bold: true }), 4) },
    longRow(t('a.serviceGoals'), d?.serviceGoals),
    longRow(t('a.serviceStrategy'), d?.serviceStrategy),
    longRow(t('a.evaluationMethods'), d?.evaluationMethods),
    {
      cells: [labelCell(t('a.workerSign')), ...span({ text: blank || !d?.workerSignedDate ? '' : d.workerSignedDate, alignment: 'right', margin: [0, SIGN_MIN - 20, 0, 0] } as TableCell, 3)],
      min: SIGN_MIN,
      keep: true
    },
    {
      cells: [
        labelCell(t('a.intake')),
        ...span(
          {
            text: [
              { text: t('a.intakeQuestion') + '\u3000' },
              ...(checkboxes([
                { label: t('a.intakeYes'), checked: !blank && d?.intakeAccepted === true, detail: blank ? WRITE_IN : d?.intakeAccepted ? (d.intakeAssignedTo?.displayName ?? '') : undefined },
                { label: t('a.intakeNo'), checked: !blank && d?.intakeAccepted === false, detail: blank ? WRITE_IN : d?.intakeAccepted === false ? d.intakeNote : undefined }
              ]).text as Content[])
            ]
          } as TableCell,
          3
        )
      ],
      keep: true
    },
    {
      keep: true,
      cells: [labelCell(t('a.supervisorSign')), ...span({ stack: signoff && !blank ? [{ text: signoff.opinion }, signedLine(t, signoff)!] : [{ text: '' }] } as TableCell, 3)],
      min: signoff && !blank ? undefined : SIGN_MIN + 10
    }
  ]
  return {
    title: t('a.title'),
    caseNo: d?.caseNo ?? null,
    content: [table(W, record, 1), table(W, client, 1)]
  }
}

// ───────────────────────────── Form B ─────────────────────────────

export function formB(lang: Locale, d: FormBData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const W = [80, 100, 50, 100, 54, '*']
  const longRow = (label: string, value: string | undefined, min = long): Row => ({
    cells: [labelCell(label), ...span(prose(value ?? ''), 5)],
    min: (value ?? '') ? undefined : min
  })
  const loc = checkboxes(
    LOCATIONS.map((c) => ({ label: t(`b.locations.${c}`), checked: !blank && d?.location === c, detail: c === 'other' && d?.location === 'other' ? d.locationText : undefined }))
  )
  const forms = checkboxes(
    WORK_FORMS.map((c) => ({ label: t(`b.workForms.${c}`), checked: !blank && d?.workForm === c, detail: c === 'other' && d?.workForm === 'other' ? d.workFormText : undefined }))
  )
  const signedAt = signoff && !blank ? printedAt(new Date(signoff.signedAt)) : ''
  const rows: Row[] = [
    { cells: [labelCell(t('b.subject')), v(d?.subject), labelCell(t('b.contact')), ...span(v(d?.contact), 3)] },
    { cells: [labelCell(t('b.relation')), v(d?.relation), labelCell(t('b.location')), ...span(loc as TableCell, 3)] },
    {
      cells: [
        labelCell(t('b.date')),
        v(d?.date),
        labelCell(t('b.time')),
        v(d?.time),
        labelCell(t('b.workCount')),
        text(blank ? t('b.workCountBlank') : t('b.workCountValue', { n: d!.workCount }))
      ]
    },
    longRow(t('b.purpose'), d?.purpose, blank ? 44 : LONG_MIN),
    { cells: [labelCell(t('b.workForm')), ...span(forms as TableCell, 5)] },
    longRow(t('b.record'), d?.record, blank ? 176 : 120),
    longRow(t('b.assessment'), d?.assessment),
    longRow(t('b.followUp'), d?.followUpPlan),
    { cells: [...sigCell(t('b.workerSign'), null, 3), ...sigCell(t('b.signDate'), null, 3)], min: SIGN_MIN, keep: true },
    { ...longRow(t('b.supervisorOpinion'), signoff && !blank ? signoff.opinion : ''), keep: short(signoff && !blank ? signoff.opinion : '') },
    {
      cells: [
        ...sigCell(t('b.supervisorSign'), signoff && !blank ? { text: signoff.signerName, margin: [0, 4, 0, 0] } : null, 3),
        ...sigCell(t('b.signDate'), signedAt ? { text: signedAt, margin: [0, 4, 0, 0] } : null, 3)
      ],
      min: SIGN_MIN,
      keep: true
    }
  ]
  return { title: t('b.title'), caseNo: d?.caseNo ?? null, content: [table(W, rows)] }
}

// ───────────────────────────── Form C ─────────────────────────────

export function formC(lang: Locale, d: FormCData | null, signoff: FormSignoff | null): FormPart {
  const t = labels(lang)
  const blank = d === null
  const v = (x: string | null | undefined) => text(blank ? '' : x)
  const long = blank ? BLANK_LONG_MIN : LONG_MIN
  const W = [78, 166, 82, '*']
  const category = checkboxes(CLOSING_CATEGORIES.map((c) => ({ label: t(`c.categories.${c}`), checked: !blank && d?.category === c })))
  const reasons = checkboxes(
    opts(TRANSFER_REASONS, (c) => t(`c.transferReasons.${c}`), (c) => !blank && d?.transferReason === c, (c) => (c === 'other' ? d?.transferReasonOther : undefined), blank)
  )
  const types = checkboxes(
    opts(CLOSING_TYPES, (c) => t(`c.closingTypes.${c}`), (c) => !blank && d?.closingType === c, (c) => (c === 'other' ? d?.closingTypeOther : undefined), blank)
  )
  const head: Row[] = [
    { cells: [labelCell(t('c.clientName')), v(d?.clientName), labelCell(t('c.worker')), v(d?.worker?.displayName)] },
    { cells: [labelCell(t('c.openedDate')), v(d?.openedDate), labelCell(t('c.closedDate')), v(d?.closedDate)] },
    { cells: [labelCell(t('c.transferReason')), ...span(reasons as TableCell, 3)] },
    { cells: [labelCell(t('c.closingType')), ...span(types as TableCell, 3)] },
    {
      cells: [
        labelCell(t('c.resources')),
        ...span(
          {
            stack: [
              { text: [{ text: t('c.linkedResources'), color: '#333333' }, { text: blank ? '' : (d?.linkedResources ?? '') }], margin: [0, 0, 0, 3] },
              { text: [{ text: t('c.contactedDepartments'), color: '#333333' }, { text: blank ? '' : (d?.contactedDepartments ?? '') }] }
            ]
          } as TableCell,
          3
        )
      ],
      min: blank ? 50 : undefined
    }
  ]
  const GW = [34, '*', '*', 96]
  const goalRows: Row[] = [
    { cells: sectionRow(t('c.goals'), 4) },
    { cells: [t('c.seq'), t('c.goal'), t('c.achievement'), t('c.note')].map((x) => labelCell(x, { alignment: 'center' })) }
  ]
  const goals = blank ? Array.from({ length: 6 }, () => null) : (d?.goals ?? [])
  goals.forEach((g, i) =>
    goalRows.push({
      cells: [{ text: g ? String(g.seq) : '', alignment: 'center' } as TableCell, text(g?.goal), text(g?.achievement), text(g?.note)],
      min: g ? undefined : 30
    })
  )
  if (!blank && goals.length === 0) goalRows.push({ cells: [text(''), text(''), text(''), text('')], min: 30 })
  const signedAt = signoff && !blank ? printedAt(new Date(signoff.signedAt)) : ''
  const tail: Row[] = [
    { cells: [labelCell(t('c.reflection')), ...span(prose(blank ? '' : d?.reflection), 3)], min: d?.reflection ? undefined : long, keep: short(d?.reflection) },
    {
      cells: [labelCell(t('c.workerSign')), text(''), labelCell(t('c.signDate')), v(d?.workerSignedDate)],
      min: SIGN_MIN - 10,
      keep: true
    },
    {
      cells: [labelCell(t('c.orgEvaluation')), ...span(prose(signoff && !blank ? signoff.opinion : ''), 3)],
      min: signoff && !blank ? undefined : long,
      keep: short(signoff && !blank ? signoff.opinion : '')
    },
    {
      cells: [labelCell(t('c.supervisorSign')), text(signoff && !blank ? signoff.signerName : ''), labelCell(t('c.signDate')), text(signedAt)],
      min: SIGN_MIN - 10,
      keep: true
    }
  ]
  return {
    title: t('c.title'),
    caseNo: d?.caseNo ?? null,
    content: [
      { text: [{ text: t('c.category') + '\u3000' }, ...(category.text as Content[])], margin: [0, 0, 0, 6] } as Content,
      table(W, head),
      table(GW, goalRows, 2),
      table(W, tail)
    ]
  }
}

// ───────────────────────────── assembling ─────────────────────────────

/**
 * One PDF of one or more forms. Each form starts on a new page; the page header prints its title
 * (with （续）/（續） on its continuation pages) and the footer its case number, its own page X / Y
 * and the printed-at time. Which page belongs to which form is learned during layout (pdfmake's
 * pageBreakBefore hook sees each form's first node) and read when headers and footers are drawn.
 */
export function assemble(lang: Locale, parts: FormPart[], at: Date, info: { title: string }): TDocumentDefinitions {
  const t = labels(lang)
  // A tiny marker opens each form; pdfmake records where it was laid out before drawing headers
  // and footers, so they know which form (and which of its pages) they are on.
  const markers: { positions?: { pageNumber: number }[] }[] = parts.map(() => ({}))
  const starts = () => markers.map((m, i) => m.positions?.[0]?.pageNumber ?? (i === 0 ? 1 : Number.POSITIVE_INFINITY))
  const partOf = (page: number, s: number[]) => {
    let idx = 0
    for (let i = 0; i < s.length; i++) if (s[i] <= page) idx = i
    return idx
  }
  const content: Content[] = parts.map(
    (p, i) =>
      ({
        stack: [{ text: ' ', fontSize: 1, lineHeight: 1, track: (laid: object) => (markers[i] = laid) }, ...p.content],
        ...(i > 0 ? { pageBreak: 'before' } : {})
      }) as Content
  )
  const stamp = printedAt(at)
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: A4_MARGINS,
    info: { title: info.title, creator: 'Petition Desk', producer: 'Petition Desk' },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.25 },
    header: (page) => {
      const s = starts()
      const i = partOf(page, s)
      const cont = page > s[i]
      return {
        text: parts[i].title + (cont ? t('continued') : ''),
        bold: true,
        fontSize: 13,
        alignment: 'center',
        margin: [A4_MARGINS[0], 36, A4_MARGINS[2], 0]
      } as Content
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
