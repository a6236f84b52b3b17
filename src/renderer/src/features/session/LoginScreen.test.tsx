import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { DeskStatus } from '@shared/domain/session/types'
import { initI18n } from '../../app/i18n'

const invoke = vi.fn()
vi.mock('../../app/desk-client', () => ({ desk: { invoke: (...a: unknown[]) => invoke(...a), on: () => () => {} } }))
const { LoginScreen } = await import('./LoginScreen')
const { PassphraseFields } = await import('./PassphraseFields')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  invoke.mockReset()
  vi.useRealTimers()
})

const status: DeskStatus = { state: 'locked', lockedUser: null, retryAfterSeconds: 0, appVersion: '0.1.0', schemaVersion: 1 }

describe('LoginScreen', () => {
  it('counts a throttle wait down and keeps the button off until it is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false })
    invoke.mockResolvedValue({ ok: false, code: 'THROTTLED', messageKey: 'errors:login.throttled', params: { seconds: 3 } })
    render(<LoginScreen status={status} lockedSession={null} onUnlocked={() => {}} />)
    fireEvent.change(screen.getByLabelText('登录名'), { target: { value: 'chen' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'some passphrase' } })
    await act(async () => fireEvent.submit(screen.getByRole('button', { name: '登录' }).closest('form')!))
    expect(screen.getByRole('alert').textContent).toContain('请等 3 秒后再试')
    const button = screen.getByRole('button', { name: '登录' }) as HTMLButtonElement
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'some passphrase' } })
    expect(button.disabled).toBe(true)
    await act(async () => vi.advanceTimersByTime(1_100))
    expect(screen.getByRole('alert').textContent).toContain('请等 2 秒后再试')
    await act(async () => vi.advanceTimersByTime(2_100))
    expect(button.disabled).toBe(false)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('starts with the wait the desk reports (after a restart, too)', () => {
    render(<LoginScreen status={{ ...status, retryAfterSeconds: 8 }} lockedSession={null} onUnlocked={() => {}} />)
    expect(screen.getByRole('status').textContent).toContain('请等 8 秒后再试')
  })

  it('the lock screen asks only the locked person for a passphrase, and offers switching user', async () => {
    invoke.mockResolvedValue({ ok: false, code: 'WRONG_PASSPHRASE', messageKey: 'errors:login.failed' })
    render(<LoginScreen status={status} lockedSession={{ userId: 1, displayName: '陈美玲', loginName: 'chen', role: 'supervisor', locale: 'zh-CN', lockAt: '', idleMinutes: 5 }} onUnlocked={() => {}} />)
    expect(screen.getByRole('heading').textContent).toBe('接待台已锁定')
    expect(screen.queryByLabelText('登录名')).toBeNull()
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong one' } })
    await act(async () => fireEvent.submit(screen.getByRole('button', { name: '解锁' }).closest('form')!))
    expect(invoke).toHaveBeenCalledWith('session.login', { loginName: 'chen', passphrase: 'wrong one' })
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('')
    fireEvent.click(screen.getByRole('button', { name: '换其他人登录' }))
    expect(screen.getByLabelText('登录名')).toBeTruthy()
  })
})

describe('PassphraseFields', () => {
  it('a verdict for older text never approves newer text', async () => {
    vi.useFakeTimers()
    const changes: { acceptable: boolean }[] = []
    invoke.mockImplementation(async (_m: string, a: { passphrase: string }) => ({
      ok: true,
      value: a.passphrase === 'password1' ? { ok: false, score: 0, problems: ['common'], suggestions: [] } : { ok: true, score: 4, problems: [], suggestions: [] }
    }))
    function Host({ value, confirm }: { value: string; confirm: string }) {
      return <PassphraseFields value={value} confirm={confirm} onChange={(v) => changes.push(v)} context={[]} />
    }
    const { rerender } = render(<Host value="river lantern autumn" confirm="river lantern autumn" />)
    await act(async () => vi.advanceTimersByTime(200))
    expect(changes.at(-1)?.acceptable).toBe(true)
    rerender(<Host value="password1" confirm="password1" />)
    expect(changes.at(-1)?.acceptable).toBe(false)
    await act(async () => vi.advanceTimersByTime(200))
    expect(changes.at(-1)?.acceptable).toBe(false)
    expect(screen.getByText('这个密码太常见，很容易被猜到，请换一个。')).toBeTruthy()
  })
})
