import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { IDLE_MINUTES, type DeskSettings, type SiteContact } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'

/**
 * Supervisor: how long the desk waits before locking itself, the organisation's name and phone
 * (printed on forms, given to petitioners), and the site contacts the crisis protocol offers.
 */
export function SettingsScreen() {
  const { t } = useTranslation()
  const { refresh } = useSession()
  const [form, setForm] = useState<DeskSettings | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void desk.invoke('settings.get', {}).then((res) => (res.ok ? setForm(res.value) : setError(res)))
  }, [])
  if (!form) return <div className="page"><ErrorText error={error} /></div>

  const change = (patch: Partial<DeskSettings>) => {
    setForm({ ...form, ...patch })
    setSaved(false)
  }
  const setContact = (i: number, patch: Partial<SiteContact>) =>
    change({ siteContacts: form.siteContacts.map((c, j) => (j === i ? { ...c, ...patch } : c)) })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    // Rows left completely empty are dropped rather than refused.
    const siteContacts = form.siteContacts.filter((c) => c.label.trim() || c.phone.trim())
    const res = await desk.invoke('settings.set', { ...form, siteContacts })
    setBusy(false)
    if (!res.ok) return setError(res)
    setError(null)
    setForm(res.value)
    setSaved(true)
    await refresh()
  }

  return (
    <form className="page settings" onSubmit={submit} aria-labelledby="settings-title">
      <h1 id="settings-title">{t('session:settings.title')}</h1>
      <section className="card">
        <div className="field-row">
          <div className="field narrow">
            <label htmlFor="set-idle">{t('session:settings.idleMinutes')}</label>
            <input
              id="set-idle"
              type="number"
              min={IDLE_MINUTES.min}
              max={IDLE_MINUTES.max}
              value={Number.isFinite(form.idleMinutes) ? form.idleMinutes : ''}
              onChange={(e) => change({ idleMinutes: e.target.valueAsNumber })}
              required
            />
            <div className="hint">{t('session:settings.idleHint', { min: IDLE_MINUTES.min, max: IDLE_MINUTES.max })}</div>
          </div>
          <div className="field">
            <label htmlFor="set-org">{t('session:fields.orgName')}</label>
            <input id="set-org" value={form.orgName} onChange={(e) => change({ orgName: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="set-phone">{t('session:settings.orgPhone')}</label>
            <input id="set-phone" type="tel" value={form.orgPhone} onChange={(e) => change({ orgPhone: e.target.value })} />
            <div className="hint">{t('session:settings.orgPhoneHint')}</div>
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="set-address">{t('session:settings.orgAddress')}</label>
            <input id="set-address" value={form.orgAddress} onChange={(e) => change({ orgAddress: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="set-duty">{t('session:settings.dutyPhone')}</label>
            <input id="set-duty" type="tel" value={form.dutyPhone} onChange={(e) => change({ dutyPhone: e.target.value })} />
            <div className="hint">{t('session:settings.dutyPhoneHint')}</div>
          </div>
        </div>
      </section>
      <section className="card">
        <h2>{t('session:settings.contactsTitle')}</h2>
        <p className="hint">{t('session:settings.contactsHint')}</p>
        {form.siteContacts.length > 0 ? (
          <table className="table contacts">
            <thead>
              <tr>
                <th>{t('session:settings.contactLabel')}</th>
                <th>{t('session:settings.contactPhone')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {form.siteContacts.map((c, i) => (
                <tr key={i}>
                  <td>
                    <input
                      aria-label={`${t('session:settings.contactLabel')} ${i + 1}`}
                      value={c.label}
                      onChange={(e) => setContact(i, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('session:settings.contactPhone')} ${i + 1}`}
                      type="tel"
                      value={c.phone}
                      onChange={(e) => setContact(i, { phone: e.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => change({ siteContacts: form.siteContacts.filter((_, j) => j !== i) })}>
                      {t('session:settings.removeContact')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <button
          type="button"
          disabled={form.siteContacts.length >= 20}
          onClick={() => change({ siteContacts: [...form.siteContacts, { label: '', phone: '' }] })}
        >
          {t('session:settings.addContact')}
        </button>
      </section>
      <div className="save-bar">
        <button type="submit" className="primary" disabled={busy}>
          {t('common:actions.save')}
        </button>
        {saved ? <span role="status" className="notice">{t('session:settings.saved')}</span> : null}
        <ErrorText error={error} />
      </div>
    </form>
  )
}
