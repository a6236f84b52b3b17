import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { missingOrgDetails, type DeskSettings } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'

/**
 * First run: the organisation's name, phone, address and the on-duty supervisor's number, asked on
 * the supervisor's Today until they are all set (also editable later in Settings). Until then no
 * closing line or handout shows an empty slot: they leave the missing detail out.
 */
export function OrgDetailsCard() {
  const { t } = useTranslation()
  const [form, setForm] = useState<DeskSettings | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [done, setDone] = useState(false)
  useEffect(() => {
    void desk.invoke('settings.get', {}).then((res) => (res.ok ? setForm(res.value) : setError(res)))
  }, [])
  if (error && !form) return <ErrorText error={error} />
  if (!form) return null
  if (done) return <p className="notice" role="status">{t('session:orgDetails.saved')}</p>
  const missing = missingOrgDetails(form)
  if (missing.length === 0) return null
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const res = await desk.invoke('settings.set', { orgName: form.orgName, orgPhone: form.orgPhone, orgAddress: form.orgAddress, dutyPhone: form.dutyPhone })
    if (!res.ok) return setError(res)
    setError(null)
    setForm(res.value)
    if (missingOrgDetails(res.value).length === 0) setDone(true)
  }
  const field = (k: 'orgName' | 'orgPhone' | 'orgAddress' | 'dutyPhone', type = 'text') => (
    <div className="field">
      <label htmlFor={`org-${k}`}>{t(`session:orgDetails.${k}`)}</label>
      <input id={`org-${k}`} type={type} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} aria-invalid={missing.includes(k)} />
    </div>
  )
  return (
    <form className="card wide notice" onSubmit={submit} data-testid="org-details">
      <h2>{t('session:orgDetails.title')}</h2>
      <p>{t('session:orgDetails.why')}</p>
      <p className="warning">{t('session:orgDetails.missing', { list: missing.map((k) => t(`session:orgDetails.${k}`)).join(t('session:orgDetails.sep')) })}</p>
      <div className="field-row">
        {field('orgName')}
        {field('orgPhone', 'tel')}
      </div>
      <div className="field-row">
        {field('orgAddress')}
        {field('dutyPhone', 'tel')}
      </div>
      <button type="submit" className="primary">{t('session:orgDetails.save')}</button>
      <ErrorText error={error} />
    </form>
  )
}
