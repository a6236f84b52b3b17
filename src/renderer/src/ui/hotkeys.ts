import { useEffect, useRef } from 'react'

/**
 * While the lock screen is up no shortcut acts: the desk behind it is hidden and inert, and a key
 * meant for the lock screen (a digit of the passphrase, Esc, Alt+1) must not navigate, record or
 * close anything there. App sets this the moment it shows the lock screen, before any key arrives.
 */
let suspended = false
export function suspendShortcuts(on: boolean): void {
  suspended = on
}
/** For the few screens that listen to keys themselves: `if (shortcutsSuspended()) return`. */
export const shortcutsSuspended = (): boolean => suspended

/**
 * Keyboard first: a shortcut is `Ctrl+Shift+K`-style text. Handlers never fire while an IME is
 * composing (Chinese input), so typing a pinyin candidate never triggers an action.
 */
export function matches(e: KeyboardEvent, combo: string): boolean {
  const parts = combo.toLowerCase().split('+')
  const key = parts[parts.length - 1]
  const want = { ctrl: parts.includes('ctrl'), shift: parts.includes('shift'), alt: parts.includes('alt') }
  const pressed = e.key.toLowerCase() === key || e.code.toLowerCase() === key || e.code.toLowerCase() === `key${key}`
  return pressed && (e.ctrlKey || e.metaKey) === want.ctrl && e.shiftKey === want.shift && e.altKey === want.alt
}

export function useHotkey(combo: string, handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (suspended || e.isComposing || e.keyCode === 229) return
      if (matches(e, combo)) {
        e.preventDefault()
        ref.current(e)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [combo, enabled])
}
