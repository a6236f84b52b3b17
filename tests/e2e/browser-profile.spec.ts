import { chromium } from '@playwright/test'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, startDesk, rpc, loadStrings } from './fixtures'

/**
 * Browser mode in a browser profile that persists, as a person's own browser does: after a
 * registration and an interview typed through the screens, nothing the petitioner said — name,
 * phone, the demand text — is in any file of the profile (autofill's Web Data, form history,
 * session-restore files, caches); the address it was opened with opens nothing any more.
 */
const NAME = '欧阳轻澜'
const PHONE = '13719283746'
const DEMAND = '有轻生念头，要求补发拖欠的工资'

function files(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...files(p))
    else if (e.isFile()) out.push(p)
  }
  return out
}

/** Where `needle` appears in UTF-8 or UTF-16 in any file of `dir`. */
function hits(dir: string, needles: string[]): string[] {
  const found: string[] = []
  for (const f of files(dir)) {
    let buf: Buffer
    try {
      if (statSync(f).size > 64 * 1024 * 1024) continue
      buf = readFileSync(f)
    } catch {
      continue
    }
    for (const n of needles) {
      if (buf.includes(Buffer.from(n, 'utf8')) || buf.includes(Buffer.from(n, 'utf16le'))) found.push(`${n.slice(0, 6)}… in ${f.slice(dir.length)}`)
    }
  }
  return found
}

test('after a registration and an interview, the browser profile holds no name, phone or demand text', async () => {
  const desk = await startDesk()
  const profile = mkdtempSync(join(tmpdir(), 'desk-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.DESK_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--lang=zh-CN'],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN'
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(desk.openUrl)
    await page.waitForLoadState('networkidle')
    await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' })
    await page.reload()
    await expect(page.locator('.shell')).toBeVisible()

    // Registration typed through the screen: name, phone, matter.
    const cs = loadStrings('zh-CN', 'cases')
    await page.keyboard.press('Alt+2')
    await expect(page.getByRole('heading', { name: cs.new.title })).toBeVisible()
    await page.getByLabel(`${cs.fields.name} *`).pressSequentially(NAME)
    await page.getByLabel(cs.fields.phone).pressSequentially(PHONE)
    await page.getByLabel(cs.fields.summary, { exact: true }).pressSequentially(DEMAND)
    await page.getByRole('button', { name: new RegExp(cs.new.save) }).click()
    await expect(page.getByRole('heading', { name: new RegExp(NAME) })).toBeVisible()

    // An interview for a walk-in: the name, then the demand in the 5W1H panel.
    const iv = loadStrings('zh-CN', 'interview')
    await page.keyboard.press('Control+Shift+N')
    await expect(page.getByRole('heading', { name: iv.start.title })).toBeVisible()
    await page.getByLabel(iv.start.name).pressSequentially(NAME)
    await page.getByLabel(iv.start.name).press('Enter')
    await expect(page.getByTestId('interview')).toBeVisible()
    await page.keyboard.press('F3')
    await page.locator('[data-field="surfaceDemand"]').pressSequentially(DEMAND)
    await page.locator('[data-field="wWho"]').pressSequentially(`${NAME} ${PHONE}`)
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 })

    // Move about (what a browser treats as form submissions and navigations), then reload.
    await page.keyboard.press('Alt+1')
    await page.waitForTimeout(500)
    await page.reload()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1500)
    await context.close()

    expect(hits(profile, [NAME, PHONE, DEMAND, '有轻生念头'])).toEqual([])
    // The address that was opened does stay in a persistent profile (History, Sessions, Top Sites),
    // but its token opened one tab only: while the desk still runs, it opens nothing and calls nothing.
    const used = new URL(desk.openUrl).hash.slice('#token='.length)
    const probe = await chromium.launch({ executablePath: process.env.DESK_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
    try {
      const p2 = await probe.newPage()
      await p2.goto(`${desk.url}/#token=${used}`)
      await expect(p2.getByRole('alert')).toBeVisible()
      const status = await p2.evaluate(async (t) => (await fetch('/open', { method: 'POST', headers: { 'X-Desk-Open': t } })).status, used)
      expect(status).toBe(403)
      const call = await p2.evaluate(async (t) => (await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Desk-Token': t }, body: '{"method":"desk.status"}' })).status, used)
      expect(call).toBe(403)
    } finally {
      await probe.close()
    }
  } finally {
    await context.close().catch(() => {})
    rmSync(profile, { recursive: true, force: true })
    await desk.stop()
  }
})
