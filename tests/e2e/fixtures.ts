import { test as base, chromium, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export const ROOT = resolve(__dirname, '../..')
export const SHOTS = join(ROOT, 'test-results', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

const CHROMIUM = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium'

export interface DeskServer {
  url: string
  openUrl: string
  dataDir: string
  proc: ChildProcess
  stop(): Promise<void>
}

/** Start browser mode (the built app: out/main/browser.js) on a fresh data folder. */
export async function startDesk(dataDir?: string): Promise<DeskServer> {
  const root = dataDir ? null : mkdtempSync(join(tmpdir(), 'desk-e2e-'))
  const dir = dataDir ?? join(root!, 'data')
  const proc = spawn(process.execPath, [join(ROOT, process.env.DESK_OUT ?? 'out', 'main/browser.js'), '--data-dir', dir, '--json'], {
    env: { ...process.env, DESK_LOG: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const line = await new Promise<string>((res, rej) => {
    const rl = createInterface({ input: proc.stdout! })
    rl.once('line', res)
    proc.once('exit', (code) => rej(new Error(`browser mode exited with ${code}`)))
  })
  const { url, openUrl } = JSON.parse(line) as { url: string; openUrl: string }
  return {
    url,
    openUrl,
    dataDir: dir,
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM')
        await new Promise((r) => proc.once('exit', r))
      }
      if (root) rmSync(root, { recursive: true, force: true })
    }
  }
}

/** The service dies as in a power cut (SIGKILL: no shutdown, no flush) and starts again on the same folder. */
export async function killAndRestart(d: DeskServer): Promise<DeskServer> {
  if (d.proc.exitCode === null && d.proc.signalCode === null) {
    const gone = new Promise((r) => d.proc.once('exit', r))
    d.proc.kill('SIGKILL')
    await gone
  }
  return startDesk(d.dataDir)
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN'
    ]
  })
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
}

type Fixtures = { desk: DeskServer; page: Page }
type WorkerFixtures = { browserInstance: Browser }

/** Each test gets a fresh desk (its own data folder) and a page already open on it. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  browserInstance: [
    async ({}, use) => {
      const b = await launchChromium()
      await use(b)
      await b.close()
    },
    { scope: 'worker' }
  ],
  desk: async ({}, use) => {
    const d = await startDesk()
    await use(d)
    await d.stop()
  },
  page: async ({ browserInstance, desk }, use) => {
    const context = await browserInstance.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(desk.openUrl)
    await use(page)
    await context.close()
  }
})
export { expect } from '@playwright/test'

/** A call straight to the desk, as the page's own client makes it (token from the page's session storage). */
export async function rpcResult(page: Page, method: string, args: unknown = {}): Promise<{ ok: boolean; value?: any; code?: string; messageKey?: string }> {
  // The page trades the address's one-use token for the call token as it loads.
  await page.waitForFunction(() => !!sessionStorage.getItem('desk.token'))
  return page.evaluate(
    async ([m, a]) => {
      const token = sessionStorage.getItem('desk.token') ?? ''
      const res = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
        body: JSON.stringify({ method: m, args: a })
      })
      return res.json()
    },
    [method, args] as const
  )
}

/** As rpcResult, but the value — a refused call fails the test with its code. */
export async function rpc<T = any>(page: Page, method: string, args: unknown = {}): Promise<T> {
  const r = await rpcResult(page, method, args)
  if (!r.ok) throw new Error(`${method}: ${r.code} ${r.messageKey}`)
  return r.value as T
}

/** A namespace of the locale files, so a spec runs the same steps in both languages. */
export const loadStrings = (lang: string, ns: string) =>
  JSON.parse(readFileSync(join(ROOT, 'src/shared/i18n/locales', lang, `${ns}.json`), 'utf8'))
