/**
 * The interview desk's keyboard, as a pure map from a key press to what it asks for. F-keys work
 * while typing; single keys (?) only outside text; nothing while an IME is composing (a Cantonese or
 * Pinyin candidate chosen with a key must never move the stage).
 */
export type DeskKeyCommand =
  | 'toggleHelp'
  | 'closeHelp'
  | 'crisis'
  | 'readBack'
  | 'stageNext'
  | 'stagePrev'
  | 'tabNext'
  | 'tabPrev'
  | 'notes'
  | 'gauge'
  | 'switchLang'
  | 'newWalkIn'

export interface DeskKey {
  key: string
  code: string
  shiftKey: boolean
  altKey: boolean
  ctrlKey: boolean
  isComposing: boolean
  keyCode: number
}

/** Whether the focus is in a text field (where `?` is a character, not the help). */
export const isTyping = (el: Element | null) =>
  !!el &&
  (el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type)) ||
    (el as HTMLElement).isContentEditable)

export function deskKeyCommand(e: DeskKey, ctx: { typing: boolean; helpOpen: boolean }): DeskKeyCommand | null {
  if (e.isComposing || e.keyCode === 229) return null
  const k = e.key
  if (k === 'F1' || (k === '?' && !ctx.typing)) return 'toggleHelp'
  if (k === 'F9') return 'crisis'
  if (k === 'F8') return 'readBack'
  if (k === 'F2') return e.shiftKey ? 'stagePrev' : 'stageNext'
  if (k === 'F3') return e.shiftKey ? 'tabPrev' : 'tabNext'
  if (k === 'F4') return 'notes'
  if (k === 'F6') return 'gauge'
  if (e.altKey && !e.ctrlKey && (e.code === 'KeyL' || k.toLowerCase() === 'l')) return 'switchLang'
  if (e.ctrlKey && e.shiftKey && (e.code === 'KeyN' || k.toLowerCase() === 'n')) return 'newWalkIn'
  if (k === 'Escape' && ctx.helpOpen) return 'closeHelp'
  return null
}
