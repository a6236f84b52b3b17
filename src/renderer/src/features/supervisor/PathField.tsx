import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { send } from '../../app/calls'

/**
 * A path typed by hand (browser mode has no native dialogs) with a "choose…" button that opens the
 * native dialog when the desk runs in Electron.
 */
export function PathField({
  label,
  hint,
  value,
  onChange,
  native,
  kind
}: {
  label: string
  hint?: string
  value: string
  onChange(v: string): void
  native: boolean
  kind: 'folder' | 'file'
}) {
  const { t } = useTranslation()
  const id = useId()
  const choose = async () => {
    const picked = await send(kind === 'folder' ? 'backup.chooseFolder' : 'backup.chooseFile', {}, 'errors:what.choose')
    if (picked) onChange(picked)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="sv-path">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
        {native ? (
          <button type="button" onClick={() => void choose()}>
            {kind === 'folder' ? t('supervisor:backup.settings.choose') : t('supervisor:backup.verify.chooseFile')}
          </button>
        ) : null}
      </div>
      {hint ? <div className="hint">{hint}</div> : null}
    </div>
  )
}
