import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { AutosaveStore } from '@shared/domain/interview/autosave'
import type { InterviewState } from '@shared/domain/interview/types'
import { NO_EVENTS, routePromises } from '@shared/domain/interview/route-promises'

const calls: string[] = []
vi.mock('../../app/desk-client', () => ({
  CallError: class extends Error {},
  call: async (method: string) => {
    calls.push(method)
    return method === 'interview.handout' ? { mode: 'platform', outcome: 'saved', fileName: 'x.pdf', pages: 1 } : null
  }
}))
const { ClosingPanel } = await import('./ClosingPanel')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
})

describe('the guard before the handout', () => {
  it('names what is still flagged in the summary before printing; a second click prints it as the worker chose; a fixed summary prints at once', async () => {
    const store = new AutosaveStore(async () => ({ revisions: {}, savedAt: '' }), { texts: { summary: '今天谈了欠薪的事，钱一定能要回来。' }, revisions: {} }, { debounceMs: 10_000, maxWaitMs: 10_000, retryMs: 10_000 })
    const interview = { id: 7, caseNo: '2026-000001', outputLang: 'zh-CN', startedAt: '2026-11-23T02:00:00.000Z', followUpMidDate: null, workCount: 1 } as InterviewState
    render(
      <ClosingPanel
        interview={interview}
        store={store}
        lang="zh-CN"
        contacts={{ orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] }}
        acceptedNeeds={[]}
        followUpDate={null}
        promises={routePromises({ route: 'petition', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' })}
        onScheduled={() => {}}
        onFinished={() => {}}
        ended={null}
      />
    )
    fireEvent.click(screen.getByTestId('handout-save'))
    const note = await screen.findByTestId('handout-guard')
    expect(note.textContent).toContain('「钱一定能要回来」（承诺结果）')
    expect(calls).not.toContain('interview.handout')
    fireEvent.click(screen.getByTestId('handout-save'))
    await waitFor(() => expect(calls).toContain('interview.handout'))

    calls.length = 0
    await act(async () => store.replace('summary', '今天谈了欠薪的事，我们一起跟进。'))
    fireEvent.click(screen.getByTestId('handout-save'))
    await waitFor(() => expect(calls).toContain('interview.handout'))
    expect(screen.queryByTestId('handout-guard')).toBeNull()
    store.dispose()
  })
})
