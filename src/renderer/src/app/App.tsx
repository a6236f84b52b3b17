import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from './desk-client'
import { setUiLocale } from './i18n'
import { Shell } from './Shell'
import { suspendShortcuts } from '../ui/hotkeys'
import { SetupScreen } from '../features/session/SetupScreen'
import { LoginScreen } from '../features/session/LoginScreen'
import { DamagedScreen } from '../features/session/DamagedScreen'
import { rememberUiLocale, savedUiLocale, takeGateLocale } from '../features/session/LocalePicker'
import { errorMessage, reportFailure } from './calls'

/**
 * The gate: first run, login, or the desk. When the desk locks, the Shell stays mounted under the
 * lock screen (hidden and inert), so unsaved text is still there after unlock.
 */
export function App() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<DeskStatus | null>(null)
  // The desk could not be reached at all (browser mode: a tab opened without its token, or the
  // server has stopped). Said in words instead of waiting on "opening…" for ever.
  const [unreachable, setUnreachable] = useState<DeskError | null>(null)
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [locked, setLockedState] = useState(false)
  // Every lock bumps the epoch. A status refresh that started before a lock must not lift the lock
  // screen when its (older) answer arrives after it: the hide key wins every race.
  const lockEpoch = useRef(0)
  const setLocked = useCallback((value: boolean) => {
    // No shortcut acts behind the lock screen, from the moment it is up (not after a render).
    suspendShortcuts(value)
    if (value) lockEpoch.current++
    setLockedState(value)
  }, [])

  // Before anyone logs in, greet in the language last used on this computer.
  useState(() => {
    const saved = savedUiLocale()
    if (saved) setUiLocale(saved)
  })

  const refresh = useCallback(async () => {
    const epoch = lockEpoch.current
    const st = await desk.invoke('desk.status', {})
    if (st.ok) {
      setStatus(st.value)
      setUnreachable(null)
    } else {
      setUnreachable(st)
      return
    }
    const cur = await desk.invoke('session.current', {})
    if (cur.ok && cur.value && epoch === lockEpoch.current) {
      setSession(cur.value)
      rememberUiLocale(cur.value.locale)
      setLocked(false)
    }
  }, [setLocked])

  useEffect(() => {
    void refresh()
    return desk.on('session.locked', () => {
      setLocked(true)
      void desk.invoke('desk.status', {}).then((st) => st.ok && setStatus(st.value))
    })
  }, [refresh, setLocked])

  const onUnlocked = (unlocked: SessionInfo) => {
    let s = unlocked
    const picked = takeGateLocale()
    const changed = picked && picked !== s.locale
    if (changed) s = { ...s, locale: picked }
    // Another person unlocking must not see the previous person's screen: the Shell is keyed by
    // user, so a different person gets a fresh one and the previous screen (and its text) is gone.
    setSession(s)
    rememberUiLocale(s.locale)
    setLocked(false)
    void (async () => {
      if (changed) {
        const r = await desk.invoke('session.setLocale', { locale: s.locale })
        if (!r.ok) reportFailure(r, 'errors:what.locale')
      }
      await refresh()
    })()
  }

  if (!status && unreachable) {
    return (
      <div className="boot" role="alert">
        <p>{errorMessage(t, i18n, unreachable)}</p>
        <button type="button" onClick={() => void refresh()}>
          {t('common:browser.retry')}
        </button>
      </div>
    )
  }
  if (!status) return <div className="boot" aria-busy="true">{t('common:loading')}</div>
  if (status.state === 'damaged' || status.state === 'tooNew') return <DamagedScreen status={status} onRestored={refresh} />
  if (status.state === 'new' && !session) return <SetupScreen onDone={onUnlocked} onRestored={refresh} />

  const showLogin = !session || locked
  return (
    <>
      {session ? (
        <div className={showLogin ? 'hidden-under-lock' : undefined} inert={showLogin || undefined} aria-hidden={showLogin || undefined}>
          <Shell key={session.userId} session={session} onSessionChange={setSession} onLock={() => setLocked(true)} />
        </div>
      ) : null}
      {showLogin ? (
        <LoginScreen
          key={locked ? `locked-${session?.userId}` : 'login'}
          status={status}
          lockedSession={locked ? session : null}
          onUnlocked={onUnlocked}
          onStatusChange={refresh}
        />
      ) : null}
    </>
  )
}
