import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MOMENT_LINES, momentLineKey, suggestedMoments, type Moment } from '@shared/domain/interview/catalogue'
import type { StageId } from '@shared/domain/interview/types'

/**
 * Words for moments outside the four stages, under the stage's lines: one button per moment, in the
 * order the worker likely needs them here; a click shows that moment's lines, filled like the stage
 * lines (a gap stays "……" for the worker to say).
 */
export function Moments({
  stage,
  workForm,
  tScript,
  params
}: {
  stage: StageId
  workForm: string
  tScript: (key: string, params?: Record<string, string>) => string
  params: Record<string, string>
}) {
  const { t } = useTranslation()
  const { order, open: suggestedOpen } = suggestedMoments(stage, workForm)
  const [open, setOpen] = useState<Moment | null>(suggestedOpen)
  useEffect(() => setOpen(suggestedOpen), [suggestedOpen])
  return (
    <div className="iv-moments" data-testid="moments">
      <h3>{t('interview:moments.title')}</h3>
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
  )
}
