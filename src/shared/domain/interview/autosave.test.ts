import { describe, expect, it, vi } from 'vitest'
import { AutosaveStore, type SaveChange } from './autosave'

describe('AutosaveStore', () => {
  it('batches keystrokes, bumps revisions, and retries failures without losing text', async () => {
    vi.useFakeTimers()
    const sent: SaveChange[][] = []
    let failNext = true
    const store = new AutosaveStore(
      async (changes) => {
        sent.push(changes)
        if (failNext) {
          failNext = false
          throw new Error('locked')
        }
        return { revisions: {}, savedAt: 'now' }
      },
      { texts: { notes: '' }, revisions: { notes: 5 } },
      { debounceMs: 100, maxWaitMs: 1000, retryMs: 200 }
    )
    for (const ch of '欠薪三个月') store.set('notes', store.get('notes') + ch)
    expect(sent).toHaveLength(0) // nothing on the typing path
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toEqual([{ field: 'notes', value: '欠薪三个月', revision: 10 }])
    expect(store.state).toBe('error')
    store.set('notes', '欠薪三个月，')
    await vi.advanceTimersByTimeAsync(300)
    expect(sent.at(-1)).toEqual([{ field: 'notes', value: '欠薪三个月，', revision: 11 }])
    expect(store.state).toBe('saved')
    expect(store.hasPending).toBe(false)
    vi.useRealTimers()
  })
})
