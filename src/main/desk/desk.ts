import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { DeskEventName, DeskEvents } from '@shared/ipc/events'
import { DeskFailure } from '@shared/ipc/result'
import type { Locale, Role } from '@shared/domain/session/types'
import { anchorMac, appendAudit, auditKeyOf, chainHead, setAuditKey, type AuditInput } from '../audit/chain'
import { busyTimeout, checkpointTruncate } from '../db/pragmas'
import { openAuditKey, readKeyring, SCRYPT_DEFAULT, sealAuditKey, writeKeyring, type ScryptParams } from '../db/keyring'
import { randomBytes } from 'node:crypto'
import type { Connection } from '../db/open'
import type { Platform } from '../platform/platform'
import { storageProblem } from '../fs/storage'

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
  /** The keyring authority's private key (session/slots.ts), held while a supervisor is signed in; zeroed on close. */
  private authorityKey: Buffer | null = null
  /** Set while the recovery key opens the desk (it holds the authority like a supervisor). */
  recovering = false
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

  /** The keyring authority's private key, when the person signed in holds it. */
  authority(): Buffer | null {
    return this.authorityKey
  }

  setAuthority(secret: Buffer | null): void {
    if (this.authorityKey && this.authorityKey !== secret) this.authorityKey.fill(0)
    this.authorityKey = secret
  }

  attach(conn: Connection, key: Buffer): void {
    this.conn = conn
    this.key = key
    setAuditKey(conn.sqlite, this.loadAuditKey(key))
  }

  /**
   * The audit key from keyring.json (made on the first open of a desk that has none). Held only in
   * memory beside the open connection, zeroed when it closes.
   */
  private loadAuditKey(dbKey: Buffer): Buffer | null {
    try {
      const ring = readKeyring(this.dataDir)
      if (!ring) return null
      const found = openAuditKey(ring, dbKey)
      if (found || ring.audit) return found
      const fresh = randomBytes(32)
      writeKeyring(this.dataDir, { ...ring, audit: sealAuditKey(fresh, dbKey) })
      return fresh
    } catch {
      // A keyring that cannot be written (full disk): events stay unkeyed until the next open.
      return null
    }
  }

  /** Write the chain's head into keyring.json (MACed): where deleting rows cannot reach it. */
  anchorAudit(): void {
    const conn = this.conn
    const key = conn ? auditKeyOf(conn.sqlite) : null
    if (!conn || !key) return
    const ring = readKeyring(this.dataDir)
    if (!ring) return
    const head = chainHead(conn.sqlite)
    if (ring.auditHead && ring.auditHead.id === head.id && ring.auditHead.hash === head.hash) return
    writeKeyring(this.dataDir, { ...ring, auditHead: { ...head, mac: anchorMac(key, head) } })
  }

  /** Run when the database closes (lock, logout, restore) — features drop their caches here. */
  onClose(fn: () => void): void {
    this.closers.push(fn)
  }

  /**
   * Close the database and wipe the key from memory. Never throws and never stops half way: whatever
   * a cache-dropper or SQLite says, the connection is let go and the key is zeroed (fail closed).
   */
  close(): void {
    for (const fn of this.closers) {
      try {
        fn()
      } catch {
        /* a cache that cannot be dropped must not keep the desk open */
      }
    }
    try {
      this.anchorAudit()
    } catch {
      /* a full disk: the anchor stays where it was; closing is what matters */
    }
    const conn = this.conn
    this.conn = null
    try {
      if (conn) {
        auditKeyOf(conn.sqlite)?.fill(0)
        setAuditKey(conn.sqlite, null)
        try {
          // Not waiting: a backup in progress holds a read on the database, and a lock must not stall
          // the window until it ends. The log is folded in at the next close instead.
          busyTimeout(conn.sqlite, 0)
          checkpointTruncate(conn.sqlite)
        } catch {
          /* a checkpoint is an optimisation (and fails on a full disk); closing is what matters */
        }
        conn.sqlite.close()
      }
    } catch {
      /* the handle is dropped either way */
    } finally {
      this.key?.fill(0)
      this.key = null
      this.authorityKey?.fill(0)
      this.authorityKey = null
      this.recovering = false
    }
  }

  /**
   * Run `record` now if someone is logged in, else right after the next login. For what finished
   * while the desk was locked (a backup taken in a worker), or what a full disk refused (a lock's
   * audit event), and must land in the encrypted database: it waits in memory only, never on disk
   * in the clear.
   */
  whenOpen(record: () => void): void {
    if (!this.session || !this.conn) return void this.deferred.push(record)
    try {
      record()
    } catch (err) {
      // The disk refused it (full, read-only): kept in memory until a login can write it.
      if (storageProblem(err)) this.deferred.push(record)
      else throw err
    }
  }

  /**
   * Called by login before the session starts, in one transaction. A record the disk refuses (full,
   * read-only) stays in memory with all the others and the error is thrown, so the login fails and
   * nothing is lost; any other failing record is dropped, not retried forever.
   */
  runDeferred(): void {
    if (this.deferred.length === 0) return
    const pending = this.deferred.splice(0)
    try {
      this.db().sqlite.transaction(() => {
        for (const record of pending) {
          try {
            record()
          } catch (err) {
            if (storageProblem(err)) throw err
            /* the database it was meant for may have been replaced by a restore */
          }
        }
      })()
    } catch (err) {
      this.deferred.unshift(...pending)
      throw err
    }
  }

  /** How many records wait for the next login (tests, and the lock's disk-full notice). */
  get deferredCount(): number {
    return this.deferred.length
  }

  /** Forget records meant for a database that is being replaced (restore). */
  dropDeferred(): void {
    this.deferred.length = 0
  }

  requireSession(): Session {
    if (!this.session || !this.conn) throw new DeskFailure('LOCKED', 'errors:session.locked')
    return this.session
  }

  /** Record an audit event as the current user (or `actorId` given explicitly), now or at `at`. */
  audit(input: Omit<AuditInput, 'actorId'> & { actorId?: number | null; at?: Date }): void {
    const { at, ...event } = input
    appendAudit(this.db().sqlite, { actorId: event.actorId ?? this.session?.userId ?? null, ...event }, at ?? this.now())
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
