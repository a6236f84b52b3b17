import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { AutosaveStore } from '@shared/domain/interview/autosave'
import type { InterviewState } from '@shared/domain/interview/types'
import { NO_EVENTS, routePromises } from '@shared/domain/interview/route-promises'

const calls: [string, unknown][] = []
let answer: (method: string) => unknown = () => null
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
      const v = answer(method)
      if (v instanceof Error) throw v
      return v
    }
  }
})
const { ReadBackWindow } = await import('./ReadBack')
const { ReadBackScreen, readBackRouteId } = await import('./ReadBackScreen')
const { ClosingPanel } = await import('./ClosingPanel')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
  vi.restoreAllMocks()
})

const interview = { id: 7, caseNo: '2026-000001', outputLang: 'zh-CN' } as InterviewState
const store = () => new AutosaveStore(async () => ({ revisions: {}, savedAt: '' }), { texts: { surfaceDemand: '追讨工资' }, revisions: {} })

describe('ReadBackWindow', () => {
  it('in the desktop shell the main process shows it: no window.open, no inline copy, closed through the shell', async () => {
    answer = (m) => (m === 'interview.openReadBack' ? { opened: true } : null)
    const open = vi.spyOn(window, 'open')
    const r = render(<ReadBackWindow interview={interview} store={store()} lang="zh-CN" acceptedNeeds={[]} followUpDate={null} onClose={() => {}} />)
    await screen.findByRole('status')
    expect(open).not.toHaveBeenCalled()
    expect(screen.queryByTestId('readback')).toBeNull()
    r.unmount()
    expect(calls.map((c) => c[0])).toEqual(['interview.openReadBack', 'interview.closeReadBack'])
  })

  it('in browser mode it opens its own window, and falls back to this window when that is refused', async () => {
    answer = (m) => (m === 'interview.openReadBack' ? { opened: false } : { at: '' })
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    render(<ReadBackWindow interview={interview} store={store()} lang="zh-CN" acceptedNeeds={[]} followUpDate={null} onClose={() => {}} />)
    const view = await screen.findByTestId('readback')
    expect(open).toHaveBeenCalledWith('', 'desk-readback', expect.any(String))
    expect(view.textContent).toContain('追讨工资')
    expect(calls.find((c) => c[0] === 'interview.event')?.[1]).toMatchObject({ kind: 'readBack', detail: 'inline' })
  })
})

describe('ReadBackScreen (the second window)', () => {
  it('reads its route from the address only in the exact form #/readback/<id>', () => {
    expect(readBackRouteId('#/readback/7')).toBe(7)
    for (const h of ['', '#/readback/', '#/readback/0', '#/readback/7/x', '#token=abc', '#/cases/7']) expect(readBackRouteId(h)).toBeNull()
  })

  it('shows the saved view, and clears it and closes the window once the desk refuses (locked)', async () => {
    let locked = false
    answer = (m) =>
      m === 'interview.readBackView'
        ? locked
          ? new Error('LOCKED')
          : { outputLang: 'zh-CN', texts: { surfaceDemand: '追讨工资', summary: '三天内回电' }, acceptedNeeds: [], followUpDate: null }
        : null
    const close = vi.spyOn(window, 'close').mockImplementation(() => {})
    render(<ReadBackScreen interviewId={7} poll={30} />)
    const view = await screen.findByTestId('readback')
    expect(view.textContent).toContain('追讨工资')
    expect(calls.every((c) => c[0] === 'interview.readBackView')).toBe(true)
    locked = true
    await act(async () => new Promise((r) => setTimeout(r, 80)))
    expect(screen.queryByTestId('readback')).toBeNull()
    expect(document.body.textContent).not.toContain('追讨工资')
    expect(close).toHaveBeenCalled()
  })
})

describe('handout in the desktop shell (no popups)', () => {
  const full = { ...interview, startedAt: '2026-11-23T02:00:00.000Z', followUpMidDate: null, workCount: 1 } as InterviewState
  const panel = () =>
    render(
      <ClosingPanel
        interview={full}
        store={store()}
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
  it('the print version, refused a window, prints the PDF through the shell instead of doing nothing', async () => {
    answer = (m) => (m === 'interview.handout' ? { mode: 'platform', outcome: 'printed', fileName: 'x.pdf', pages: 1 } : null)
    vi.spyOn(window, 'open').mockReturnValue(null)
    panel()
    fireEvent.click(screen.getByTestId('handout'))
    await waitFor(() => expect(calls.find((c) => c[0] === 'interview.handout')?.[1]).toMatchObject({ interviewId: 7, action: 'print' }))
  })
  it('save PDF asks the shell to save (native dialog)', async () => {
    answer = (m) => (m === 'interview.handout' ? { mode: 'platform', outcome: 'saved', fileName: 'x.pdf', pages: 1 } : null)
    panel()
    fireEvent.click(screen.getByTestId('handout-save'))
    await waitFor(() => expect(calls.find((c) => c[0] === 'interview.handout')?.[1]).toMatchObject({ interviewId: 7, action: 'save', paper: 'A5' }))
  })
})
