import { useEffect, useRef } from 'react'

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
      if (e.isComposing || e.keyCode === 229) return
      if (matches(e, combo)) {
        e.preventDefault()
        ref.current(e)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [combo, enabled])
}

/** Esc pressed twice within `withinMs`: the "hide now" gesture. */
export function useDoubleEscape(handler: () => void, withinMs = 600): void {
  const last = useRef(0)
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229) return
      const now = performance.now()
      if (now - last.current < withinMs) {
        last.current = 0
        ref.current()
      } else last.current = now
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [withinMs])
}
