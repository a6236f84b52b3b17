import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLoopback, type LoopbackServer } from '../../src/main/ipc/loopback'
import { contentSecurityPolicy } from '../../src/main/security/csp'
import { setupDesk, type TestDesk } from '../support/desk'

/**
 * The loopback transport is browser mode's only door: a page from another origin, a DNS-rebound
 * host name, a request without the per-run token, or garbage must all be turned away before the
 * router sees anything.
 */
let d: TestDesk
let srv: LoopbackServer
let rendererDir: string

beforeAll(async () => {
  d = setupDesk()
  rendererDir = join(d.dataDir, '..', 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(d.dataDir, '..', 'secret.txt'), 'outside the renderer folder')
  srv = await startLoopback(d.router, { rendererDir })
})
afterAll(async () => {
  await srv.close()
  d.cleanup()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function raw(opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

const good = () => ({
  Host: `127.0.0.1:${srv.port}`,
  Origin: srv.url,
  'Content-Type': 'application/json',
  'X-Desk-Token': srv.token
})
const rpc = (headers: Record<string, string>, body: string | Buffer = JSON.stringify({ method: 'desk.status', args: {} })) =>
  raw({ method: 'POST', path: '/rpc', headers, body })

describe('loopback transport', () => {
  it('answers a well-formed call from our own page', async () => {
    const r = await rpc(good())
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { state: 'unlocked' } })
  })

  it('refuses a wrong, missing or truncated token', async () => {
    for (const token of ['x'.repeat(srv.token.length), srv.token.slice(0, -1), `${srv.token}x`, '']) {
      const h: Record<string, string> = { ...good(), 'X-Desk-Token': token }
      if (!token) delete h['X-Desk-Token']
      expect((await rpc(h)).status, JSON.stringify(token.slice(0, 4))).toBe(403)
    }
  })

  it('refuses another origin, and a call with no Origin at all', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${srv.port}`, 'null', `http://127.0.0.1:${srv.port + 1}`]) {
      expect((await rpc({ ...good(), Origin: origin })).status, origin).toBe(403)
    }
    const { Origin: _o, ...noOrigin } = good()
    expect((await rpc(noOrigin)).status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding), for calls and pages alike', async () => {
    for (const host of ['evil.example', `evil.example:${srv.port}`, `localhost:${srv.port}`, '127.0.0.1']) {
      expect((await rpc({ ...good(), Host: host })).status, host).toBe(421)
      expect((await raw({ path: '/', headers: { Host: host } })).status, host).toBe(421)
    }
  })

  it('refuses bodies that are not JSON, with a clear code and no crash', async () => {
    expect((await rpc({ ...good(), 'Content-Type': 'text/plain' })).status).toBe(415)
    const bad = await rpc(good(), '{"method": "desk.status", ')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    for (const body of ['"desk.status"', 'null', '[]', '42', '{"args":{}}', '{"method":7}']) {
      const r = await rpc(good(), body)
      expect(r.status, body).toBe(400)
      expect(JSON.parse(r.body), body).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    }
    const unknown = await rpc(good(), '{"method":"fs.readFile","args":{}}')
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' })
  })

  it('refuses an oversize body (over 8 MB) without reading it into a call', async () => {
    const huge = JSON.stringify({ method: 'desk.status', args: { pad: 'x'.repeat(9 * 1024 * 1024) } })
    const r = await rpc(good(), huge)
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'BAD_ARGS' })
  })

  it('refuses methods other than POST on /rpc and other verbs on pages', async () => {
    expect((await raw({ method: 'PUT', path: '/rpc', headers: good() })).status).toBe(405)
    expect((await raw({ method: 'DELETE', path: '/', headers: { Host: good().Host } })).status).toBe(405)
  })

  it('needs the token for the event stream', async () => {
    expect((await raw({ path: '/events', headers: { Host: good().Host } })).status).toBe(403)
    expect((await raw({ path: '/events?token=wrong', headers: { Host: good().Host } })).status).toBe(403)
  })

  it('serves pages with the strict CSP header, and nothing outside the renderer folder', async () => {
    const page = await raw({ path: '/', headers: { Host: good().Host } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy({ connectSelf: true, pdfFrames: true }))
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['cache-control']).toBe('no-store')
    for (const p of ['/../secret.txt', '/..%2Fsecret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt']) {
      const r = await raw({ path: p, headers: { Host: good().Host } })
      expect(r.status, p).toBe(404)
      expect(r.body).not.toContain('outside')
    }
  })

  it('does not follow symbolic links out of the renderer folder', async () => {
    symlinkSync(join(d.dataDir, '..', 'secret.txt'), join(rendererDir, 'assets', 'link.js'))
    symlinkSync(join(d.dataDir, '..'), join(rendererDir, 'up'))
    for (const p of ['/assets/link.js', '/up/secret.txt']) {
      const r = await raw({ path: p, headers: { Host: good().Host } })
      expect(r.status, p).toBe(404)
      expect(r.body).not.toContain('outside')
    }
    // A link that stays inside the folder still works.
    symlinkSync(join(rendererDir, 'assets', 'app.js'), join(rendererDir, 'assets', 'alias.js'))
    expect((await raw({ path: '/assets/alias.js', headers: { Host: good().Host } })).status).toBe(200)
  })

  it('listens on 127.0.0.1 only: not on ::1, not on any other address of this machine', async () => {
    expect(srv.url).toBe(`http://127.0.0.1:${srv.port}`)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    for (const host of ['::1', ...others]) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect({ host, port: srv.port })
        s.setTimeout(2000, () => (s.destroy(), resolve(false)))
        s.on('connect', () => (s.destroy(), resolve(true)))
        s.on('error', () => resolve(false))
      })
      expect(ok, host).toBe(false)
    }
  })
})
