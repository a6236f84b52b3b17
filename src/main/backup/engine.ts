import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { closeSync, fdatasync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, writevSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fsyncDir } from '../fs/atomic'
// SQLite control and catalog reads on raw handles: this worker-side module loads no ORM.
import { beginImmediate, beginRead, busyTimeout, cacheKiB, checkpointTruncate, commit, integrityRows, keyHandle, probeKey, rollback, tempInMemory } from '../db/pragmas'
import { auditHeadOf, countRows, reachesHead } from '../db/catalog.sql'
import {
  BackupError,
  bodyLengthFor,
  buildTrailer,
  CHUNK,
  classify,
  contentKey,
  deriveKek,
  FOOTER_LEN,
  FORMAT,
  OLDEST_FORMAT,
  footerFields,
  openChunk,
  openManifest,
  sealChunk,
  sha256,
  TAG_LEN,
  unwrapBackupKey,
  type BackupRecipient,
  type KeyringCopy,
  type Manifest,
  type Trailer
} from './format'

/**
 * The heavy half of backups: snapshot and seal, read back and check. It runs in a worker thread in
 * the app (so the desk keeps answering and the progress bar moves), with a second worker sealing
 * half of a large database, and in-thread where no worker can be started (CLI tests, some sandboxes).
 * It imports nothing from the IPC layer for that reason.
 *
 * No plaintext page touches the disk: the backup carries the live database's own encrypted pages,
 * sealed once more under the backup key (format.ts), and what is extracted for checking is again
 * those encrypted pages.
 */
export type Phase = 'snapshot' | 'scan' | 'read' | 'check'
export interface ProgressInfo {
  phase: Phase
  done: number
  total: number
}
export type Progress = (p: ProgressInfo) => void

export interface ExportJob {
  livePath: string
  /**
   * The live database key: bytes in an ArrayBuffer of their own, moved (transferred) to the worker
   * thread rather than copied, and zeroed by the engine once the export is done. Never a hex string.
   */
  liveKey: Uint8Array
  target: string
  /** Who can open the backup: the public key, and its private key sealed under the backup passphrase. */
  recipient: BackupRecipient
  appVersion: string
  createdAt: string
  keyring: KeyringCopy
  nativeBinding?: string
}

export interface ExportOutcome {
  file: string
  bytes: number
  createdAt: string
  schemaVersion: number
  tables: Record<string, number>
}

export interface ReadJob {
  file: string
  passphrase: string
  /**
   * Where the database (and, until SQLite replays it, its log at `<extractTo>-wal`) is written back
   * for checking: the same encrypted pages, under the data key. Removed unless `keep`, which leaves
   * a single checkpointed database file there: what a restore puts in place.
   */
  extractTo: string
  keep?: boolean
  latestSchema: number
  nativeBinding?: string
}

export interface ReadOutcome {
  manifest: Omit<Manifest, 'dataKey' | 'keyring'>
  /** Only when `keep`: what a restore needs besides the database itself. */
  secrets?: { dataKey: Uint8Array; keyring: KeyringCopy }
  bytes: number
}

/** Bytes read per system call: 16 chunks. */
const BLOCK = 16 * CHUNK

function openKeyed(file: string, key: Uint8Array | string, nativeBinding?: string, readonly = true): Database.Database {
  const db = new Database(file, { readonly, fileMustExist: true, nativeBinding })
  try {
    // SQLite takes the key as text in the pragma: the hex exists only for that call.
    keyHandle(db, key)
    // The live database may be mid-commit or mid-checkpoint: wait for it rather than call it damaged.
    busyTimeout(db, 10000)
    tempInMemory(db)
    probeKey(db)
  } catch {
    db.close()
    throw new BackupError('damaged', 'open')
  }
  return db
}

function tempBeside(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.${suffix}`)
}

/** A database file and the files SQLite keeps beside it. */
function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true })
}

/** A run of chunks of one file: chunks [from, to) of its first `plainLength` bytes. */
export interface Span {
  file: string
  plainLength: number
  /** Where the file's chunk 0 goes in the body, and the global index (the nonce) it is sealed under. */
  bodyOffset: number
  firstIndex: number
  from: number
  to: number
}

/** A helper thread's share of an export: seal `span` into `target` with `key` (transferred bytes, zeroed after). */
export interface SealJob {
  span: Span
  target: string
  key: Uint8Array
}

/** A copy of key bytes in an ArrayBuffer of its own (never Node's shared pool), so it can be transferred and zeroed. */
export function ownedCopy(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(new ArrayBuffer(key.byteLength))
  out.set(key)
  return out
}

/** The ArrayBuffers of a task's key bytes, to transfer to (or from) a worker instead of copying them. */
export function keyTransfers(value: unknown): ArrayBuffer[] {
  const v = value as { job?: { liveKey?: unknown; key?: unknown }; secrets?: { dataKey?: unknown } } | null
  const keys = [v?.job?.liveKey, v?.job?.key, v?.secrets?.dataKey]
  return keys.filter((k): k is Uint8Array => k instanceof Uint8Array && k.buffer instanceof ArrayBuffer && k.byteLength === k.buffer.byteLength).map((k) => k.buffer as ArrayBuffer)
}

const STRIDE = CHUNK + TAG_LEN

function chunksIn(n: number): number {
  return Math.ceil(n / CHUNK)
}

function writeAll(fd: number, parts: Buffer[], pos: number): void {
  let total = 0
  for (const p of parts) total += p.length
  const written = writevSync(fd, parts, pos)
  // writev may stop short (signals, quotas): finish the rest in one buffer.
  if (written < total) {
    const rest = Buffer.concat(parts).subarray(written)
    let off = 0
    while (off < rest.length) off += writeSync(fd, rest, off, rest.length - off, pos + written + off)
  }
}

/**
 * Seal a span, 16 chunks per read, writing each chunk (ciphertext, then tag) at its fixed place in
 * the body: chunk k of the file at bodyOffset + k × (64 KiB + 16). Fixed places are what let two
 * threads seal two halves of the database at once. Returns the span's tags in order.
 */
async function sealSpan(input: number, output: number, key: Buffer, s: Span, onBytes: (plainDone: number) => void): Promise<Buffer> {
  const tags = Buffer.allocUnsafe((s.to - s.from) * TAG_LEN)
  const buf = Buffer.allocUnsafe(BLOCK)
  for (let c = s.from; c < s.to; c += BLOCK / CHUNK) {
    const end = Math.min(s.to, c + BLOCK / CHUNK)
    const start = c * CHUNK
    const want = Math.min(end * CHUNK, s.plainLength) - start
    let got = 0
    while (got < want) {
      const n = readSync(input, buf, got, want - got, start + got)
      // The database never shrinks here (no auto-vacuum, no VACUUM while the desk runs): a short
      // read means something else rewrote the file, and this backup is not to be trusted.
      if (n <= 0) throw new BackupError('damaged', 'source changed')
      got += n
    }
    const parts: Buffer[] = []
    for (let k = c; k < end; k++) {
      const { data, tag } = sealChunk(key, s.firstIndex + k, buf.subarray((k - c) * CHUNK, Math.min((k - c + 1) * CHUNK, want)))
      tag.copy(tags, (k - s.from) * TAG_LEN)
      parts.push(data, tag)
    }
    writeAll(output, parts, s.bodyOffset + c * STRIDE)
    onBytes(start + want)
    // Run inline (CLI, no worker), the desk still answers between blocks.
    await new Promise<void>((r) => setImmediate(r))
  }
  return tags
}

/** The helper thread's task: open both files and seal its span. */
export async function sealShare(job: SealJob): Promise<Uint8Array> {
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength)
  const input = openSync(job.span.file, 'r')
  try {
    const output = openSync(job.target, 'r+')
    try {
      return await sealSpan(input, output, key, job.span, () => {})
    } finally {
      closeSync(output)
    }
  } finally {
    closeSync(input)
    key.fill(0)
  }
}

/**
 * fdatasync on libuv's thread pool: the body goes to disk while this thread counts rows. (Flushing
 * in slices while still writing was measured slower: the writes and the flushes contend.)
 */
function flushInBackground(fd: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => fdatasync(fd, (err) => resolve(err)))
}

/** Starts a helper thread on a share of the work; resolves to its tags, or null if it could not help. */
export type StartHelper = (job: SealJob) => Promise<Uint8Array | null>

type Connections = { pin: Database.Database; gate: Database.Database }

/**
 * One committed moment of the live database, sealed from its encrypted bytes while the desk keeps
 * working; `pin` is left reading exactly that moment, for the row counts.
 *
 * 1. Writers are held off for a moment (BEGIN IMMEDIATE on one connection, which waits for a write
 *    in progress to commit). Another connection, the pin, begins a read: it sees the last commit,
 *    M. The log is sealed: every frame up to M, nothing after. The write gate is released.
 * 2. While the pin's read is held, SQLite's checkpointer writes into the main file only pages from
 *    log frames up to M (all in the sealed log), and no writer may start the log over in a way that
 *    matters: with a read mark, the pin forbids it; without one, the pin reads the main file alone
 *    and no checkpoint may touch the file. The main file is sealed, in two halves at once when a
 *    helper thread can be had.
 *
 * Restored, the copy is the main file with the log beside it; SQLite replays the log's committed
 * frames over the main file (pages the checkpointer wrote during the copy are all among them), so
 * the database opens at exactly M. A database in rollback-journal mode works the same: the pin's
 * shared lock keeps writers out of the file while it is copied, and there is no log.
 *
 * The gate is taken before the pin, never while holding it: a checkpoint that must wait for readers
 * (TRUNCATE, as on lock) holds the write lock while it waits, and the two would wait on each other.
 */
async function snapshot(
  job: ExportJob,
  c: Connections,
  out: { fd: number; file: string },
  key: Buffer,
  progress: Progress,
  startHelper?: StartHelper
): Promise<{ dbLength: number; walLength: number; bodyLength: number; tags: Buffer }> {
  const walFile = `${job.livePath}-wal`
  const total = Math.max(1, fileSize(job.livePath) + fileSize(walFile))
  progress({ phase: 'snapshot', done: 0, total })

  let walLength = 0
  let walTags: Buffer = Buffer.alloc(0)
  beginImmediate(c.gate)
  try {
    // From here on the pin sees one committed moment of the database.
    beginRead(c.pin)
    let wal = -1
    try {
      wal = openSync(walFile, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    if (wal >= 0) {
      try {
        walLength = fstatSync(wal).size
        const span = { file: walFile, plainLength: walLength, bodyOffset: 0, firstIndex: 0, from: 0, to: chunksIn(walLength) }
        walTags = await sealSpan(wal, out.fd, key, span, (n) => progress({ phase: 'snapshot', done: n, total }))
      } finally {
        closeSync(wal)
      }
    }
  } finally {
    rollback(c.gate)
  }

  const db = openSync(job.livePath, 'r')
  try {
    const dbLength = fstatSync(db).size
    const chunks = chunksIn(dbLength)
    const base = { file: job.livePath, plainLength: dbLength, bodyOffset: bodyLengthFor(walLength), firstIndex: chunksIn(walLength) }
    // Two halves at once on two cores; a small database is not worth a thread.
    const mid = startHelper && chunks >= 256 ? Math.ceil(chunks / 2 / 16) * 16 : chunks
    const second = { ...base, from: mid, to: chunks }
    const helped = mid < chunks ? startHelper!({ span: second, target: out.file, key: ownedCopy(key) }) : Promise.resolve(new Uint8Array(0))
    const share = mid < chunks ? 2 : 1
    const first = await sealSpan(db, out.fd, key, { ...base, from: 0, to: mid }, (n) =>
      progress({ phase: 'snapshot', done: walLength + Math.min(dbLength, n * share), total })
    )
    let rest = await helped
    // A helper that could not start or failed: its chunks go at the same places, sealed here.
    if (!rest) rest = await sealSpan(db, out.fd, key, second, () => {})
    return { dbLength, walLength, bodyLength: bodyLengthFor(walLength) + bodyLengthFor(dbLength), tags: Buffer.concat([walTags, first, rest]) }
  } finally {
    closeSync(db)
  }
}

/**
 * Write a sealed backup of the live database to `job.target`, atomically. `startHelper`, when given,
 * lends a second thread for half of the sealing.
 */
export async function writeBackup(job: ExportJob, progress: Progress, startHelper?: StartHelper): Promise<ExportOutcome> {
  const tmp = tempBeside(job.target, 'tmp')
  const backupKey = randomBytes(32)
  const key = contentKey(backupKey)
  const open = (readonly: boolean) => openKeyed(job.livePath, job.liveKey, job.nativeBinding, readonly)
  const opened: Database.Database[] = []
  let fd = -1
  let flushing: Promise<NodeJS.ErrnoException | null> | null = null
  try {
    const c: Connections = { pin: open(true), gate: open(false) }
    opened.push(c.pin, c.gate)
    fd = openSync(tmp, 'wx', 0o600)
    const snap = await snapshot(job, c, { fd, file: tmp }, key, progress, startHelper)
    flushing = flushInBackground(fd)

    // The rows of moment M, counted while the disk takes the body.
    progress({ phase: 'scan', done: 0, total: 1 })
    const scan = countRows(c.pin)
    const auditHead = auditHeadOf(c.pin)
    commit(c.pin)
    progress({ phase: 'scan', done: 1, total: 1 })

    const manifest: Manifest = {
      appVersion: job.appVersion,
      schemaVersion: scan.schemaVersion,
      createdAt: job.createdAt,
      dbLength: snap.dbLength,
      walLength: snap.walLength,
      contentHash: sha256().update(snap.tags).digest('hex'),
      tables: scan.tables,
      // The manifest is JSON: the key is hex inside it only while it is sealed.
      dataKey: Buffer.from(job.liveKey.buffer, job.liveKey.byteOffset, job.liveKey.byteLength).toString('hex'),
      keyring: job.keyring,
      ...(auditHead ? { auditHead } : {})
    }
    const trailer = Buffer.from(JSON.stringify(buildTrailer(job.recipient, backupKey, manifest)), 'utf8')
    const fields = footerFields(snap.bodyLength, trailer.length)
    writeAll(fd, [trailer, fields, sha256().update(trailer).update(fields).digest()], snap.bodyLength)
    const flushed = await flushing
    flushing = null
    if (flushed) throw flushed
    fsyncSync(fd)
    closeSync(fd)
    fd = -1
    renameSync(tmp, job.target)
    fsyncDir(dirname(job.target))
    return {
      file: job.target,
      bytes: statSync(job.target).size,
      createdAt: job.createdAt,
      schemaVersion: scan.schemaVersion,
      tables: scan.tables
    }
  } catch (err) {
    // A flush still running holds the descriptor's number: let it end before the file is closed.
    if (flushing) await flushing
    if (fd >= 0) closeSync(fd)
    rmSync(tmp, { force: true })
    throw err
  } finally {
    for (const db of opened.reverse()) db.close()
    backupKey.fill(0)
    key.fill(0)
    job.liveKey.fill(0)
  }
}

/** The trailer, once the hash over it and the fields holds and its format is one this app reads. */
function readTrailer(fd: number, size: number, latestSchema: number): { trailer: Trailer; bodyLength: number } {
  const head = Buffer.alloc(Math.min(16, size))
  readSync(fd, head, 0, head.length, 0)
  const tail = Buffer.alloc(Math.min(FOOTER_LEN, size))
  readSync(fd, tail, 0, tail.length, size - tail.length)
  const footer = classify(head, tail, size)
  if (footer.bodyLength < 1 || footer.bodyLength + footer.trailerLength + FOOTER_LEN !== size) throw new BackupError('damaged', 'lengths')
  const sealedPart = Buffer.alloc(size - 32 - footer.bodyLength)
  readSync(fd, sealedPart, 0, sealedPart.length, footer.bodyLength)
  if (!sha256().update(sealedPart).digest().equals(footer.hash)) throw new BackupError('damaged', 'hash')
  if (footer.format > FORMAT) throw new BackupError('tooNew', 'format', footer.format)
  if (footer.format < OLDEST_FORMAT) throw new BackupError('damaged', 'format')
  let trailer: Trailer
  try {
    trailer = JSON.parse(sealedPart.subarray(0, footer.trailerLength).toString('utf8')) as Trailer
  } catch {
    throw new BackupError('damaged', 'trailer')
  }
  if (trailer.app !== 'petition-desk') throw new BackupError('notBackup', 'app')
  if (trailer.format !== footer.format) throw new BackupError('damaged', 'format')
  if (trailer.schemaVersion > latestSchema) throw new BackupError('tooNew', 'schema', trailer.schemaVersion)
  if (trailer.chunk !== CHUNK) throw new BackupError('damaged', 'chunk')
  return { trailer, bodyLength: footer.bodyLength }
}

/** The body's length for a log of `walLength` bytes and a main file of `dbLength` bytes. */
function bodyFor(m: Pick<Manifest, 'dbLength' | 'walLength'>): number {
  return bodyLengthFor(m.walLength) + bodyLengthFor(m.dbLength)
}

/**
 * Open every chunk of the body in order and write the plaintext (the database's encrypted pages)
 * back out: the log's chunks to the log beside `dbFile`, then the main file's to `dbFile`. Any
 * chunk that does not authenticate stops everything.
 */
function unsealBody(fd: number, key: Buffer, m: Manifest, dbFile: string, progress: Progress): void {
  const bodyLength = bodyFor(m)
  const tags = sha256()
  const buf = Buffer.allocUnsafe(16 * STRIDE)
  let index = 0
  let bodyPos = 0
  const section = (file: string, plainLength: number) => {
    if (plainLength === 0) return
    const out = openSync(file, 'wx', 0o600)
    try {
      let plainPos = 0
      while (plainPos < plainLength) {
        const chunks = Math.min(16, chunksIn(plainLength - plainPos))
        const want = Math.min(chunks * CHUNK, plainLength - plainPos) + chunks * TAG_LEN
        const n = readSync(fd, buf, 0, want, bodyPos)
        if (n !== want) throw new BackupError('damaged', 'short read')
        const parts: Buffer[] = []
        for (let off = 0; off < n; off += STRIDE) {
          const len = Math.min(STRIDE, n - off)
          const tag = buf.subarray(off + len - TAG_LEN, off + len)
          const plain = openChunk(key, index++, buf.subarray(off, off + len - TAG_LEN), tag)
          if (!plain) throw new BackupError('damaged', 'chunk')
          tags.update(tag)
          parts.push(plain)
        }
        writeAll(out, parts, plainPos)
        plainPos += want - chunks * TAG_LEN
        bodyPos += n
        progress({ phase: 'read', done: bodyPos, total: bodyLength })
      }
      fsyncSync(out)
    } finally {
      closeSync(out)
    }
  }
  section(`${dbFile}-wal`, m.walLength)
  section(dbFile, m.dbLength)
  if (bodyPos !== bodyLength || tags.digest('hex') !== m.contentHash) throw new BackupError('damaged', 'contentHash')
}

/**
 * Check a backup from the outside in (see format.ts) and write its database back out at
 * `extractTo` for a restore. Any failure throws a BackupError naming the problem.
 */
export function readBackup(job: ReadJob, progress: Progress): ReadOutcome {
  let fd: number
  try {
    fd = openSync(job.file, 'r')
  } catch {
    throw new BackupError('notBackup', 'open')
  }
  let extracted = false
  try {
    const size = fstatSync(fd).size
    const { trailer, bodyLength } = readTrailer(fd, size, job.latestSchema)
    const kek = deriveKek(job.passphrase, trailer.kdf)
    const backupKey = unwrapBackupKey(kek, trailer)
    kek.fill(0)
    const manifest = openManifest(backupKey, trailer)
    const key = contentKey(backupKey)
    backupKey.fill(0)
    if (!(Number.isSafeInteger(manifest.dbLength) && manifest.dbLength > 0 && Number.isSafeInteger(manifest.walLength) && manifest.walLength >= 0 && bodyFor(manifest) === bodyLength)) throw new BackupError('damaged', 'lengths')

    extracted = true
    try {
      unsealBody(fd, key, manifest, job.extractTo, progress)
    } finally {
      key.fill(0)
    }

    // SQLite replays the log, then reads and authenticates every page (SQLCipher's per-page HMAC)
    // for the integrity check, on a fresh connection.
    progress({ phase: 'check', done: 0, total: 1 })
    const db = openKeyed(job.extractTo, manifest.dataKey, job.nativeBinding, false)
    try {
      // The check walks every index against its table: a larger cache (memory only, this connection
      // only) makes it about a third faster on a large archive.
      cacheKiB(db, 131072)
      let verdict: string[]
      try {
        verdict = integrityRows(db)
      } catch {
        throw new BackupError('damaged', 'pages')
      }
      if (verdict.length !== 1 || verdict[0] !== 'ok') throw new BackupError('damaged', 'integrity')
      const scan = countRows(db)
      if (scan.schemaVersion !== manifest.schemaVersion) throw new BackupError('damaged', 'schema')
      const names = Object.keys(manifest.tables)
      if (names.length !== Object.keys(scan.tables).length || names.some((n) => scan.tables[n] !== manifest.tables[n])) throw new BackupError('damaged', 'counts')
      // The audit trail must reach the head the manifest anchors (the newest event at the backup's moment).
      if (manifest.auditHead && !reachesHead(db, manifest.auditHead)) throw new BackupError('auditShortened', 'audit')
      // What a restore puts in place is one file: the log folded in.
      if (job.keep) checkpointTruncate(db)
    } finally {
      db.close()
    }
    progress({ phase: 'check', done: 1, total: 1 })
    const { dataKey, keyring, ...publicPart } = manifest
    let secretKey: Uint8Array | undefined
    if (job.keep) {
      const bytes = Buffer.from(dataKey, 'hex')
      secretKey = ownedCopy(bytes)
      bytes.fill(0)
    }
    return {
      manifest: publicPart,
      secrets: job.keep ? { dataKey: secretKey!, keyring } : undefined,
      bytes: size
    }
  } catch (err) {
    if (extracted) removeDatabaseFiles(job.extractTo)
    extracted = false
    throw err
  } finally {
    closeSync(fd)
    if (extracted && !job.keep) removeDatabaseFiles(job.extractTo)
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

export { deriveKek }
