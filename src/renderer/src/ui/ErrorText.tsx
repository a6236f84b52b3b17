import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'
import { errorMessage, safeMessage } from '../app/calls'

/**
 * A translated, plain-language error and what is still safe; never a raw code or key.
 * `kind`: a failed write keeps what was typed on screen, a failed read leaves the records as they were.
 */
export function ErrorText({
  error,
  kind = 'write',
  what,
  onRetry
}: {
  error: DeskError | null | undefined
  kind?: 'write' | 'read'
  /** What did not happen, already translated ("今日待办没有打开："). */
  what?: string
  onRetry?: () => void
}) {
  const { t, i18n } = useTranslation()
  if (!error) return null
  const safe = safeMessage(t, error, kind)
  return (
    <p role="alert" className="error-text" data-code={error.code}>
      {what ? `${what} ` : ''}
      {errorMessage(t, i18n, error)}
      {safe ? <span className="error-safe"> {safe}</span> : null}
      {onRetry ? (
        <>
          {' '}
          <button type="button" className="link" onClick={onRetry}>
            {t('errors:retry')}
          </button>
        </>
      ) : null}
    </p>
  )
}
