import { _electron as electron, test, expect, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { electronStatus } from '../../scripts/electron-detect.mjs'
import { ROOT, shot } from './fixtures'

/**
 * The first-run flow in the real Electron window, plus what only Electron can show: the page has
 * no Node, window.desk is exactly the contract, navigation and new windows are refused.
 * Runs where Electron's binary exists (and `npm start` has built the Electron-ABI SQLCipher
 * module); elsewhere it is reported as NOT RUN with the reason in its title.
 */
const status = electronStatus({ pkgDir: join(ROOT, 'node_modules', 'electron') })
const native = join(ROOT, 'build', 'electron-native', 'better_sqlite3.node')
const notRun = !status.available
  ? `Electron binary not available on this machine (${status.reason})`
  : !existsSync(native)
    ? 'SQLCipher not built for Electron yet (run npm start once)'
    : null
const title = (t: string) => (notRun ? `${t} — NOT RUN: ${notRun}` : t)

test.describe('Electron window', () => {
  // Skipped with its reason where the Electron binary cannot be obtained (see notRun above).
  test.skip(notRun !== null, notRun ?? '')

  let app: ElectronApplication
  let page: Page
  let root: string
  test.beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'desk-electron-'))
    app = await electron.launch({
      executablePath: status.available ? status.bin : undefined,
      args: [ROOT],
      env: { ...process.env, DESK_DATA_DIR: join(root, 'data'), NODE_ENV: 'production', DESK_LOG: 'silent' }
    })
    page = await app.firstWindow()
    await page.setViewportSize({ width: 1366, height: 768 })
  })
  test.afterEach(async () => {
    await app?.close()
    rmSync(root, { recursive: true, force: true })
  })

  test(title('first run: create the supervisor, keep the recovery key, reach the desk'), async () => {
    await expect(page.getByRole('heading', { name: '首次设置接待台' })).toBeVisible()
    await page.getByLabel('姓名（显示名）').fill('陈督导')
    await page.getByLabel('登录名').fill('chen')
    await page.getByLabel('设置密码').fill('river lantern autumn violet')
    await page.getByLabel('再输入一次密码').fill('river lantern autumn violet')
    await shot(page, 'electron-setup-zh')
    await page.getByRole('button', { name: '创建督导账号' }).click()
    await expect(page.getByTestId('recovery-key')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    await page.getByLabel('我已经抄写或打印好恢复密钥').check()
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page.getByRole('heading', { name: '陈督导，您好' })).toBeVisible()
    await shot(page, 'electron-today-zh')
  })

  test(title('the page has no Node, window.desk is exactly the contract, and it cannot leave the app'), async () => {
    const probe = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      deskKeys: Object.keys((window as unknown as { desk: object }).desk).sort(),
      opened: window.open('https://example.com/') === null,
      origin: location.origin
    }))
    expect(probe).toEqual({ require: 'undefined', process: 'undefined', deskKeys: ['invoke', 'on'], opened: true, origin: 'app://desk' })
    await page.evaluate(() => (location.href = 'https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url()).toMatch(/^app:\/\/desk\//)
    expect(app.windows()).toHaveLength(1)
  })
})
