import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MOMENT_LINES, momentLineKey, suggestedMoments, type Moment } from '@shared/domain/interview/catalogue'
import type { StageId } from '@shared/domain/interview/types'

/**
 * The stage's lines with words for moments outside the four stages: a toggle in the heading row (no
 * extra height until the worker asks), then one button per moment, in the order the worker likely
 * needs them here, and the chosen moment's lines, filled like the stage lines. A phone contact opens
 * on the 3–7-day follow-up call.
 */
export function Moments({
  stage,
  workForm,
  tScript,
  params,
  title,
  children
}: {
  stage: StageId
  workForm: string
  tScript: (key: string, params?: Record<string, string>) => string
  params: Record<string, string>
  title: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  const { order, open: suggestedOpen } = suggestedMoments(stage, workForm)
  const [open, setOpen] = useState<Moment | null>(suggestedOpen)
  const [shown, setShown] = useState(suggestedOpen !== null)
  useEffect(() => {
    setOpen(suggestedOpen)
    setShown(suggestedOpen !== null)
  }, [suggestedOpen])
  return (
    <>
      <div className="iv-script-head">
        <h2>{title}</h2>
        <button type="button" className="link" aria-expanded={shown} onClick={() => setShown(!shown)} data-testid="moments-toggle">
          {t('interview:moments.title')} {shown ? '▴' : '▾'}
        </button>
      </div>
      {children}
      {shown ? (
        <div className="iv-moments" data-testid="moments">
          <div className="iv-moment-chips" role="group" aria-label={t('interview:moments.title')}>
            {order.map((m) => (
              <button key={m} type="button" aria-pressed={open === m} className={open === m ? 'active' : ''} data-moment={m} onClick={() => setOpen(open === m ? null : m)}>
                {t(`interview:moments.${m}`)}
              </button>
            ))}
          </div>
          {open ? (
            <ol className="iv-moment-lines" data-testid="moment-lines">
              {MOMENT_LINES[open].map((l) => (
                <li key={l} data-line={l}>{tScript(momentLineKey(open, l), params)}</li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
