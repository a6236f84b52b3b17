import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '../command'
import { openDeskAs } from './cases'
import { FORM_KINDS, type FormKind } from '@shared/ipc/contracts/forms'
import { translateKey } from '@shared/i18n/resources'
import { DeskFailure } from '@shared/ipc/result'
import { renderBlankForms, renderCaseForms, recordOutput } from '../../main/forms/service'
import { pageCount } from '../../main/pdf'
import { requireCaseAccess } from '../../main/cases/confidential'
import { writeFileAtomic } from '../../main/fs/atomic'
import { eq } from 'drizzle-orm'
import { cases } from '../../main/db/schema'

const USAGE = `Usage:
  npm run desk -- forms --data-dir DIR --case ID|CASE_NO --form A|B|C|all --lang zh-CN|yue-HK --out FILE.pdf
                        [--interview ID] [--login LOGIN] [--allow-missing]        (DESK_PASSPHRASE; DESK_USER)
  npm run desk -- forms --blank --form A|B|C|all --lang zh-CN|yue-HK --out FILE.pdf
Without --login/DESK_USER the first supervisor whose passphrase is DESK_PASSPHRASE is used.
Exit codes: 0 written, 2 usage, 3 characters no font can print (listed; --allow-missing prints anyway), 1 other failure.
`

const say = (err: DeskFailure, lang: 'zh-CN' | 'yue-HK') => {
  return translateKey(lang, err.messageKey, err.params)
}

/** `forms`: render a case's forms (or blank ones) to a PDF file — the same renderer as the app. */
export const formsCommand: Command = {
  name: 'forms',
  help: USAGE,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        case: { type: 'string' },
        form: { type: 'string', default: 'all' },
        lang: { type: 'string', default: 'zh-CN' },
        out: { type: 'string' },
        interview: { type: 'string' },
        login: { type: 'string' }, user: { type: 'string' },
        blank: { type: 'boolean', default: false },
        'allow-missing': { type: 'boolean', default: false }
      }
    })
    const form = values.form as FormKind
    const lang = values.lang as 'zh-CN' | 'yue-HK'
    if (!FORM_KINDS.includes(form) || (lang !== 'zh-CN' && lang !== 'yue-HK') || !values.out) return (process.stderr.write(USAGE), 2)
    const out = resolve(values.out)
    if (values.blank) {
      const { bytes } = await renderBlankForms(lang, form, new Date())
      writeFileAtomic(out, bytes)
      process.stdout.write(`${out}\t${pageCount(bytes)} pages\n`)
      return 0
    }
    if (!values['data-dir'] || !values.case) return (process.stderr.write(USAGE), 2)
    const app = openDeskAs(values['data-dir'], (values.login ?? values.user))
    if (!app) return 1
    try {
      const byNo = app.desk.db().orm.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, values.case)).get()
      const caseId = byNo?.id ?? Number(values.case)
      if (!Number.isInteger(caseId) || caseId <= 0) return (process.stderr.write(USAGE), 2)
      const interviewId = values.interview ? Number(values.interview) : undefined
      const r = { caseId, form, lang, interviewId, action: 'save' as const, allowMissing: values['allow-missing'] }
      // A confidential report is printed only by its worker or a supervisor: the CLI cannot ask for a reason.
      requireCaseAccess(app.desk, caseId, 'cliForms')
      const { bytes } = await renderCaseForms(app.desk, r, { allowMissing: r.allowMissing })
      // Written atomically to the path asked for; nothing goes through a temp folder.
      writeFileAtomic(out, bytes)
      recordOutput(app.desk, r, pageCount(bytes), 'cli')
      process.stdout.write(`${out}\t${pageCount(bytes)} pages\n`)
      return 0
    } catch (e) {
      if (e instanceof DeskFailure) {
        process.stderr.write(say(e, lang) + '\n')
        return e.code === 'MISSING_GLYPHS' ? 3 : 1
      }
      throw e
    } finally {
      app.stop()
    }
  }
}
