import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { callToken, killed, readLines, spawnTs, ROOT } from './children/spawn'
import { tempDir } from '../support/desk'

/**
 * Browser mode's HTTP layer must answer every request, whatever its bytes, and keep running: one
 * malformed request from any local process or any page in a browser must not end the desk.
 * The server runs as it does for a user (src/main/browser-mode.ts in its own process), so a crash
 * is seen as the process exiting, not hidden by the test runner.
 */
let child: ChildProcess
let port = 0
let token = ''
let origin = ''
let tmp: ReturnType<typeof tempDir>

beforeAll(async () => {
  tmp = tempDir('desk-fuzz-')
  const renderer = join(tmp.dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  child = spawnTs(
    join(ROOT, 'src/main/browser-mode.ts'),
    ['--data-dir', join(tmp.dir, 'data'), '--renderer-dir', renderer, '--json'],
    { DESK_TEST_KDF: '1' }
  )
  const [line] = await readLines(child, (l) => l.startsWith('{'))
  const { url, openUrl } = JSON.parse(line!) as { url: string; openUrl: string }
  origin = url
  port = Number(new URL(url).port)
  token = await callToken(url, openUrl)
}, 60_000)

afterAll(async () => {
  if (child) await killed(child)
  tmp?.cleanup()
})

/** Send raw bytes on a fresh connection; resolve with whatever came back when the server closes or after `waitMs`. */
function send(bytes: string | Buffer, opts: { waitMs?: number; thenDestroy?: boolean } = {}): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port })
    let got = ''
    let done = false
    const finish = () => {
      if (done) return
      done = true
      s.destroy()
      resolve(got)
    }
    s.on('data', (c) => (got += c.toString('latin1')))
    s.on('end', finish)
    s.on('close', finish)
    s.on('error', finish)
    s.on('connect', () => {
      s.write(bytes)
      if (opts.thenDestroy) return finish()
    })
    setTimeout(finish, opts.waitMs ?? 3000)
  })
}

const status = (reply: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply)?.[1] ?? 0)
const host = () => `127.0.0.1:${port}`

/** The desk still answers a proper call: the process is alive and its router works. */
async function stillAnswers(): Promise<void> {
  expect(child.exitCode, 'browser mode exited').toBeNull()
  const body = JSON.stringify({ method: 'desk.status', args: {} })
  const reply = await send(
    `POST /rpc HTTP/1.1\r\nHost: ${host()}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nX-Desk-Token: ${token}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  )
  expect(status(reply), reply.slice(0, 200)).toBe(200)
  expect(reply).toContain('"ok":true')
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

describe('browser mode survives any request', () => {
  it('answers malformed percent-encodings in paths with 4xx and keeps running (the reported crash: GET /%ff)', async () => {
    const paths = ['/%ff', '/%', '/%c0', '/assets/%c0', '/%e0%80', '/%%', '/%zz', '/%ed%a0%80', '/%00', '/assets/%00.js', '/index.html%00']
    for (const p of paths) {
      const reply = await send(`GET ${p} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`)
      expect(status(reply), p).toBeGreaterThanOrEqual(400)
      expect(status(reply), p).toBeLessThan(500)
      await stillAnswers()
    }
  })

  it('answers random request paths, methods and headers, then still answers', async () => {
    const next = rng(20261205)
    const pick = <T,>(xs: T[]) => xs[Math.floor(next() * xs.length)]!
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'FOO', 'get', 'G\u00e9T']
    const pieces = ['/', '%', '%ff', '%c0%af', '..', '%2e%2e', '%2f', '\\', 'rpc', 'events', 'assets', 'index.html', '?', '#', '&token=', ';', '%00', '\u00ff', '//', '~', 'a'.repeat(300)]
    const hosts = [host(), 'evil.example', '', '127.0.0.1', `127.0.0.1:${port}\u0000`, 'a'.repeat(2000)]
    let answered = 0
    for (let i = 0; i < 300; i++) {
      let path = '/'
      const n = 1 + Math.floor(next() * 6)
      for (let j = 0; j < n; j++) path += pick(pieces)
      const headers = [`Host: ${pick(hosts)}`]
      if (next() < 0.5) headers.push(`Origin: ${pick([origin, 'null', 'http://evil.example', '%ff'])}`)
      if (next() < 0.3) headers.push(`X-Desk-Token: ${pick([token, '', '%ff', 'x'.repeat(64)])}`)
      if (next() < 0.3) headers.push(`Content-Type: ${pick(['application/json', 'text/plain', 'application/json; charset=%ff'])}`)
      if (next() < 0.2) headers.push(`Content-Length: ${pick(['0', '-1', 'abc', '99999999999999999999', '5'])}`)
      if (next() < 0.1) headers.push('Transfer-Encoding: chunked')
      const body = pick(['', '{', '{"method":"desk.status"}', '\u0000\u00ff', 'null'])
      const reply = await send(Buffer.from(`${pick(methods)} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`, 'latin1'), {
        waitMs: 1500
      })
      if (status(reply)) answered++
      if (i % 50 === 49) await stillAnswers()
    }
    // Almost every request gets an answer (a few wait for a body that never comes and time out here).
    expect(answered).toBeGreaterThan(200)
    await stillAnswers()
  }, 240_000)

  it('answers malformed request lines and headers, and garbage bytes', async () => {
    const junk = [
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nBad Header\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nX: ${'y'.repeat(20_000)}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: ${host()}\r\nHost: evil.example\r\n\r\n`,
      `GET /\u0000 HTTP/1.1\r\nHost: ${host()}\r\n\r\n`,
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00]).toString('latin1'), // a TLS hello
      'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
      `POST /rpc HTTP/1.1\r\nHost: ${host()}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `POST /rpc HTTP/1.1\r\nHost: ${host()}\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`
    ]
    for (const j of junk) {
      await send(Buffer.from(j, 'latin1'), { waitMs: 1500 })
      await stillAnswers()
    }
  }, 60_000)

  it('survives bodies that are huge, malformed or cut off, with or without the token', async () => {
    const head = (len: number | string, withToken = true) =>
      `POST /rpc HTTP/1.1\r\nHost: ${host()}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\n` +
      (withToken ? `X-Desk-Token: ${token}\r\n` : '') +
      `Content-Length: ${len}\r\nConnection: close\r\n\r\n`
    // Over 8 MB with the token: refused as too long.
    const big = Buffer.alloc(9 * 1024 * 1024, 0x61)
    const reply = await send(Buffer.concat([Buffer.from(head(big.length)), big]), { waitMs: 20_000 })
    expect(status(reply)).toBe(413)
    await stillAnswers()
    // Invalid UTF-8 and deep nesting.
    for (const body of [Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('['.repeat(100_000)), Buffer.from(`{"method":"desk.status","args":${'['.repeat(5000)}}`)]) {
      const r = await send(Buffer.concat([Buffer.from(head(body.length)), body]))
      expect(status(r)).toBe(400)
      await stillAnswers()
    }
    // A body cut off: the client promises 1000 bytes, sends 10 and goes away.
    for (let i = 0; i < 20; i++) await send(head(1000) + '{"method":', { thenDestroy: true })
    await stillAnswers()
    // Without the token, whatever the body: 403.
    expect(status(await send(head(2, false) + '{}'))).toBe(403)
    await stillAnswers()
  }, 120_000)

  it('slow and idle clients do not stop others from being answered', async () => {
    const sockets = Array.from({ length: 40 }, () => {
      const s = connect({ host: '127.0.0.1', port })
      s.on('error', () => {})
      s.on('connect', () => s.write(`GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Slow: `)) // headers never finish
      return s
    })
    const events = Array.from({ length: 10 }, () => send(`GET /events?token=${token} HTTP/1.1\r\nHost: ${host()}\r\n\r\n`, { waitMs: 500 }))
    await stillAnswers()
    await Promise.all(events)
    for (const s of sockets) s.destroy()
    await stillAnswers()
  }, 60_000)
})
