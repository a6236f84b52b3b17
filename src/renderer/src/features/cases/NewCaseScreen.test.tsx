import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { localProblems } from './useCaseAutosave'

const invoke = vi.fn()
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a))
)
const { NewCaseScreen: Screen } = await import('./NewCaseScreen')
const { SessionContext } = await import('../../app/session-context')
const as = (userId: number) => ({
  session: { userId, displayName: '李社工', loginName: 'li', role: 'worker' as const, locale: 'zh-CN' as const, lockAt: '', idleMinutes: 5 },
  refresh: async () => {}
})
function NewCaseScreen({ userId = 2 }: { userId?: number }) {
  return (
    <SessionContext.Provider value={as(userId)}>
      <Screen />
    </SessionContext.Provider>
  )
}

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  invoke.mockReset()
})

describe('new walk-in screen', () => {
  it('refuses a 6th representative with the rule, and keeps the five', async () => {
    invoke.mockResolvedValue({ ok: true, value: [] })
    render(<NewCaseScreen />)
    fireEvent.click(screen.getByRole('radio', { name: '集体上访' }))
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: '添加代表' }))
    expect(screen.getAllByLabelText(/^代表 \d$/)).toHaveLength(5)
    fireEvent.click(screen.getByRole('button', { name: '添加代表' }))
    expect(screen.getByRole('alert').textContent).toContain('第二十条第三款')
    expect(screen.getAllByLabelText(/^代表 \d$/)).toHaveLength(5)
  })

  it('shows earlier cases of the same person side by side, and marks nothing by itself', async () => {
    vi.useFakeTimers()
    invoke.mockImplementation(async (method: string) =>
      method === 'cases.findRepeats'
        ? {
            ok: true,
            value: [
              { id: 4, caseNo: '2025-000004', name: '陳大文', partyKind: 'person', status: 'closed', riskLevel: 'high', assignedWorker: null, contactDate: '2025-03-01', summary: '工资拖欠', updatedAt: '', headcount: null, repeat: null, matched: ['name'], phone: '', address: '', locality: '' }
            ]
          }
        : { ok: true, value: null }
    )
    // Another user never sees the previous user's draft…
    render(<NewCaseScreen userId={3} />)
    expect(screen.queryAllByLabelText(/^代表 \d$/)).toHaveLength(0)
    cleanup()
    // …while the same user gets it back (kept in memory across screens and locks): clear it.
    render(<NewCaseScreen />)
    expect(screen.getAllByLabelText(/^代表 \d$/)).toHaveLength(5)
    fireEvent.click(screen.getByRole('button', { name: '清空重填' }))
    fireEvent.change(screen.getByLabelText('姓名（名称） *'), { target: { value: '陈 大文' } })
    await act(async () => {
      vi.advanceTimersByTime(400)
    })
    vi.useRealTimers()
    expect(invoke).toHaveBeenCalledWith('cases.findRepeats', expect.objectContaining({ name: '陈 大文' }))
    expect(await screen.findByText('2025-000004')).toBeTruthy()
    expect(screen.getByText('风险 高')).toBeTruthy()
    expect((screen.getByRole('radio', { name: '稍后判断' }) as HTMLInputElement).checked).toBe(true)
  })
})

describe('a lost reply never registers the walk-in twice', () => {
  it('保存 pressed again after the connection dropped sends the same registration token; the draft stays on screen', async () => {
    const creates: { requestId?: string; name: string }[] = []
    invoke.mockImplementation(async (method: string, args: { requestId?: string; name: string }) => {
      if (method !== 'cases.create') return { ok: true, value: [] }
      creates.push(args)
      // The case may have been registered, but no reply arrives: the worker presses 保存 again.
      return { ok: false, code: 'IO', messageKey: 'common:browser.serverGone' }
    })
    render(<NewCaseScreen userId={7} />)
    fireEvent.change(screen.getByLabelText('姓名（名称） *'), { target: { value: '钟𠮶妹' } })
    const save = screen.getByRole('button', { name: /保存登记并打开个案/ })
    await act(async () => fireEvent.click(save))
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect((screen.getByLabelText('姓名（名称） *') as HTMLInputElement).value).toBe('钟𠮶妹')
    await act(async () => fireEvent.click(save))
    expect(creates).toHaveLength(2)
    expect(creates[0].requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(creates[1].requestId).toBe(creates[0].requestId)
    // 清空重填 starts a new registration with a new token.
    fireEvent.click(screen.getByRole('button', { name: '清空重填' }))
    fireEvent.change(screen.getByLabelText('姓名（名称） *'), { target: { value: '陈大文' } })
    await act(async () => fireEvent.click(save))
    expect(creates[2].requestId).not.toBe(creates[0].requestId)
  })
})

describe('autosave keeps unsaveable fields on screen but out of the save', () => {
  it('flags a bad phone, birth or date and a missing name', () => {
    const base = { name: '王', phone: '', birth: '', contactDate: '2026-11-23', workerSignedDate: '', acceptedDate: '', opinionReceivedDate: '', reviewReceivedDate: '' }
    expect(localProblems(base as never)).toEqual({})
    expect(localProblems({ ...base, phone: '12812345678', birth: '1968-13', acceptedDate: '2026-02-30', name: ' ' } as never)).toEqual({
      phone: 'cases:errors.phone.mobile',
      birth: 'errors:arg.badDate',
      acceptedDate: 'errors:arg.badDate',
      name: 'errors:arg.required'
    })
  })
})
