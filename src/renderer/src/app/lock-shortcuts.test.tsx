import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import type { DeskEventName } from '@shared/ipc/events'
import { answering, type FakeInvoke } from '../test-support/fake-desk-client'
import { initI18n } from './i18n'

const listeners = new Map<DeskEventName, (p: unknown) => void>()
const calls: string[] = []
const status: DeskStatus = { state: 'unlocked', lockedUser: null, retryAfterSeconds: 0, appVersion: '0.1.0', schemaVersion: 5 }
const session: SessionInfo = { userId: 1, displayName: '陈督导', loginName: 'chen', role: 'supervisor', locale: 'zh-CN', lockAt: '', idleMinutes: 5 }
const answers = answering({
  'desk.status': () => status,
  'session.current': () => session,
  'session.lock': () => null,
  'session.activity': () => ({ lockAt: '' }),
  'cases.today': () => ({ today: '2026-11-20', overdue: [], due: [], upcoming: [], deadlines: [], recent: [], highRisk: [] }),
  'cases.search': () => [],
  'notices.open': () => [],
  'backup.status': () => ({ due: false, lastBackupAt: null, daysSince: null, folder: null, keep: 10, reminderDays: 7, passphraseSet: true }) as never
})
const invoke: FakeInvoke = (m, a) => (calls.push(m), answers(m, a))
vi.mock('./desk-client', async () =>
  (await import('../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a), {
    on: (e, l) => (listeners.set(e, l as (p: unknown) => void), () => listeners.delete(e))
  })
)
const { App } = await import('./App')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
})

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}
const press = (key: string, mods: { alt?: boolean; ctrl?: boolean; shift?: boolean } = {}) =>
  act(async () => {
    fireEvent.keyDown(window, { key, code: /^\d$/.test(key) ? `Digit${key}` : key.length === 1 ? `Key${key.toUpperCase()}` : key, altKey: !!mods.alt, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift })
  })
const current = () => document.querySelector('nav [aria-current="page"]')?.textContent ?? ''

describe('shortcuts and the lock screen', () => {
  it('no shortcut acts while the lock screen is up, and what was typed is still there after', async () => {
    render(<App />)
    await settle()
    await press('3', { alt: true }) // 查找个案
    await settle()
    expect(current()).toContain('查找')
    const box = screen.getByRole('searchbox', { hidden: true }) as HTMLInputElement
    fireEvent.change(box, { target: { value: '钟𠮶妹' } })

    // The desk locks (idle, OS, another window).
    await act(async () => listeners.get('session.locked')?.({ reason: 'idle' }))
    expect(screen.getByRole('dialog')).toBeTruthy()
    for (const [k, m] of [
      ['1', { alt: true }],
      ['2', { alt: true }],
      ['9', { alt: true }],
      ['N', { ctrl: true, shift: true }],
      ['1', { alt: true, shift: true }],
      ['Enter', { ctrl: true }],
      ['Escape', {}],
      ['Escape', {}]
    ] as const)
      await press(k, m)
    await settle()
    // Behind the lock nothing moved: same screen, same text.
    expect(current()).toContain('查找')
    expect((screen.getByRole('searchbox', { hidden: true }) as HTMLInputElement).value).toBe('钟𠮶妹')
    expect(calls.filter((c) => c === 'session.lock')).toEqual([])
  })

  it('Esc Esc (closing two dialogs) does not lock the desk; Ctrl+L does', async () => {
    render(<App />)
    await settle()
    await press('Escape')
    await press('Escape')
    await settle()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(calls).not.toContain('session.lock')
    await press('l', { ctrl: true })
    await settle()
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(calls).toContain('session.lock')
  })
})
