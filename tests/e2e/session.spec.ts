import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, shot, ROOT, startDesk, rpcResult as rpc } from './fixtures'

/**
 * The session feature end to end, in browser mode on a real encrypted desk (real scrypt cost):
 * first run → recovery key → login → add a worker → switch language → lock by key → unlock, once
 * in each UI language; plus the wrong-passphrase message and throttle, recovery by key, and a
 * worker who cannot see accounts. Labels come from the locale files, so both languages run the
 * same steps; a few literal strings check the files themselves.
 */
type Lang = 'zh-CN' | 'yue-HK'
const LANGS: Lang[] = ['zh-CN', 'yue-HK']
const other = (l: Lang): Lang => (l === 'zh-CN' ? 'yue-HK' : 'zh-CN')

function strings(lang: Lang) {
  const load = (ns: string) => JSON.parse(readFileSync(join(ROOT, 'src/shared/i18n/locales', lang, `${ns}.json`), 'utf8'))
  const session = load('session')
  const common = load('common')
  const errors = load('errors')
  return { session, common, errors }
}

const SUP = { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet' }
const WORKER = { displayName: '李𠮶堃', loginName: 'li', passphrase: 'quiet harbour morning tide' }


/** Resolves when the desk has answered a login call (the form clears the passphrase after it). */
const loginAnswered = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('/rpc') && (r.request().postData() ?? '').includes('"session.login"'))

/** Set up a desk with a supervisor and a worker through the API, then show the login screen. */
async function preparedDesk(page: Page): Promise<string> {
  await expect(page.locator('#setup-display')).toBeVisible()
  const setup = await rpc(page, 'desk.setup', { ...SUP, locale: 'zh-CN' })
  expect(setup.ok).toBe(true)
  expect((await rpc(page, 'users.add', { ...WORKER, role: 'worker' })).ok).toBe(true)
  expect((await rpc(page, 'session.logout')).ok).toBe(true)
  await page.reload()
  return setup.value.recoveryKey as string
}

for (const lang of LANGS) {
  test(`first run to lock and unlock, in ${lang}`, async ({ page }) => {
    const s = strings(lang)
    const o = strings(other(lang))

    // First run, with the language picked before anyone exists
    await expect(page.getByRole('heading', { name: strings('zh-CN').session.setup.title })).toBeVisible()
    await page.getByLabel(strings('zh-CN').common.language.label).selectOption(lang)
    await expect(page.getByRole('heading', { name: s.session.setup.title })).toBeVisible()
    await page.getByLabel(s.session.fields.displayName).fill(SUP.displayName)
    await page.getByLabel(s.session.fields.loginName).fill(SUP.loginName)
    await page.getByLabel(s.session.fields.orgName).fill('广州市某区信访局社工服务站')
    await page.getByLabel(s.session.passphrase.new).fill('password1')
    await expect(page.getByText(s.errors.passphrase.common)).toBeVisible()
    await page.getByLabel(s.session.passphrase.new).fill(SUP.passphrase)
    await page.getByLabel(s.session.passphrase.confirm).fill(SUP.passphrase)
    await expect(page.getByText(s.session.passphrase.score['4'])).toBeVisible()
    await shot(page, `session-setup-${lang}`)
    await page.getByRole('button', { name: s.session.setup.submit }).click()

    // The recovery key, once, and its printable sheet
    const key = page.getByTestId('recovery-key')
    await expect(key).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    const recoveryKey = (await key.textContent())!
    await shot(page, `session-recovery-key-${lang}`)
    await page.getByRole('button', { name: s.session.recovery.printSheet }).click()
    await expect(page.getByTestId('sheet-key')).toHaveText(recoveryKey.replace(/-/g, ''))
    await expect(page.getByText('广州市某区信访局社工服务站')).toBeVisible()
    await shot(page, `session-recovery-sheet-${lang}`)
    // the same sheet as a PDF, made in memory and handed to the browser as a download
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: s.session.sheet.pdf }).click()])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${s.session.sheet.fileName}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`))
    const pdf = readFileSync((await download.path())!)
    await download.delete()
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '')
    expect(text).toContain(recoveryKey.replace(/-/g, ''))
    expect(text).toContain('广州市某区信访局社工服务站')
    expect(text).not.toContain(SUP.displayName)
    await page.getByRole('button', { name: s.common.actions.back }).click()
    await page.getByLabel(s.session.recovery.kept).check()
    await page.getByRole('button', { name: s.session.recovery.continue }).click()
    const who = page.getByRole('button', { name: new RegExp(SUP.displayName) })
    await expect(who).toBeVisible()

    // Log out to the login screen (lock, switch user) and log in by name
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { name: s.session.lock.title })).toBeVisible()
    await page.getByRole('button', { name: s.session.lock.switchUser }).click()
    await expect(page.getByRole('heading', { name: s.session.login.title })).toBeVisible()
    await page.getByLabel(s.session.fields.loginName).fill(SUP.loginName)
    await page.getByLabel(s.session.fields.passphrase, { exact: true }).fill(SUP.passphrase)
    await shot(page, `session-login-${lang}`)
    await page.getByRole('button', { name: s.session.login.submit, exact: true }).click()
    await expect(who).toBeVisible()

    // Add a worker
    await page.getByRole('button', { name: s.common.nav.accounts }).click()
    await expect(page.getByRole('heading', { name: s.session.accounts.title })).toBeVisible()
    await page.locator('#new-display').fill(WORKER.displayName)
    await page.locator('#new-login').fill(WORKER.loginName)
    await page.getByLabel(s.session.passphrase.new).fill(WORKER.passphrase)
    await page.getByLabel(s.session.passphrase.confirm).fill(WORKER.passphrase)
    await page.getByRole('button', { name: s.session.accounts.add, exact: true }).click()
    await expect(page.getByRole('cell', { name: WORKER.displayName })).toBeVisible()
    await expect(page.getByRole('status')).toHaveText(s.session.accounts.added.replace('{{name}}', WORKER.displayName))
    await shot(page, `session-accounts-${lang}`)

    // Switch language in the shell: the whole UI follows, and it is remembered for this user
    await page.getByLabel(s.common.language.label).selectOption(other(lang))
    await expect(page.getByRole('heading', { name: o.session.accounts.title })).toBeVisible()
    await expect(page.getByRole('button', { name: o.common.nav.accounts })).toBeVisible()
    await shot(page, `session-switched-${lang}`)
    await page.getByLabel(o.common.language.label).selectOption(lang)
    await expect(page.getByRole('heading', { name: s.session.accounts.title })).toBeVisible()
    expect((await rpc(page, 'session.current')).value.locale).toBe(lang)

    // Settings: type without saving, lock with Ctrl+L, unlock: the text is still there
    await page.getByRole('button', { name: s.common.nav.settings }).click()
    const org = page.getByLabel(s.session.fields.orgName)
    await org.fill('未保存的机构名称 ABC')
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { name: s.session.lock.title })).toBeVisible()
    await expect(org).toBeHidden()
    await expect(page.getByText(s.session.lock.who)).toBeVisible()
    // no names on the lock screen: only the lock dialog is visible, and it names nobody
    await expect(page.getByRole('dialog')).not.toContainText(SUP.displayName)
    expect((await rpc(page, 'settings.get')).code).toBe('LOCKED')
    await shot(page, `session-locked-${lang}`)
    await page.getByLabel(s.session.fields.passphrase, { exact: true }).fill(SUP.passphrase)
    await page.getByRole('button', { name: s.session.lock.unlock }).click()
    await expect(org).toBeVisible()
    await expect(org).toHaveValue('未保存的机构名称 ABC')

    // Esc twice (closing two dialogs in a hurry) does not lock the desk: only Ctrl+L does
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('heading', { name: s.session.lock.title })).toBeHidden()
    await expect(org).toBeVisible()
    await expect(org).toHaveValue('未保存的机构名称 ABC')
    await shot(page, `session-settings-${lang}`)
  })
}

test('a wrong passphrase says so plainly; repeated failures are made to wait', async ({ page }) => {
  const s = strings('zh-CN')
  await preparedDesk(page)
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible()
  await page.getByLabel('登录名').fill(SUP.loginName)
  const pass = page.getByLabel('密码', { exact: true })
  for (let i = 0; i < 4; i++) {
    await pass.fill(`wrong passphrase ${i}`)
    await Promise.all([loginAnswered(page), page.getByRole('button', { name: '登录', exact: true }).click()])
    await expect(page.getByText('登录名或密码不对，请再试一次。')).toBeVisible()
    await expect(pass).toHaveValue('')
  }
  await shot(page, 'session-wrong-passphrase-zh-CN')
  await pass.fill(SUP.passphrase)
  await Promise.all([loginAnswered(page), page.getByRole('button', { name: '登录', exact: true }).click()])
  await expect(page.getByText(/尝试次数过多，请等 \d 秒后再试。/)).toBeVisible()
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeDisabled()
  await shot(page, 'session-throttled-zh-CN')
  // the wait runs out on its own; then the right passphrase works
  await pass.fill(SUP.passphrase)
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeEnabled({ timeout: 5_000 })
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('button', { name: new RegExp(SUP.displayName) })).toBeVisible()
  expect(s.errors.login.failed).toBe('登录名或密码不对，请再试一次。')
})

test('a worker logs in and cannot see accounts or settings; switching user hides the previous screen', async ({ page }) => {
  await preparedDesk(page)
  await page.getByLabel('登录名').fill(WORKER.loginName)
  await page.getByLabel('密码', { exact: true }).fill(WORKER.passphrase)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('button', { name: new RegExp('李𠮶堃') })).toBeVisible()
  await expect(page.getByRole('button', { name: '账号管理' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '接待台设置' })).toHaveCount(0)
  expect((await rpc(page, 'users.list')).code).toBe('FORBIDDEN')
  await shot(page, 'session-worker-zh-CN')

  // her own passphrase page, with text typed; then the supervisor takes over the desk
  await page.getByRole('button', { name: new RegExp('李𠮶堃') }).click()
  await page.getByLabel('当前密码').fill('half-typed secret')
  await page.keyboard.press('Control+L')
  await page.getByRole('button', { name: '换其他人登录' }).click()
  await page.getByLabel('登录名').fill(SUP.loginName)
  await page.getByLabel('密码', { exact: true }).fill(SUP.passphrase)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('button', { name: new RegExp(SUP.displayName) })).toBeVisible()
  await expect(page.getByLabel('当前密码')).toHaveCount(0)
  await expect(page.getByRole('button', { name: '账号管理' })).toBeVisible()
})

test('forgot the passphrase: the recovery key sets a new one for a supervisor', async ({ page }) => {
  const recoveryKey = await preparedDesk(page)
  await page.getByRole('button', { name: '忘记密码？用恢复密钥' }).click()
  await page.getByLabel('恢复密钥', { exact: true }).fill('0000 0000 0000 0000 0000 0000 0000 0000')
  await page.getByRole('button', { name: '核对恢复密钥' }).click()
  await expect(page.getByText('恢复密钥不对，请核对后再输入。')).toBeVisible()
  // typed back the way people copy it: lower case, spaces
  await page.getByLabel('恢复密钥', { exact: true }).fill(recoveryKey.toLowerCase().replace(/-/g, ' '))
  await page.getByRole('button', { name: '核对恢复密钥' }).click()
  await expect(page.getByLabel('督导')).toHaveValue(/\d+/)
  await page.getByLabel('新密码').fill('a whole new winter passphrase')
  await page.getByLabel('再输入一次密码').fill('a whole new winter passphrase')
  await expect(page.getByText('很强')).toBeVisible()
  await shot(page, 'session-recover-zh-CN')
  await page.getByRole('button', { name: '设置新密码并登录' }).click()
  await expect(page.getByRole('button', { name: new RegExp(SUP.displayName) })).toBeVisible()
  // the old passphrase no longer opens the desk; the new one does
  await rpc(page, 'session.logout')
  expect((await rpc(page, 'session.login', { loginName: SUP.loginName, passphrase: SUP.passphrase })).code).toBe('WRONG_PASSPHRASE')
  expect((await rpc(page, 'session.login', { loginName: SUP.loginName, passphrase: 'a whole new winter passphrase' })).ok).toBe(true)
})

test('a supervisor disables, re-enables and resets a worker, and saves the desk settings', async ({ page }) => {
  await preparedDesk(page)
  await page.getByLabel('登录名').fill(SUP.loginName)
  await page.getByLabel('密码', { exact: true }).fill(SUP.passphrase)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByRole('button', { name: '账号管理' }).click()
  const liRow = page.getByRole('row', { name: /李𠮶堃/ })
  await liRow.getByRole('button', { name: '停用' }).click()
  await expect(page.getByRole('alertdialog')).toContainText('确定停用 李𠮶堃 的账号吗？')
  await shot(page, 'session-accounts-confirm-zh-CN')
  await page.getByRole('button', { name: '确认' }).click()
  await expect(liRow).toContainText('已停用')
  // the last supervisor cannot step down
  await page.getByRole('row', { name: /陈美玲/ }).getByRole('button', { name: '改为社工' }).click()
  await page.getByRole('button', { name: '确认' }).click()
  await expect(page.getByText('至少要保留一个可用的督导账号。')).toBeVisible()

  // a disabled worker's passphrase is revoked: at login it is simply wrong
  await page.keyboard.press('Control+L')
  await page.getByRole('button', { name: '换其他人登录' }).click()
  await page.getByRole('dialog').getByLabel('登录名').fill(WORKER.loginName)
  await page.getByLabel('密码', { exact: true }).fill(WORKER.passphrase)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByText('登录名或密码不对，请再试一次。')).toBeVisible()
  await page.getByRole('dialog').getByLabel('登录名').fill(SUP.loginName)
  await page.getByLabel('密码', { exact: true }).fill(SUP.passphrase)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.getByRole('button', { name: '账号管理' }).click()
  // re-enabling asks for a new passphrase (the old one was revoked)
  await liRow.getByRole('button', { name: '重新启用' }).click()
  await expect(page.getByText('停用时旧密码已经作废。', { exact: false })).toBeVisible()
  await page.getByLabel('新密码').fill('amber kite winter meadow')
  await page.getByLabel('再输入一次密码').fill('amber kite winter meadow')
  await page.getByRole('button', { name: '设置新密码并重新启用' }).click()
  await expect(page.getByRole('status')).toHaveText('已重新启用 李𠮶堃 的账号。')
  await expect(liRow).toContainText('可用')

  // reset her forgotten passphrase
  await liRow.getByRole('button', { name: '重设密码' }).click()
  await page.getByLabel('新密码').fill('bright orange ferry crossing')
  await page.getByLabel('再输入一次密码').fill('bright orange ferry crossing')
  await page.getByRole('button', { name: '设置新密码' }).click()
  await expect(page.getByRole('status')).toHaveText('已为 李𠮶堃 设置新密码，请当面告诉本人。')
  await shot(page, 'session-accounts-reset-zh-CN')

  // settings: idle time, organisation, site contacts
  await page.getByRole('button', { name: '接待台设置' }).click()
  await page.getByLabel('无操作多少分钟后锁屏').fill('10')
  await page.getByLabel('机构电话').fill('020-8888 6666')
  await page.getByRole('button', { name: '添加联系人' }).click()
  await page.getByLabel('名称 1').fill('保安室')
  await page.getByLabel('电话 1').fill('020-8888 0001')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('设置已保存。')).toBeVisible()
  await shot(page, 'session-settings-saved-zh-CN')
  const settings = await rpc(page, 'settings.get')
  expect(settings.value).toMatchObject({ idleMinutes: 10, orgPhone: '020-8888 6666', siteContacts: [{ label: '保安室', phone: '020-8888 0001' }] })
  expect((await rpc(page, 'session.current')).value.idleMinutes).toBe(10)

  await rpc(page, 'session.logout')
  expect((await rpc(page, 'session.login', { loginName: WORKER.loginName, passphrase: 'bright orange ferry crossing' })).ok).toBe(true)
})

test('a damaged database gets a clear screen, deletes nothing and never starts an empty desk', async ({ browserInstance }) => {
  const root = mkdtempSync(join(tmpdir(), 'desk-e2e-damaged-'))
  const dataDir = join(root, 'data')
  let server = await startDesk(dataDir)
  const context = await browserInstance.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
  const page = await context.newPage()
  try {
    await page.goto(server.openUrl)
    await preparedDesk(page)
    await server.stop()
    // bytes inside the first page change: SQLCipher's page authentication fails
    const fd = openSync(join(dataDir, 'desk.db'), 'r+')
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 100)
    closeSync(fd)
    const files = readdirSync(dataDir).sort()
    server = await startDesk(dataDir)
    await page.goto(server.openUrl)
    await page.getByLabel('登录名').fill(SUP.loginName)
    await page.getByLabel('密码', { exact: true }).fill(SUP.passphrase)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect(page.getByRole('heading', { name: '无法打开接待台的资料' })).toBeVisible()
    await expect(page.getByText('接待台没有删除、也不会删除任何数据。')).toBeVisible()
    await shot(page, 'session-damaged-zh-CN')
    expect((await rpc(page, 'desk.status')).value.state).toBe('damaged')
    expect((await rpc(page, 'desk.setup', { ...SUP, loginName: 'someone', locale: 'zh-CN' })).code).toBe('ALREADY_SET_UP')
    // restoring a backup is offered (the supervisor feature's form), nothing else
    await page.getByRole('button', { name: '从备份恢复' }).click()
    await shot(page, 'session-damaged-restore-zh-CN')
    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(files.filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal'))))
  } finally {
    await context.close()
    await server.stop()
    rmSync(root, { recursive: true, force: true })
  }
})

test('the language picked on the login screen is the one you get, and is remembered for you', async ({ page }) => {
  await preparedDesk(page)
  await page.getByLabel('界面语言').selectOption('yue-HK')
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible()
  await page.getByLabel('登入名稱').fill(WORKER.loginName)
  await page.getByLabel('密碼', { exact: true }).fill(WORKER.passphrase)
  await page.getByRole('button', { name: '登入', exact: true }).click()
  await expect(page.getByRole('button', { name: /李𠮶堃 · 社工/ })).toBeVisible()
  await expect(page.getByRole('button', { name: '鎖定' })).toBeVisible()
  await expect.poll(async () => (await rpc(page, 'session.current')).value.locale).toBe('yue-HK')
  // a fresh page (another day): the login screen greets in the last language, and the worker keeps hers
  await rpc(page, 'session.logout')
  await page.reload()
  await expect(page.getByRole('heading', { name: '登入' })).toBeVisible()
})
