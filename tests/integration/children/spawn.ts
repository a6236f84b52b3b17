import { spawn, type ChildProcess } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'

export const ROOT = resolve(__dirname, '../../..')
// tsx's loader in THIS process (not tsx's CLI, which runs the script in a grandchild that a
// SIGKILL of the child would leave running).
const TSX_LOADER = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')

/** Run a TypeScript file of this repo in a child Node process (through tsx, with our tsconfig). */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, file, ...args], {
    cwd: ROOT,
    env: { ...process.env, DESK_LOG: 'silent', TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** Collect stdout lines; resolve when `until` matches a line (or reject when the child exits first). */
export function readLines(child: ChildProcess, until: (line: string, all: string[]) => boolean): Promise<string[]> {
  const lines: string[] = []
  let stderr = ''
  child.stderr?.on('data', (c) => (stderr += c))
  return new Promise((res, rej) => {
    const rl = createInterface({ input: child.stdout! })
    rl.on('line', (l) => {
      lines.push(l)
      if (until(l, lines)) res(lines)
    })
    child.once('exit', (code, signal) => rej(new Error(`child exited (${code ?? signal}) before it was ready: ${stderr.slice(-1500)}`)))
  })
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res()
    child.once('exit', () => res())
    child.kill('SIGKILL')
  })
}

/** Trade browser mode's one-use opening address for its call token, as the page does. */
export function callToken(url: string, openUrl: string): Promise<string> {
  const openToken = new URL(openUrl).hash.slice('#token='.length)
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/open`, { method: 'POST', headers: { Origin: url, 'X-Desk-Open': openToken } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => (res.statusCode === 200 ? resolve((JSON.parse(body) as { token: string }).token) : reject(new Error(`open: ${res.statusCode}`))))
    })
    req.on('error', reject)
    req.end()
  })
}
