import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { DeskEventName, DeskEvents } from '@shared/ipc/events'
import { DeskFailure } from '@shared/ipc/result'
import type { Locale, Role } from '@shared/domain/session/types'
import { appendAudit, type AuditInput } from '../audit/chain'
import { SCRYPT_DEFAULT, type ScryptParams } from '../db/keyring'
import type { Connection } from '../db/open'
import type { Platform } from '../platform/platform'

export interface Session {
  userId: number
  role: Role
  loginName: string
  displayName: string
  locale: Locale
}

export interface DeskOptions {
  /** Holds the encrypted database and keyring.json: everything personal, and nothing in plaintext. */
  dataDir: string
  /**
   * Holds state that must survive restarts but may not touch the data folder (a failed login
   * changes nothing there): the login throttle. No personal data. Default: `<dataDir>.state`.
   */
  stateDir?: string
  now?: () => Date
  kdf?: ScryptParams
  appVersion?: string
}

type Listener<E extends DeskEventName> = (payload: DeskEvents[E]) => void

/**
 * One desk: a data folder, its open database (while unlocked), the person logged in, and the push
 * events. Every feature service takes the Desk; nothing here knows about Electron or HTTP.
 */
export class Desk {
  readonly dataDir: string
  readonly stateDir: string
  readonly now: () => Date
  readonly kdf: ScryptParams
  readonly appVersion: string
  private conn: Connection | null = null
  private key: Buffer | null = null
  session: Session | null = null
  /** Who was logged in when the desk locked: unlock asks them only for their passphrase. */
  lockedSession: Session | null = null
  lastActivity = 0
  /** Desktop-only abilities (save dialog, printing); null in browser mode and the CLI. */
  platform: Platform | null = null
  private listeners = new Map<DeskEventName, Set<Listener<DeskEventName>>>()
  private closers: (() => void)[] = []
  private deferred: (() => void)[] = []

  constructor(opts: DeskOptions) {
    this.dataDir = opts.dataDir
    this.stateDir = opts.stateDir ?? join(dirname(opts.dataDir), `${basename(opts.dataDir)}.state`)
    this.now = opts.now ?? (() => new Date())
    this.kdf = opts.kdf ?? SCRYPT_DEFAULT
    this.appVersion = opts.appVersion ?? '0.1.0'
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 })
  }

  get isOpen(): boolean {
    return this.conn !== null
  }

  /** The open database; throws LOCKED when the desk is locked (the key is gone). */
  db(): Connection {
    if (!this.conn) throw new DeskFailure('LOCKED', 'errors:session.locked')
    return this.conn
  }

  /** The raw database key, for a fresh connection (integrity check, backup). Only while unlocked. */
  dbKey(): Buffer {
    if (!this.key) throw new DeskFailure('LOCKED', 'errors:session.locked')
    return this.key
  }

  attach(conn: Connection, key: Buffer): void {
    this.conn = conn
    this.key = key
  }

  /** Run when the database closes (lock, logout, restore) — features drop their caches here. */
  onClose(fn: () => void): void {
    this.closers.push(fn)
  }

  /** Close the database and wipe the key from memory. */
  close(): void {
    for (const fn of this.closers) fn()
    if (this.conn) {
      try {
        // Not waiting: a backup in progress holds a read on the database, and a lock must not stall
        // the window until it ends. The log is folded in at the next close instead.
        this.conn.sqlite.pragma('busy_timeout = 0')
        this.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      } catch {
        /* a checkpoint is an optimisation; closing is what matters */
      }
      this.conn.sqlite.close()
    }
    this.conn = null
    this.key?.fill(0)
    this.key = null
  }

  /**
   * Run `record` now if someone is logged in, else right after the next login. For what finished
   * while the desk was locked (a backup taken in a worker) and must land in the encrypted database:
   * it waits in memory only, never on disk in the clear.
   */
  whenOpen(record: () => void): void {
    if (this.session && this.conn) record()
    else this.deferred.push(record)
  }

  /** Called by login once the session is open. A failing record is dropped, not retried forever. */
  runDeferred(): void {
    for (const record of this.deferred.splice(0)) {
      try {
        record()
      } catch {
        /* the database it was meant for may have been replaced by a restore */
      }
    }
  }

  /** Forget records meant for a database that is being replaced (restore). */
  dropDeferred(): void {
    this.deferred.length = 0
  }

  requireSession(): Session {
    if (!this.session || !this.conn) throw new DeskFailure('LOCKED', 'errors:session.locked')
    return this.session
  }

  /** Record an audit event as the current user (or `actorId` given explicitly). */
  audit(input: Omit<AuditInput, 'actorId'> & { actorId?: number | null }): void {
    appendAudit(this.db().sqlite, { actorId: input.actorId ?? this.session?.userId ?? null, ...input }, this.now())
  }

  on<E extends DeskEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener<DeskEventName>)
    return () => set!.delete(listener as Listener<DeskEventName>)
  }

  emit<E extends DeskEventName>(event: E, payload: DeskEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(payload)
  }

  /** Listen to every event (transports forward them all). */
  onAny(listener: (event: DeskEventName, payload: unknown) => void): () => void {
    const offs = (['session.locked', 'progress', 'notice'] as DeskEventName[]).map((e) =>
      this.on(e, (p) => listener(e, p))
    )
    return () => offs.forEach((o) => o())
  }
}
