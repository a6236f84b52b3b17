import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { CaseRecord } from '@shared/domain/case/types'
import { initI18n } from '../../app/i18n'
import { answering, type FakeAnswers, type FakeInvoke } from '../../test-support/fake-desk-client'

const calls: [string, unknown][] = []
let answers: FakeAnswers = {}
const invoke: FakeInvoke = (m, a) => (calls.push([m, a]), answering(answers)(m, a))
vi.mock('../../app/desk-client', async () => (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
const { ScreeningPanel } = await import('./ScreeningPanel')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
  vi.useRealTimers()
})

const record = (note = '', updatedAt = '2026-11-20T01:00:00.000Z') =>
  ({
    id: 3,
    fields: { partyKind: 'person', headcount: null },
    representatives: [],
    screening: note ? [{ item: 'a', answer: 'yes', note, detail: null, updatedAt, updatedBy: null }] : [],
    largeScaleJudged: false,
    diversion: null
  }) as unknown as CaseRecord

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}
const noteBox = () => document.querySelector('[data-item="a"] .screening-note') as HTMLInputElement

describe('screening notes are drafts, and a note typed during a save round trip is never dropped', () => {
  it('text typed while the save is on its way stays on screen and stays a draft', async () => {
    let reply: (r: CaseRecord) => void = () => {}
    answers = {
      'drafts.get': () => null,
      'drafts.save': () => ({ savedAt: 'now' }),
      'drafts.clear': () => null,
      'cases.screening.save': () => new Promise<CaseRecord>((resolve) => (reply = resolve))
    }
    let current = record()
    const { rerender } = render(<ScreeningPanel record={current} onChange={(r) => (current = r)} />)
    await settle()
    fireEvent.change(noteBox(), { target: { value: '欠薪' } })
    fireEvent.blur(noteBox()) // the save leaves…
    fireEvent.change(noteBox(), { target: { value: '欠薪三个月，钟𠮶妹' } }) // …and the worker keeps typing
    await act(async () => reply(record('欠薪', '2026-11-20T02:00:00.000Z')))
    rerender(<ScreeningPanel record={current} onChange={(r) => (current = r)} />)
    await settle()
    expect(noteBox().value).toBe('欠薪三个月，钟𠮶妹')
    // The newer text is not cleared as a draft; it is kept until it is saved.
    expect(calls.filter(([m]) => m === 'drafts.clear')).toEqual([])
    await act(async () => new Promise((r) => setTimeout(r, 700)))
    expect(calls.filter(([m]) => m === 'drafts.save').at(-1)?.[1]).toEqual({ scope: 'case:3:screening:a:note', text: '欠薪三个月，钟𠮶妹' })
  })

  it('a saved note clears its draft; a draft left by a killed app comes back', async () => {
    answers = {
      'drafts.get': (a) => (a.scope === 'case:3:screening:b:note' ? { text: '上次没保存的记录', updatedAt: 'x' } : null),
      'drafts.save': () => ({ savedAt: 'now' }),
      'drafts.clear': () => null,
      'cases.screening.save': (a) => record(a.note)
    }
    render(<ScreeningPanel record={record()} onChange={() => {}} />)
    await settle()
    expect((document.querySelector('[data-item="b"] .screening-note') as HTMLInputElement).value).toBe('上次没保存的记录')
    expect(screen.getByTestId('draft-restored').textContent).toContain('草稿')
    fireEvent.change(noteBox(), { target: { value: '已核实' } })
    fireEvent.blur(noteBox())
    await settle()
    expect(calls.some(([m, a]) => m === 'drafts.clear' && (a as { scope: string }).scope === 'case:3:screening:a:note')).toBe(true)
  })
})
