import type { TextField } from './types'
import { failureOf, indexInPath, isTransient } from '../../ipc/failure'
import type { DeskError } from '../../ipc/result'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

export interface SaveChange {
  field: TextField
  value: string
  revision: number
}

/**
 * Autosave off the typing path: `set` only records the text and bumps the field's revision, then
 * a debounced flush sends every dirty field in one call. Each field carries a revision, so a late
 * reply or a retried older save can never overwrite newer text (the main process keeps the highest
 * revision per field). Transient failures (locked desk, disk error) keep the field dirty and retry.
 * A failure retrying cannot fix (BAD_ARGS, a finished record…) stops retrying for the field it
 * names: `problem` says which field and why, the text stays in the store (and on screen), and
 * the next edit of that field tries again. Other fields keep saving meanwhile.
 */
export class AutosaveStore {
  private values = new Map<TextField, string>()
  private revs = new Map<TextField, number>()
  private dirty = new Set<TextField>()
  /** Fields whose last save was refused for a reason retrying cannot fix, until edited again. */
  private blocked = new Map<TextField, DeskError>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstDirtyAt = 0
  private inFlight: Promise<void> | null = null
  private listeners = new Set<(s: SaveState, at: string | null) => void>()
  state: SaveState = 'idle'
  savedAt: string | null = null

  constructor(
    private send: (changes: SaveChange[]) => Promise<{ revisions: Partial<Record<TextField, number>>; savedAt: string }>,
    initial: { texts: Record<string, string>; revisions: Record<string, number> },
    private opts = { debounceMs: 400, maxWaitMs: 2000, retryMs: 3000 }
  ) {
    for (const [f, v] of Object.entries(initial.texts)) this.values.set(f as TextField, v)
    for (const [f, r] of Object.entries(initial.revisions)) this.revs.set(f as TextField, r)
  }

  get(field: TextField): string {
    return this.values.get(field) ?? ''
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values)
  }

  private fieldListeners = new Map<TextField, Set<(v: string) => void>>()

  /** Listen for values set from elsewhere on the screen (not from the box itself). */
  onField(field: TextField, fn: (v: string) => void): () => void {
    let set = this.fieldListeners.get(field)
    if (!set) this.fieldListeners.set(field, (set = new Set()))
    set.add(fn)
    return () => set!.delete(fn)
  }

  /** Set a field from outside its box (a drafted summary): the box shows it and it is saved. */
  replace(field: TextField, value: string): void {
    this.set(field, value)
    for (const fn of this.fieldListeners.get(field) ?? []) fn(value)
  }

  /** Called on every input event: O(1), no I/O. */
  set(field: TextField, value: string): void {
    if (this.values.get(field) === value) return
    this.blocked.delete(field)
    this.values.set(field, value)
    this.revs.set(field, (this.revs.get(field) ?? 0) + 1)
    if (this.dirty.size === 0) this.firstDirtyAt = Date.now()
    this.dirty.add(field)
    this.schedule(this.opts.debounceMs)
  }

  get hasPending(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null || this.blocked.size > 0
  }

  /** The first field that cannot be saved as typed, and why (translated by the screen). */
  get problem(): { field: TextField; error: DeskError } | null {
    const first = this.blocked.entries().next()
    return first.done ? null : { field: first.value[0], error: first.value[1] }
  }

  /** True while the last failure is one a retry may fix (the desk locked, the disk busy). */
  retrying = false

  onChange(fn: (s: SaveState, at: string | null) => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  private emit(s: SaveState): void {
    this.state = s
    for (const l of this.listeners) l(s, this.savedAt)
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer)
    // Never postpone past maxWait while the worker keeps typing.
    const wait = Math.max(0, Math.min(ms, this.firstDirtyAt + this.opts.maxWaitMs - Date.now()))
    this.timer = setTimeout(() => void this.flush(), wait)
  }

  /** Send what is dirty now; resolves when that save (and any running one) is done. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.inFlight) await this.inFlight
    for (const f of this.blocked.keys()) this.dirty.delete(f)
    if (this.dirty.size === 0) return
    const changes: SaveChange[] = [...this.dirty].map((field) => ({ field, value: this.values.get(field) ?? '', revision: this.revs.get(field) ?? 1 }))
    this.dirty.clear()
    this.emit('saving')
    this.inFlight = (async () => {
      try {
        const res = await this.send(changes)
        this.savedAt = res.savedAt
        this.retrying = false
        // A field edited again while this save was running stays dirty (its revision moved on).
        this.emit(this.blocked.size ? 'error' : this.dirty.size ? 'saving' : 'saved')
      } catch (e) {
        const err = failureOf(e)
        const unchanged = (c: SaveChange) => (this.revs.get(c.field) ?? 0) === c.revision
        if (isTransient(err.code)) {
          for (const c of changes) if (unchanged(c)) this.dirty.add(c.field)
          if (this.dirty.size === 0) this.firstDirtyAt = Date.now()
          this.retrying = true
          this.emit('error')
          this.timer = setTimeout(() => void this.flush(), this.opts.retryMs)
        } else {
          // Retrying sends the same text and fails the same way: hold the field the error names
          // (or, if it names none, the whole batch) until the worker edits it; save the rest.
          const i = indexInPath(err.field, 'changes')
          const culprit = i !== null ? changes[i]?.field : (changes.find((c) => c.field === err.field)?.field ?? null)
          for (const c of changes) {
            if (!unchanged(c)) continue
            if (culprit === null || c.field === culprit) this.blocked.set(c.field, err)
            else this.dirty.add(c.field)
          }
          this.retrying = false
          this.emit('error')
        }
      } finally {
        this.inFlight = null
      }
    })()
    await this.inFlight
    if (this.dirty.size && !this.timer) this.schedule(this.opts.debounceMs)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
