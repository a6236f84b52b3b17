import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, UserSummary } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { PassphraseFields } from './PassphraseFields'

/** Supervisors: the team's accounts, and adding a worker. */
export function AccountsScreen() {
  const { t } = useTranslation()
  const [users, setUsers] = useState<UserSummary[]>([])
  const [displayName, setDisplayName] = useState('')
  const [loginName, setLoginName] = useState('')
  const [role, setRole] = useState<Role>('worker')
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [added, setAdded] = useState<string | null>(null)

  const load = async () => {
    const res = await desk.invoke('users.list', {})
    if (res.ok) setUsers(res.value)
  }
  useEffect(() => void load(), [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const res = await desk.invoke('users.add', { displayName, loginName, role, passphrase: pass.value })
    if (!res.ok) return setError(res)
    setError(null)
    setAdded(res.value.displayName)
    setDisplayName('')
    setLoginName('')
    setPass({ value: '', confirm: '', acceptable: false })
    void load()
  }

  return (
    <div className="page">
      <h1>{t('session:accounts.title')}</h1>
      <table className="table">
        <thead>
          <tr>
            <th>{t('session:fields.displayName')}</th>
            <th>{t('session:fields.loginName')}</th>
            <th>{t('session:fields.role')}</th>
            <th>{t('session:accounts.state')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.loginName}</td>
              <td>{t(`common:role.${u.role}`)}</td>
              <td>{u.disabled ? t('session:accounts.disabled') : t('session:accounts.active')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card" onSubmit={submit} aria-labelledby="add-user-title">
        <h2 id="add-user-title">{t('session:accounts.addTitle')}</h2>
        <div className="field">
          <label htmlFor="new-display">{t('session:fields.displayName')}</label>
          <input id="new-display" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="new-login">{t('session:fields.loginName')}</label>
          <input id="new-login" value={loginName} onChange={(e) => setLoginName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="new-role">{t('session:fields.role')}</label>
          <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="worker">{t('common:role.worker')}</option>
            <option value="supervisor">{t('common:role.supervisor')}</option>
          </select>
        </div>
        <PassphraseFields value={pass.value} confirm={pass.confirm} onChange={setPass} context={[loginName, displayName]} />
        <ErrorText error={error} />
        {added ? <p role="status">{t('session:accounts.added', { name: added })}</p> : null}
        <button type="submit" className="primary" disabled={!pass.acceptable || !displayName || !loginName}>
          {t('session:accounts.add')}
        </button>
      </form>
    </div>
  )
}
