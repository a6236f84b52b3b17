import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { createRouter } from '../../src/main/ipc/router'
import * as session from '../../src/main/session/service'
import { setupDesk, SUPERVISOR, tempDir, type TestDesk } from '../support/desk'
import { callToken, killed, readLines, ROOT, spawnTs } from './children/spawn'

/**
 * No leaks: a marker planted in records never shows up in log lines, in error results sent to the
 * renderer, or in any file outside the (encrypted) database — also when calls on that record fail.
 * And a wrong passphrase changes no byte of any file in the data folder.
 */
const MARKER = `MARK${randomBytes(4).toString('hex')}鬱`
const t = tempDir('desk-leaks-')
afterAll(() => t.cleanup())

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir)) {
    const p = join(dir, f)
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex')
  }
  return out
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
}

function contains(buf: Buffer | string, s: string): boolean {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf)
  return b.includes(Buffer.from(s, 'utf8')) || b.includes(Buffer.from(s, 'utf16le')) || b.includes(Buffer.from(s.slice(0, 12), 'utf8'))
}

describe('browser mode with the marker in its records', () => {
  let child: ChildProcess
  let base: { url: string; token: string; port: number }
  let stderr = ''
  const dataDir = join(t.dir, 'data')
  const errors: unknown[] = []

  function rpc(method: string, args: unknown): Promise<{ ok: boolean; code?: string; value?: unknown }> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ method, args })
      const req = request(
        {
          host: '127.0.0.1',
          port: base.port,
          method: 'POST',
          path: '/rpc',
          headers: { Origin: base.url, 'Content-Type': 'application/json', 'X-Desk-Token': base.token }
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (c) => (text += c))
          res.on('end', () => {
            const r = JSON.parse(text)
            if (!r.ok) errors.push(r)
            resolve(r)
          })
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  }

  beforeAll(async () => {
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>')
    // Logging on (not silenced): every line the desk would write goes to this stderr.
    child = spawnTs(join(ROOT, 'src/main/browser-mode.ts'), ['--data-dir', dataDir, '--renderer-dir', rendererDir, '--json'], {
      DESK_LOG: '',
      DESK_TEST_KDF: '1',
      VITEST: ''
    })
    child.stderr!.on('data', (c) => (stderr += c))
    const [line] = await readLines(child, () => true)
    const { url, openUrl } = JSON.parse(line) as { url: string; openUrl: string }
    base = { url, token: await callToken(url, openUrl), port: Number(new URL(url).port) }
  })
  afterAll(async () => {
    await killed(child)
  })

  it('plants the marker and provokes failures on those records', async () => {
    const pass = 'correct horse battery staple'
    expect((await rpc('desk.setup', { displayName: `督导${MARKER}`, loginName: 'chen', passphrase: pass, locale: 'zh-CN' })).ok).toBe(true)
    expect((await rpc('users.add', { displayName: `社工${MARKER}`, loginName: 'li', passphrase: 'violet river lantern morning', role: 'worker' })).ok).toBe(true)
    // Failures on the same records: duplicate login, weak passphrase quoting the marker, bad args carrying it.
    await rpc('users.add', { displayName: `社工${MARKER}`, loginName: 'li', passphrase: 'violet river lantern morning', role: 'worker' })
    await rpc('users.add', { displayName: `X${MARKER}`, loginName: `x${MARKER}`, passphrase: MARKER, role: 'worker' })
    await rpc('users.add', { displayName: `${MARKER}\u0001`, loginName: 'y', passphrase: 'violet river lantern morning', role: 'worker' })
    await rpc('users.add', { displayName: `${MARKER}\uD800`, loginName: 'z', passphrase: 'violet river lantern morning', role: 'worker' })
    await rpc('passphrase.check', { passphrase: MARKER, context: [MARKER] })
    // Cases (when the feature is there): a record with the marker, then failing updates of it.
    const created = await rpc('cases.create', { partyKind: 'person', name: `王${MARKER}`, phone: '13800138000', demands: `诉求${MARKER}` })
    expect(created.ok, JSON.stringify(created)).toBe(true)
    if (created.ok) {
      const id = (created.value as { id: number }).id
      await rpc('cases.update', { id, patch: { name: `${MARKER}\u0000` } })
      await rpc('cases.update', { id, patch: { name: MARKER.repeat(20_000) } })
      await rpc('cases.update', { id: id + 1000, patch: { name: MARKER } })
      await rpc('cases.get', { id: id + 1000 })
    }
    // Lock, then a wrong passphrase and an unknown login carrying the marker.
    await rpc('session.lock', {})
    await rpc('session.login', { loginName: 'chen', passphrase: `wrong ${MARKER}` })
    await rpc('session.login', { loginName: MARKER, passphrase: MARKER })
    await rpc('session.recover', { recoveryKey: MARKER })
    expect((await rpc('session.login', { loginName: 'chen', passphrase: pass })).ok).toBe(true)
    await rpc('users.list', {})
    expect(errors.length).toBeGreaterThan(5)
  })

  it('no error result sent to the renderer quotes the marker', () => {
    for (const e of errors) expect(JSON.stringify(e)).not.toContain(MARKER.slice(0, 12))
  })

  it('no log line carries the marker (and logging was on)', async () => {
    await new Promise((r) => setTimeout(r, 200))
    expect(stderr).toContain('browser.started')
    expect(contains(stderr, MARKER)).toBe(false)
  })

  it('no file outside the database holds the marker (and the database itself is ciphertext)', () => {
    const files = [...allFiles(dataDir), ...allFiles(`${dataDir}.state`)]
    expect(files.length).toBeGreaterThan(1)
    for (const f of files) expect(contains(readFileSync(f), MARKER), f).toBe(false)
  })
})

describe('errors inside handlers', () => {
  let d: TestDesk
  beforeAll(() => (d = setupDesk()))
  afterAll(() => d.cleanup())

  it('a bug whose message quotes a record reaches neither the result nor the log', async () => {
    const lines: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    process.stderr.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stderr.write
    try {
      const router = createRouter(d.desk, [
        {
          'desk.status': () => {
            throw new Error(`cannot format ${MARKER} at row 3`)
          },
          'session.current': () => {
            throw Object.assign(new TypeError(MARKER), { code: MARKER })
          }
        }
      ])
      const r1 = await router.invoke('desk.status', {})
      const r2 = await router.invoke('session.current', {})
      expect(r1).toEqual({ ok: false, code: 'INTERNAL', messageKey: 'errors:internal' })
      expect(r2).toEqual({ ok: false, code: 'INTERNAL', messageKey: 'errors:internal' })
    } finally {
      process.stderr.write = write
    }
    expect(lines.join('')).toContain('ipc.internal')
    expect(contains(lines.join(''), MARKER)).toBe(false)
  })
})

describe('a wrong passphrase', () => {
  it('leaves every file in the data folder byte-for-byte unchanged', async () => {
    const d = setupDesk()
    try {
      session.lock(d.desk, 'user')
      const before = hashes(d.dataDir)
      expect(Object.keys(before)).toEqual(expect.arrayContaining(['desk.db', 'keyring.json']))
      for (let i = 0; i < 3; i++) {
        const r = await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: `wrong ${i} ${MARKER}` })
        expect(r.ok).toBe(false)
      }
      await d.router.invoke('session.login', { loginName: 'nobody', passphrase: 'whatever it is' })
      await d.router.invoke('session.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })
      expect(hashes(d.dataDir)).toEqual(before)
    } finally {
      d.cleanup()
    }
  })
})
