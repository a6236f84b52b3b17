import { describe, expect, it } from 'vitest'
import { deskKeyCommand, type DeskKey } from './desk-keys'

const press = (key: string, mods: Partial<DeskKey> = {}): DeskKey => ({
  key,
  code: mods.code ?? '',
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  isComposing: false,
  keyCode: 0,
  ...mods
})
const outside = { typing: false, helpOpen: false }
const typing = { typing: true, helpOpen: false }

describe('the interview desk keys', () => {
  it('F-keys work while typing', () => {
    for (const ctx of [outside, typing]) {
      expect(deskKeyCommand(press('F1'), ctx)).toBe('toggleHelp')
      expect(deskKeyCommand(press('F2'), ctx)).toBe('stageNext')
      expect(deskKeyCommand(press('F2', { shiftKey: true }), ctx)).toBe('stagePrev')
      expect(deskKeyCommand(press('F3'), ctx)).toBe('tabNext')
      expect(deskKeyCommand(press('F3', { shiftKey: true }), ctx)).toBe('tabPrev')
      expect(deskKeyCommand(press('F4'), ctx)).toBe('notes')
      expect(deskKeyCommand(press('F6'), ctx)).toBe('gauge')
      expect(deskKeyCommand(press('F8'), ctx)).toBe('readBack')
      expect(deskKeyCommand(press('F9'), ctx)).toBe('crisis')
    }
  })

  it('? opens the help only outside a text field (inside it is a character)', () => {
    expect(deskKeyCommand(press('?'), outside)).toBe('toggleHelp')
    expect(deskKeyCommand(press('?'), typing)).toBeNull()
  })

  it('Alt+L switches the language, also where the layout gives another key (by its code); Ctrl+Alt+L does not', () => {
    expect(deskKeyCommand(press('l', { altKey: true }), typing)).toBe('switchLang')
    expect(deskKeyCommand(press('¬', { altKey: true, code: 'KeyL' }), typing)).toBe('switchLang')
    expect(deskKeyCommand(press('l', { altKey: true, ctrlKey: true }), typing)).toBeNull()
    expect(deskKeyCommand(press('l'), outside)).toBeNull()
  })

  it('Ctrl+Shift+N asks for a new walk-in', () => {
    expect(deskKeyCommand(press('N', { ctrlKey: true, shiftKey: true, code: 'KeyN' }), typing)).toBe('newWalkIn')
    expect(deskKeyCommand(press('n', { ctrlKey: true }), typing)).toBeNull()
  })

  it('Esc closes the help when it is open and is left alone otherwise', () => {
    expect(deskKeyCommand(press('Escape'), { typing: false, helpOpen: true })).toBe('closeHelp')
    expect(deskKeyCommand(press('Escape'), outside)).toBeNull()
  })

  it('nothing happens while an input method is composing (a candidate picked with a key never moves the stage)', () => {
    expect(deskKeyCommand(press('F2', { isComposing: true }), typing)).toBeNull()
    expect(deskKeyCommand(press('Process', { keyCode: 229 }), typing)).toBeNull()
    expect(deskKeyCommand(press('F1', { keyCode: 229 }), typing)).toBeNull()
    expect(deskKeyCommand(press('l', { altKey: true, isComposing: true }), typing)).toBeNull()
  })
})
