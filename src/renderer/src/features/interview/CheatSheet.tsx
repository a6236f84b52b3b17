import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { shortcutsSuspended } from '../../ui/hotkeys'
import { tk } from '../../app/i18n'
import type { I18nKey } from '@shared/i18n/keys'

const KEYS: [string, I18nKey][] = [
  ['Ctrl+Shift+N', 'interview:keys.newWalkIn'],
  ['F2 / Shift+F2', 'interview:keys.stageNext'],
  ['F3 / Shift+F3', 'interview:keys.tabs'],
  ['F4', 'interview:keys.focusNotes'],
  ['F6 → 1–6', 'interview:keys.emotion'],
  ['Alt+L', 'interview:keys.lang'],
  ['F8', 'interview:keys.readBack'],
  ['F9', 'interview:keys.crisis'],
  ['F1 / ?', 'interview:keys.open'],
  ['Ctrl+L', 'interview:keys.lock'],
  ['Esc', 'interview:keys.close']
]

export function CheatSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing && !shortcutsSuspended()) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="iv-modal" role="dialog" aria-modal="true" aria-labelledby="iv-keys-title" data-testid="cheatsheet">
      <div className="iv-modal-card">
        <h2 id="iv-keys-title">{t('interview:keys.title')}</h2>
        <table className="table">
          <tbody>
            {KEYS.map(([k, label]) => (
              <tr key={k}>
                <td><kbd>{k}</kbd></td>
                <td>{tk(t, label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={onClose}>{t('interview:keys.close')} <kbd>Esc</kbd></button>
      </div>
    </div>
  )
}
