import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormKind, PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import type { DeskError } from '@shared/ipc/result'
import type { InterviewListItem } from '@shared/domain/interview'
import { CallError, call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { deliverPdf, type DeliveredAs } from '../../ui/pdf-output'
import './forms.css'
import { reported } from '../../app/calls'

type Lang = 'zh-CN' | 'yue-HK'
interface Job {
  form: FormKind
  interviewId?: number
  action: PdfAction
}

const asError = (e: unknown): DeskError =>
  e instanceof CallError ? e.error : { ok: false, code: 'INTERNAL', messageKey: 'errors:internal' }

/** Language picker for the printed form (普通话 labels or Traditional labels); typed text is never converted. */
function LangPicker({ lang, onChange }: { lang: Lang; onChange: (l: Lang) => void }) {
  const { t } = useTranslation('forms')
  const name = useId() // each picker is its own radio group
  return (
    <fieldset className="forms-lang">
      <legend>{t('panel.language')}</legend>
      {(['zh-CN', 'yue-HK'] as const).map((l) => (
        <label key={l} className="check">
          <input type="radio" name={name} checked={lang === l} onChange={() => onChange(l)} />
          {t(l === 'zh-CN' ? 'panel.langZh' : 'panel.langYue')}
        </label>
      ))}
    </fieldset>
  )
}

function Actions({ label, busy, run, spoken = label }: { label: string; busy: boolean; run: (a: PdfAction) => void; spoken?: string }) {
  const { t } = useTranslation('forms')
  return (
    <div className="forms-row">
      <span className="forms-row-label">{label}</span>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => run('print')} aria-label={`${t('panel.print')} ${spoken}`}>
          {t('panel.print')}
        </button>
        <button type="button" disabled={busy} onClick={() => run('save')} aria-label={`${t('panel.save')} ${spoken}`}>
          {t('panel.save')}
        </button>
      </div>
    </div>
  )
}

function useOutcome() {
  const { t } = useTranslation('forms')
  const [status, setStatus] = useState<string | null>(null)
  const report = (d: DeliveredAs) =>
    setStatus(d === 'saved' || d === 'downloaded' ? t('panel.saved') : d === 'printed' || d === 'opened' ? t('panel.printed') : null)
  return { status, setStatus, report }
}

/**
 * Print or save a case's forms (A, each B, C, or all) and blank forms. Before printing it asks the
 * main process which characters no font can print and names them; the user may print anyway (and
 * write them in by hand) or cancel. Placed on the case page by the cases feature.
 */
export function CasePrintPanel({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation('forms')
  const [lang, setLang] = useState<Lang>(i18n.language === 'yue-HK' ? 'yue-HK' : 'zh-CN')
  const [interviews, setInterviews] = useState<InterviewListItem[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  const [pending, setPending] = useState<{ job: Job; chars: string[] } | null>(null)
  const { status, setStatus, report } = useOutcome()

  useEffect(() => {
    call('interview.list', { caseId })
      .then(setInterviews)
      .catch((e) => (setInterviews([]), reported()(e)))
  }, [caseId])

  const output = useCallback(
    async (job: Job, allowMissing: boolean) => {
      setBusy(true)
      setError(null)
      setStatus(t('panel.working'))
      try {
        const res: PdfDelivery = await call('forms.output', { caseId, form: job.form, interviewId: job.interviewId, lang, action: job.action, allowMissing })
        report(await deliverPdf(res, job.action))
      } catch (e) {
        setStatus(null)
        setError(asError(e))
      } finally {
        setBusy(false)
      }
    },
    [caseId, lang, report, setStatus, t]
  )

  const start = async (job: Job) => {
    setError(null)
    try {
      const { missing } = await call('forms.check', { caseId, form: job.form, interviewId: job.interviewId, lang })
      if (missing.length) return setPending({ job, chars: missing })
      await output(job, false)
    } catch (e) {
      setError(asError(e))
    }
  }

  return (
    <section className="card forms-panel" aria-labelledby="forms-panel-title">
      <h2 id="forms-panel-title">{t('panel.title')}</h2>
      <p className="hint">{t('panel.intro')}</p>
      <LangPicker lang={lang} onChange={setLang} />
      <Actions label={t('panel.formA')} busy={busy} run={(action) => start({ form: 'A', action })} />
      <div className="forms-group">
        <span className="forms-row-label">{t('panel.formB')}</span>
        {interviews.length === 0 && <p className="hint">{t('panel.noInterviews')}</p>}
        {interviews.map((iv) => (
          <Actions
            key={iv.id}
            label={t('panel.formBItem', { n: iv.workCount, date: iv.startedAt.slice(0, 10) })}
            busy={busy}
            run={(action) => start({ form: 'B', interviewId: iv.id, action })}
          />
        ))}
      </div>
      <Actions label={t('panel.formC')} busy={busy} run={(action) => start({ form: 'C', action })} />
      <Actions label={t('panel.all')} busy={busy} run={(action) => start({ form: 'all', action })} />
      {pending && (
        <div className="confirm-bar" role="alertdialog" aria-labelledby="forms-missing-title">
          <div>
            <strong id="forms-missing-title">{t('panel.missingTitle')}</strong>
            <p>{t('panel.missingBody', { chars: pending.chars.join(' ') })}</p>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                const job = pending.job
                setPending(null)
                void output(job, true)
              }}
            >
              {t('panel.printAnyway')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('panel.cancel')}
            </button>
          </div>
        </div>
      )}
      <p className="notice" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorText error={error} />
      <details className="forms-blank">
        <summary>{t('panel.blank')}</summary>
        <BlankFormsPanel embedded />
      </details>
    </section>
  )
}

/** Blank forms for handwriting when the computer is down (its own card, or inside the case panel). */
export function BlankFormsPanel({ embedded = false }: { embedded?: boolean }) {
  const { t, i18n } = useTranslation('forms')
  const [lang, setLang] = useState<Lang>(i18n.language === 'yue-HK' ? 'yue-HK' : 'zh-CN')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  const { status, setStatus, report } = useOutcome()
  const run = async (form: FormKind, action: PdfAction) => {
    setBusy(true)
    setError(null)
    setStatus(t('panel.working'))
    try {
      report(await deliverPdf(await call('forms.blank', { form, lang, action }), action))
    } catch (e) {
      setStatus(null)
      setError(asError(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className={embedded ? 'forms-panel' : 'card forms-panel'} aria-label={t('panel.blank')}>
      {!embedded && <h2>{t('panel.blank')}</h2>}
      <p className="hint">{t('panel.blankIntro')}</p>
      <LangPicker lang={lang} onChange={setLang} />
      {(['A', 'B', 'C', 'all'] as const).map((f) => {
        const label = t(f === 'all' ? 'panel.all' : `panel.form${f}`)
        return <Actions key={f} label={label} spoken={`${t('panel.blank')} ${label}`} busy={busy} run={(a) => run(f, a)} />
      })}
      <p className="notice" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorText error={error} />
    </section>
  )
}
