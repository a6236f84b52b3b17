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

  it('stops retrying a save that fails for a reason retrying cannot fix, names the field, keeps the text, saves the rest', async () => {
    vi.useFakeTimers()
    const sent: SaveChange[][] = []
    const refused = { ok: false as const, code: 'BAD_ARGS' as const, messageKey: 'errors:arg.badCharacters', field: 'changes.1.value' }
    const store = new AutosaveStore(
      async (changes) => {
        sent.push(changes)
        const bad = changes.findIndex((c) => c.value.includes('\uD842') && !c.value.includes('\uD842\uDFB6'))
        if (bad >= 0) throw Object.assign(new Error('BAD_ARGS'), { error: { ...refused, field: `changes.${bad}.value` } })
        return { revisions: {}, savedAt: 'now' }
      },
      { texts: {}, revisions: {} },
      { debounceMs: 100, maxWaitMs: 1000, retryMs: 200 }
    )
    store.set('notes', '欠薪')
    store.set('summary', '钟\uD842') // half of 𠮶: the server refuses it, every time
    await vi.advanceTimersByTimeAsync(400)
    expect(store.state).toBe('error')
    expect(store.problem).toEqual({ field: 'summary', error: expect.objectContaining({ code: 'BAD_ARGS' }) })
    expect(store.get('summary')).toBe('钟\uD842') // still there to be corrected
    // The other field is saved; the refused one is not sent again and again.
    expect(sent.at(-1)).toEqual([{ field: 'notes', value: '欠薪', revision: 1 }])
    const before = sent.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sent.length).toBe(before)
    expect(store.hasPending).toBe(true)
    // The worker corrects it: saved at once, the problem is gone.
    store.set('summary', '钟𠮶妹')
    await vi.advanceTimersByTimeAsync(150)
    expect(sent.at(-1)).toEqual([{ field: 'summary', value: '钟𠮶妹', revision: 2 }])
    expect(store.problem).toBeNull()
    expect(store.state).toBe('saved')
    expect(store.hasPending).toBe(false)
    vi.useRealTimers()
  })

  it('keeps retrying a transient failure (locked desk, disk busy)', async () => {
    vi.useFakeTimers()
    let fails = 3
    const store = new AutosaveStore(
      async () => {
        if (fails-- > 0) throw Object.assign(new Error('LOCKED'), { error: { ok: false, code: 'LOCKED', messageKey: 'errors:session.locked' } })
        return { revisions: {}, savedAt: 'now' }
      },
      { texts: {}, revisions: {} },
      { debounceMs: 100, maxWaitMs: 1000, retryMs: 200 }
    )
    store.set('notes', '会谈')
    await vi.advanceTimersByTimeAsync(150)
    expect(store.retrying).toBe(true)
    expect(store.problem).toBeNull()
    await vi.advanceTimersByTimeAsync(1000)
    expect(store.state).toBe('saved')
    vi.useRealTimers()
  })
})
