import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import { desk } from './desk-client'
import { setUiLocale, tk } from './i18n'
import { NavContext, type Nav, type Route } from './nav'
import { SessionContext } from './session-context'
import { SCREENS, mayOpen } from './routes'
import { useHotkey } from '../ui/hotkeys'
import { NoticeBanner } from '../features/notices/NoticeBanner'
import { CallFailures, reportFailure, send } from './calls'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'compositionend'] as const

/** The unlocked desk: navigation, who is logged in, language, lock — and the current screen. */
export function Shell({
  session,
  onSessionChange,
  onLock
}: {
  session: SessionInfo
  onSessionChange(s: SessionInfo): void
  onLock(): void
}) {
  const { t } = useTranslation()
  const [history, setHistory] = useState<Route[]>([{ name: 'today' }])
  const route = history[history.length - 1]
  const nav: Nav = useMemo(
    () => ({
      route,
      go: (r) => setHistory((h) => [...h.slice(-30), r]),
      back: () => setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h))
    }),
    [route]
  )

  const lockNow = () => {
    // Blank the screen first, then close the database: hiding must never wait on the disk.
    onLock()
    void desk.invoke('session.lock', { reason: 'user' }).then((r) => r.ok || reportFailure(r, 'errors:what.lock'))
  }
  // One chord hides and locks: Ctrl+L. Not Esc Esc, which closing two dialogs in a hurry produces.
  useHotkey('Ctrl+L', lockNow)

  // Tell the main process the worker is here, at most every 20 s; idle lock is timed there.
  const lastPing = useRef(0)
  useEffect(() => {
    const onActivity = () => {
      const now = Date.now()
      if (now - lastPing.current < 20_000) return
      lastPing.current = now
      // A presence ping, not a record: if it fails the desk locks sooner, which is the safe side.
      void desk.invoke('session.activity', {})
    }
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, onActivity, { passive: true }))
    return () => ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, onActivity))
  }, [])

  const changeLocale = async (locale: Locale) => {
    // The screen follows the choice even if it could not be stored (the failure bar says so).
    void send('session.setLocale', { locale }, 'errors:what.locale')
    setUiLocale(locale)
    onSessionChange({ ...session, locale })
  }

  const navItems = Object.entries(SCREENS).filter(([, def]) => def.navKey && mayOpen(def, session.role))
  // A screen the role may not use (e.g. after stepping down from supervisor) falls back to Today.
  const wanted = SCREENS[route.name]
  const screen = wanted && mayOpen(wanted, session.role) ? wanted : SCREENS.today
  const Screen = screen.component
  const sessionCtx = useMemo(
    () => ({
      session,
      refresh: async () => {
        const cur = await send('session.current', {}, 'errors:what.load')
        if (cur) onSessionChange(cur)
      }
    }),
    [session, onSessionChange]
  )

  return (
    <SessionContext.Provider value={sessionCtx}>
      <NavContext.Provider value={nav}>
        <div className="shell">
          <header className="topbar">
            <span className="brand">{t('common:appName')}</span>
            <nav aria-label={t('common:nav.label')}>
              {navItems.map(([name, def]) => (
                <NavButton key={name} name={name} label={tk(t, def.navKey!)} hotkey={def.hotkey} active={route.name === name} go={nav.go} />
              ))}
            </nav>
            <div className="topbar-right">
              <label className="locale-switch">
                <span className="visually-hidden">{t('common:language.label')}</span>
                <select
                  aria-label={t('common:language.label')}
                  value={session.locale}
                  onChange={(e) => void changeLocale(e.target.value as Locale)}
                >
                  <option value="zh-CN">{t('common:language.zh-CN')}</option>
                  <option value="yue-HK">{t('common:language.yue-HK')}</option>
                </select>
              </label>
              <button
                type="button"
                className="who"
                title={t('common:account.myPassphrase')}
                onClick={() => nav.go({ name: 'myPassphrase' })}
              >
                {session.displayName} · {t(`common:role.${session.role}`)}
              </button>
              <button type="button" className="lock-button" onClick={lockNow} title={t('common:lock.hint')}>
                {t('common:lock.button')} <kbd>Ctrl+L</kbd>
              </button>
            </div>
          </header>
          {/* Never over the interview: its screen may be turned to the petitioner, and needs every line. */}
          {(session.role === 'supervisor' || session.role === 'worker') && route.name !== 'interview' ? <NoticeBanner /> : null}
          <CallFailures />
          <main className="screen" id="main">
            <Screen key={JSON.stringify(route)} />
          </main>
        </div>
      </NavContext.Provider>
    </SessionContext.Provider>
  )
}

function NavButton({ name, label, hotkey, active, go }: { name: string; label: string; hotkey?: string; active: boolean; go(r: Route): void }) {
  useHotkey(hotkey ?? '', () => go({ name }), !!hotkey)
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      title={hotkey ? `${label} (${hotkey})` : undefined}
      onClick={() => go({ name })}
    >
      {label}
      {hotkey ? <kbd>{hotkey}</kbd> : null}
    </button>
  )
}
