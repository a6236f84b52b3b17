import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role, UserSummary } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'
import { formatDate } from '../../ui/format'
import { PassphraseFields } from './PassphraseFields'
import { RecoveryKeyScreen } from './RecoveryKeyScreen'
import { tk } from '../../app/i18n'
import type { I18nKey } from '@shared/i18n/keys'

type Pending = { kind: 'disable' | 'enable' | 'role'; user: UserSummary; role?: Role }

/**
 * Supervisors: the team's accounts — add a worker, reset a forgotten passphrase, disable or
 * re-enable an account, change a role. Every change is confirmed first and audited by the desk.
 */
export function AccountsScreen() {
  const { t, i18n } = useTranslation()
  const { session, refresh } = useSession()
  const [users, setUsers] = useState<UserSummary[]>([])
  const [error, setError] = useState<DeskError | null>(null)
  // Kept as a key, so a language switch re-words it too.
  const [notice, setNotice] = useState<{ key: I18nKey; name: string } | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [resetFor, setResetFor] = useState<UserSummary | null>(null)
  // Re-enabling asks for a new passphrase (disabling revoked the old one): the reset form, in its enable mode.
  const [enableFor, setEnableFor] = useState<UserSummary | null>(null)

  const load = async () => {
    const res = await desk.invoke('users.list', {})
    if (res.ok) setUsers(res.value)
    else setError(res)
  }
  useEffect(() => void load(), [])

  const confirmPending = async () => {
    if (!pending) return
    const { kind, user } = pending
    const res =
      kind === 'role'
        ? await desk.invoke('users.setRole', { userId: user.id, role: pending.role! })
        : await desk.invoke('users.setDisabled', { userId: user.id, disabled: kind === 'disable' })
    setPending(null)
    if (!res.ok) return setError(res)
    setError(null)
    setNotice({ key: `session:accounts.done.${kind}`, name: user.displayName })
    if (user.id === session.userId) await refresh()
    void load()
  }

  return (
    <div className="page">
      <h1>{t('session:accounts.title')}</h1>
      <ErrorText error={error} />
      {notice ? <p role="status" className="notice">{tk(t, notice.key, { name: notice.name })}</p> : null}
      {pending ? (
        <div className="confirm-bar" role="alertdialog" aria-labelledby="confirm-text">
          <span id="confirm-text">
            {t(`session:accounts.confirm.${pending.kind}`, {
              name: pending.user.displayName,
              role: pending.role ? t(`common:role.${pending.role}`) : ''
            })}
          </span>
          <button type="button" className={pending.kind === 'disable' ? 'danger' : 'primary'} autoFocus onClick={() => void confirmPending()}>
            {t('common:actions.confirm')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('common:actions.cancel')}
          </button>
        </div>
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th>{t('session:fields.displayName')}</th>
            <th>{t('session:fields.loginName')}</th>
            <th>{t('session:fields.role')}</th>
            <th>{t('session:accounts.state')}</th>
            <th>{t('session:accounts.created')}</th>
            <th>{t('session:accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const other: Role = u.role === 'worker' ? 'supervisor' : 'worker'
            const self = u.id === session.userId
            return (
              <tr key={u.id} className={u.disabled ? 'row-disabled' : undefined}>
                <td>
                  {u.displayName}
                  {self ? <span className="tag">{t('session:accounts.you')}</span> : null}
                </td>
                <td>{u.loginName}</td>
                <td>{t(`common:role.${u.role}`)}</td>
                <td>{u.disabled ? t('session:accounts.disabled') : t('session:accounts.active')}</td>
                <td>{formatDate(u.createdAt, i18n.language)}</td>
                <td>
                  <div className="row-actions">
                  {!self && !u.disabled ? (
                    <button type="button" onClick={() => { setResetFor(u); setEnableFor(null); setNotice(null) }}>
                      {t('session:accounts.reset')}
                    </button>
                  ) : null}
                  <button type="button" onClick={() => setPending({ kind: 'role', user: u, role: other })}>
                    {t(`session:accounts.makeRole.${other}`)}
                  </button>
                  {!self ? (
                    <button
                      type="button"
                      onClick={() => (u.disabled ? (setEnableFor(u), setResetFor(null), setNotice(null)) : setPending({ kind: 'disable', user: u }))}
                    >
                      {u.disabled ? t('session:accounts.enable') : t('session:accounts.disable')}
                    </button>
                  ) : null}
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {enableFor ? (
        <ResetPassphrase
          key={`enable-${enableFor.id}`}
          user={enableFor}
          enable
          onDone={() => {
            setNotice({ key: 'session:accounts.done.enable', name: enableFor.displayName })
            setEnableFor(null)
            void load()
          }}
          onCancel={() => setEnableFor(null)}
        />
      ) : resetFor ? (
        <ResetPassphrase
          key={resetFor.id}
          user={resetFor}
          onDone={() => {
            setNotice({ key: 'session:accounts.done.reset', name: resetFor.displayName })
            setResetFor(null)
          }}
          onCancel={() => setResetFor(null)}
        />
      ) : (
        <AddAccount onAdded={(name) => { setNotice({ key: 'session:accounts.added', name }); void load() }} />
      )}
      <RotateKey users={users} onDone={() => void load()} />
    </div>
  )
}

/**
 * Re-encrypt the database under a new key (after revoking someone who may have copied the data
 * folder). Confirmed first; a new recovery key, when one is issued, is shown once like at setup.
 */
function RotateKey({ users, onDone }: { users: UserSummary[]; onDone(): void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  const [result, setResult] = useState<{ needNewPassphrase: number[]; recoveryKey: string | null } | null>(null)
  const [showKey, setShowKey] = useState(false)
  const run = async () => {
    setConfirming(false)
    setRunning(true)
    setError(null)
    const res = await desk.invoke('desk.rotateKey', {})
    setRunning(false)
    if (!res.ok) return setError(res)
    setResult(res.value)
    setShowKey(res.value.recoveryKey !== null)
    onDone()
  }
  if (showKey && result?.recoveryKey) {
    return (
      <section className="card">
        <p className="warning">{t('session:accounts.rekey.newRecovery')}</p>
        <RecoveryKeyScreen recoveryKey={result.recoveryKey} onConfirmed={() => setShowKey(false)} />
      </section>
    )
  }
  const names = (result?.needNewPassphrase ?? []).map((id) => users.find((u) => u.id === id)?.displayName ?? String(id))
  return (
    <section className="card" aria-labelledby="rekey-title">
      <h2 id="rekey-title">{t('session:accounts.rekey.title')}</h2>
      <p>{t('session:accounts.rekey.intro')}</p>
      <p className="hint">{t('session:accounts.rekey.note')}</p>
      <ErrorText error={error} />
      {running ? <p role="status">{t('session:accounts.rekey.running')}</p> : null}
      {result && !running ? <p role="status" className="notice">{t('session:accounts.rekey.done')}</p> : null}
      {names.length ? <p className="warning">{t('session:accounts.rekey.needReset', { names: names.join('、') })}</p> : null}
      {confirming ? (
        <div className="confirm-bar" role="alertdialog" aria-labelledby="rekey-confirm">
          <span id="rekey-confirm">{t('session:accounts.rekey.confirm')}</span>
          <button type="button" className="primary" autoFocus onClick={() => void run()}>
            {t('common:actions.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common:actions.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} disabled={running}>
          {t('session:accounts.rekey.start')}
        </button>
      )}
    </section>
  )
}

function AddAccount({ onAdded }: { onAdded(name: string): void }) {
  const { t } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [loginName, setLoginName] = useState('')
  const [role, setRole] = useState<Role>('worker')
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const res = await desk.invoke('users.add', { displayName, loginName, role, passphrase: pass.value })
    setBusy(false)
    if (!res.ok) return setError(res)
    setError(null)
    onAdded(res.value.displayName)
    setDisplayName('')
    setLoginName('')
    setPass({ value: '', confirm: '', acceptable: false })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t('session:accounts.addTitle')}</h2>
      <div className="field-row">
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
            <option value="clerk">{t('common:role.clerk')}</option>
          </select>
        </div>
      </div>
      <div className="field-row">
        <PassphraseFields value={pass.value} confirm={pass.confirm} onChange={setPass} context={[loginName, displayName]} />
      </div>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy || !pass.acceptable || !displayName || !loginName}>
        {t('session:accounts.add')}
      </button>
    </form>
  )
}

function ResetPassphrase({ user, enable = false, onDone, onCancel }: { user: UserSummary; enable?: boolean; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const res = enable
      ? await desk.invoke('users.setDisabled', { userId: user.id, disabled: false, passphrase: pass.value })
      : await desk.invoke('users.resetPassphrase', { userId: user.id, passphrase: pass.value })
    setBusy(false)
    if (!res.ok) return setError(res)
    onDone()
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="reset-title">
      <h2 id="reset-title">{t(enable ? 'session:accounts.enableTitle' : 'session:accounts.resetTitle', { name: user.displayName })}</h2>
      <p className="hint">{t(enable ? 'session:accounts.enableHint' : 'session:accounts.resetHint')}</p>
      <div className="field-row">
        <PassphraseFields
          value={pass.value}
          confirm={pass.confirm}
          onChange={setPass}
          context={[user.loginName, user.displayName]}
          label={t('session:passphrase.newFor')}
        />
      </div>
      <ErrorText error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !pass.acceptable}>
          {t(enable ? 'session:accounts.enableSubmit' : 'session:accounts.resetSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}
