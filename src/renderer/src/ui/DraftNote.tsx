import { useTranslation } from 'react-i18next'
import type { useDraft } from '../app/useDraft'
import { ErrorText } from './ErrorText'

/** Under a drafted text box: "your earlier draft is back", or why the draft could not be kept. */
export function DraftNote({ draft }: { draft: ReturnType<typeof useDraft> }) {
  const { t } = useTranslation()
  return (
    <>
      {draft.restored ? (
        <div className="hint" role="status" data-testid="draft-restored">
          {t('common:draft.restored')}
        </div>
      ) : null}
      <ErrorText error={draft.error} what={t('common:draft.notSaved')} />
    </>
  )
}
