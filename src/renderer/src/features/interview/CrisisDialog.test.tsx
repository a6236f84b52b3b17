import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { initI18n } from '../../app/i18n'

const calls: [string, unknown][] = []
vi.mock('../../app/desk-client', () => {
  class CallError extends Error {
    constructor(readonly error: unknown) {
      super('call')
    }
  }
  return {
    CallError,
    call: async (method: string, args: unknown) => {
      calls.push([method, args])
      return { at: '2026-11-23T02:00:00.000Z', riskLevel: 'critical' }
    }
  }
})
const { CrisisDialog } = await import('./CrisisDialog')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
})

const contacts = { orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '13800000000', siteContacts: [] }

describe('crisis dialog (issue 10 item 7, issue 12 §2)', () => {
  it('opening it and choosing 自伤 records nothing and tells no one', async () => {
    const onRisk = vi.fn()
    render(<CrisisDialog interviewId={7} contacts={contacts} riskLevel="none" onRisk={onRisk} onClose={() => {}} />)
    fireEvent.click(screen.getByText(/自伤/))
    fireEvent.keyDown(window, { key: '1' })
    await new Promise((r) => setTimeout(r, 20))
    expect(calls).toEqual([])
    expect(onRisk).not.toHaveBeenCalled()
    expect(screen.queryByTestId('supervisor-notified')).toBeNull()
    // The worker is told to phone the on-duty supervisor, with the number.
    expect(screen.getByTestId('duty-phone').textContent).toContain('13800000000')
  })

  it('confirming enters crisis mode: one call with the chosen level, the supervisor notice', async () => {
    const onConfirmed = vi.fn()
    render(<CrisisDialog interviewId={7} contacts={contacts} riskLevel="none" onRisk={() => {}} onConfirmed={onConfirmed} onClose={() => {}} />)
    fireEvent.click(screen.getByText(/自伤/))
    fireEvent.click(screen.getByTestId('crisis-confirm'))
    await waitFor(() => expect(screen.getByTestId('supervisor-notified')).toBeTruthy())
    expect(calls).toEqual([['interview.crisis', { interviewId: 7, kind: 'selfHarm', riskLevel: 'critical' }]])
    expect(onConfirmed).toHaveBeenCalledWith(expect.objectContaining({ kind: 'selfHarm', level: 'critical' }))
  })

  it('from the case page a step confirms first, then is time-stamped', async () => {
    render(<CrisisDialog caseId={3} contacts={contacts} riskLevel="none" onRisk={() => {}} onClose={() => {}} />)
    fireEvent.click(screen.getByText(/暴力/))
    fireEvent.click(document.querySelector('[data-step="dissuade"]')!)
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[0]).toEqual(['interview.crisis', { caseId: 3, kind: 'violence', riskLevel: 'high' }])
    expect(calls[1]).toEqual(['interview.crisis', { caseId: 3, kind: 'violence', step: 'dissuade' }])
  })
})
