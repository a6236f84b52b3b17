import { z } from 'zod'
import { call } from '../define'
import { id, locale } from '../schemas'

/** What to do with a rendered PDF: the OS print dialog, or a save dialog. */
export const PDF_ACTIONS = ['print', 'save'] as const
export type PdfAction = (typeof PDF_ACTIONS)[number]

/**
 * The result of a PDF call, shared by every feature that prints (forms, recovery sheet, consent slip,
 * handout, reports). In Electron the main process saved or printed it already (`platform`); in
 * browser mode it hands the bytes back (`bytes`, base64) and the renderer's `deliverPdf`
 * (src/renderer/src/ui/pdf-output.ts) downloads or prints them.
 */
export type PdfDelivery =
  | { mode: 'platform'; outcome: 'saved' | 'printed' | 'cancelled'; fileName: string; pages: number }
  | { mode: 'bytes'; fileName: string; base64: string; pages: number }

export const FORM_KINDS = ['A', 'B', 'C', 'all'] as const
export type FormKind = (typeof FORM_KINDS)[number]

/** Characters the forms of a case would print blank (no shipped font has them). */
export interface GlyphCheck {
  missing: string[]
}

const formArgs = z.object({
  caseId: id(),
  form: z.enum(FORM_KINDS),
  /** Form B: which interview; omitted → every interview of the case. */
  interviewId: id().optional(),
  lang: locale()
})

/** Calls of the forms feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const formsCalls = {
  /** Which characters of this case's forms no font can print — asked before printing. */
  'forms.check': call(formArgs, 'worker').returns<GlyphCheck>(),
  /**
   * Render a form (or the whole case) and print or save it. Refused with MISSING_GLYPHS
   * (params.chars) unless `allowMissing` — the user was told and chose to print anyway.
   */
  'forms.output': call(
    formArgs.extend({ action: z.enum(PDF_ACTIONS), allowMissing: z.boolean().optional() }),
    'worker'
  ).returns<PdfDelivery>(),
  /** Blank forms for handwriting on the day the computer is down. */
  'forms.blank': call(
    z.object({ form: z.enum(FORM_KINDS), lang: locale(), action: z.enum(PDF_ACTIONS) }),
    'worker'
  ).returns<PdfDelivery>()
} as const
