import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import { initI18n } from './i18n'

const listeners = new Map<string, (p: unknown) => void>()
let answerCurrent: (v: unknown) => void = () => {}
const invoke = vi.fn((method: string) => {
  if (method === 'desk.status') return Promise.resolve({ ok: true, value: status })
  // The session question stays open until the test answers it: a refresh in flight.
  if (method === 'session.current') return new Promise((resolve) => (answerCurrent = resolve))
  return Promise.resolve({ ok: false, code: 'LOCKED', messageKey: 'errors:session.locked' })
})
vi.mock('./desk-client', () => ({
  desk: { invoke: (m: string) => invoke(m), on: (e: string, l: (p: unknown) => void) => (listeners.set(e, l), () => listeners.delete(e)) },
  call: () => Promise.reject(new Error('locked'))
}))
const { App } = await import('./App')

initI18n('zh-CN')
afterEach(() => cleanup())

const status: DeskStatus = { state: 'unlocked', lockedUser: null, retryAfterSeconds: 0, appVersion: '0.1.0', schemaVersion: 5 }
const session: SessionInfo = { userId: 1, displayName: '陈督导', loginName: 'chen', role: 'supervisor', locale: 'zh-CN', lockAt: '', idleMinutes: 5 }

describe('App', () => {
  it('a lock that happens while a refresh is in flight is not lifted by its late answer', async () => {
    render(<App />)
    await act(async () => {})
    // The desk locks (hide key, idle, OS) before the older refresh has its answer…
    await act(async () => listeners.get('session.locked')?.({ reason: 'user' }))
    // …and that answer, from before the lock, says someone is logged in.
    await act(async () => answerCurrent({ ok: true, value: session }))
    expect(screen.getByRole('dialog')).toBeTruthy()
    // The desk's screens are not shown (nothing visible behind a lock).
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull()
  })

  it('a tab opened without its token says what to do instead of waiting on "opening…"', async () => {
    invoke.mockImplementationOnce(() => Promise.resolve({ ok: false, code: 'FORBIDDEN', messageKey: 'common:browser.tokenRefused' }))
    render(<App />)
    await act(async () => {})
    expect(screen.getByRole('alert').textContent).toContain('复制完整地址')
    expect(screen.queryByText('正在打开…')).toBeNull()
    // Retrying once the right address is used (here: the next answer is fine) opens the desk's gate.
    await act(async () => screen.getByRole('button', { name: '重试' }).click())
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
