import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Router } from './router'
import { contentSecurityPolicy } from '../security/csp'
import { log } from '../log'

/**
 * The loopback transport: the same router as Electron's IPC, over HTTP on 127.0.0.1 only, so the
 * real renderer can run in a plain browser where Electron cannot. It refuses
 * - any request whose Host is not our 127.0.0.1:port (DNS rebinding),
 * - any cross-origin request (Origin must be ours),
 * - any call without the random per-run token (sent as a header, never in a URL after first load).
 * Static files come only from the built renderer folder.
 */
export interface LoopbackServer {
  url: string
  /**
   * The address to open, with a one-use opening token in the fragment (which never reaches a server
   * or a log). The page trades it for the call token at once; after that the address is dead, so the
   * copy a browser keeps in its History opens nothing. A fresh one is made for the next tab.
   */
  readonly openUrl: string
  /** The call token (header X-Desk-Token); never in an address. */
  token: string
  port: number
  close(): Promise<void>
}

const MAX_BODY = 8 * 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.otf': 'font/otf',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon'
}

export async function startLoopback(
  router: Router,
  opts: { rendererDir: string; port?: number; token?: string; onOpenUrl?: (openUrl: string) => void }
): Promise<LoopbackServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url')
  const tokenBuf = Buffer.from(token)
  let openToken = randomBytes(32).toString('base64url')
  const streams = new Set<ServerResponse>()
  let origin = ''
  let host = ''

  const offEvents = router.desk.onAny((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`
    for (const res of streams) {
      if (res.writableEnded || res.destroyed) streams.delete(res)
      else res.write(frame)
    }
  })

  const same = (given: string | undefined | null, expected: Buffer) => {
    if (!given) return false
    const buf = Buffer.from(given)
    return buf.length === expected.length && timingSafeEqual(buf, expected)
  }
  const tokenOk = (given: string | undefined | null) => same(given, tokenBuf)
  const openUrlFor = () => `${origin}/#token=${openToken}`

  const server: Server = createServer(async (req, res) => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      res.setHeader('Referrer-Policy', 'no-referrer')
      res.setHeader('Cache-Control', 'no-store')
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
      if (req.headers.host !== host) return deny(res, 421)
      const reqOrigin = req.headers.origin
      if (reqOrigin !== undefined && reqOrigin !== origin) return deny(res, 403)
      const url = new URL(req.url ?? '/', origin)

      if (url.pathname === '/rpc' && req.method === 'POST') {
        if (reqOrigin !== origin || !tokenOk(req.headers['x-desk-token'] as string)) return deny(res, 403)
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(res, 415)
        const body = await readBody(req).catch(() => undefined)
        if (body === undefined) {
          res.destroy() // the client went away mid-body
          return
        }
        if (body === null) return send(res, 413, { ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.tooLong' })
        let msg: unknown
        try {
          msg = JSON.parse(body)
        } catch {
          return send(res, 400, { ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.invalid' })
        }
        // The envelope must be { method: string, args?: … }; anything else never reaches the router.
        if (typeof msg !== 'object' || msg === null || Array.isArray(msg) || typeof (msg as { method?: unknown }).method !== 'string') {
          return send(res, 400, { ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.invalid' })
        }
        const { method, args } = msg as { method: string; args?: unknown }
        const result = await router.invoke(method, args)
        return send(res, 200, result)
      }

      if (url.pathname === '/open' && req.method === 'POST') {
        // The page trades the address's one-use token for the call token; the address then opens nothing.
        if (reqOrigin !== origin || !same(req.headers['x-desk-open'] as string, Buffer.from(openToken))) return deny(res, 403)
        openToken = randomBytes(32).toString('base64url')
        send(res, 200, { token })
        opts.onOpenUrl?.(openUrlFor())
        return
      }

      if (url.pathname === '/events' && req.method === 'GET') {
        // EventSource cannot send headers: the token comes as a query parameter on this one route.
        if (!tokenOk(url.searchParams.get('token'))) return deny(res, 403)
        res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' })
        res.write(': connected\n\n')
        streams.add(res)
        res.on('error', () => streams.delete(res))
        req.on('close', () => streams.delete(res))
        return
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405)
      // Awaited: a failure inside must reach the catch below, never become an unhandled rejection.
      return await serveStatic(opts.rendererDir, url.pathname, res)
    } catch (err) {
      log.error('loopback.error', { error: err instanceof Error ? err.name : 'unknown' })
      try {
        if (!res.headersSent) deny(res, 500)
        else res.end()
      } catch {
        res.destroy()
      }
    }
  })
  // A broken connection, a malformed request line or headers: answer 400 (Node's default) and
  // never let an error on one socket reach the process.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  // Slow clients cannot hold a connection open forever (the event stream is exempt: it has no body).
  server.headersTimeout = 20_000
  server.requestTimeout = 60_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  host = `127.0.0.1:${port}`
  origin = `http://${host}`

  return {
    url: origin,
    get openUrl() {
      return openUrlFor()
    },
    token,
    port,
    async close() {
      offEvents()
      for (const res of streams) res.end()
      streams.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function deny(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Type': 'text/plain' })
  res.end(String(status))
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(value))
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooBig = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) tooBig = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
    // A client that disconnects mid-body never sends 'end': settle here instead of waiting forever.
    req.on('close', () => reject(new Error('closed')))
  })
}

/** Percent-decoding that answers null for malformed input (`%ff`, `%`, `%c0`) instead of throwing. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

async function serveStatic(root: string, pathname: string, res: ServerResponse): Promise<void> {
  let rel = decodePath(pathname)
  if (rel === null || rel.includes('\0')) return deny(res, 400)
  if (rel === '/' || rel === '') rel = '/index.html'
  let file = normalize(join(root, rel))
  if (!file.startsWith(normalize(root) + sep)) return deny(res, 404)
  try {
    // Symbolic links are resolved, and what they point to must still be inside the renderer folder.
    const realRoot = await realpath(root)
    file = await realpath(file)
    if (!file.startsWith(realRoot + sep)) return deny(res, 404)
    const st = await stat(file)
    if (!st.isFile()) return deny(res, 404)
  } catch {
    return deny(res, 404)
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const headers: Record<string, string> = { 'Content-Type': type }
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy({ connectSelf: true, pdfFrames: true })
  res.writeHead(200, headers)
  res.end(await readFile(file))
}
