import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { initI18n } from '../../app/i18n'

const invoke = vi.fn()
vi.mock('../../app/desk-client', () => ({ desk: { invoke: (...a: unknown[]) => invoke(...a), on: () => () => {} }, call: vi.fn() }))
const { RestoreFromBackup, restoreAvailable } = await import('./RestoreFromBackup')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  invoke.mockReset()
})

function answer(byMethod: Record<string, unknown>) {
  invoke.mockImplementation(async (method: string) => byMethod[method] ?? { ok: true, value: null })
}

describe('RestoreFromBackup (first-run and damaged screens)', () => {
  it('is offered', () => expect(restoreAvailable).toBe(true))

  it('restores with a typed path and the backup passphrase, then sends the user to log in', async () => {
    answer({
      'backup.capabilities': { ok: true, value: { nativeDialogs: false } },
      'backup.restoreFresh': { ok: true, value: { restoredAt: '2026-03-10T02:00:00Z', backupCreatedAt: '2026-03-09T01:00:00Z' } }
    })
    const onRestored = vi.fn()
    render(<RestoreFromBackup onRestored={onRestored} onCancel={() => {}} />)
    // Browser mode: no native dialog button, the path is typed.
    expect(screen.queryByRole('button', { name: '选择文件…' })).toBeNull()
    const submit = screen.getByRole('button', { name: '恢复' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('备份文件'), { target: { value: '/media/usb/petition-desk-20260309-010000.pdbackup' } })
    fireEvent.change(screen.getByLabelText('备份密码'), { target: { value: 'harbour lantern quietly folding maps' } })
    await act(async () => fireEvent.submit(submit.closest('form')!))
    expect(invoke).toHaveBeenCalledWith('backup.restoreFresh', {
      file: '/media/usb/petition-desk-20260309-010000.pdbackup',
      passphrase: 'harbour lantern quietly folding maps'
    })
    expect(screen.getByRole('status').textContent).toContain('恢复完成')
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    expect(onRestored).toHaveBeenCalled()
  })

  it('shows a wrong passphrase plainly and keeps the form', async () => {
    answer({
      'backup.capabilities': { ok: true, value: { nativeDialogs: true } },
      'backup.restoreFresh': { ok: false, code: 'BACKUP_WRONG_PASSPHRASE', messageKey: 'supervisor:backup.errors.wrongPassphrase' }
    })
    const onCancel = vi.fn()
    render(<RestoreFromBackup onRestored={() => {}} onCancel={onCancel} />)
    await act(async () => {})
    expect(screen.getByRole('button', { name: '选择文件…' })).toBeTruthy()
    fireEvent.change(screen.getByLabelText('备份文件'), { target: { value: '/x.pdbackup' } })
    fireEvent.change(screen.getByLabelText('备份密码'), { target: { value: 'wrong' } })
    await act(async () => fireEvent.submit(screen.getByRole('button', { name: '恢复' }).closest('form')!))
    expect(screen.getByRole('alert').textContent).toContain('备份密码不对')
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(onCancel).toHaveBeenCalled()
  })
})
