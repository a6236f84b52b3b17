import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'

/** A translated, plain-language error; the code follows in small print for support. */
export function ErrorText({ error }: { error: DeskError | null | undefined }) {
  const { t } = useTranslation()
  if (!error) return null
  return (
    <p role="alert" className="error-text">
      {t(error.messageKey, error.params as Record<string, string>)}
      <small className="error-code"> ({error.code})</small>
    </p>
  )
}
