import { execFileSync } from 'node:child_process'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, rpcResult, loadStrings, SHOTS } from './fixtures'

// Cheap key derivation in the browser-mode servers this spec starts (the same code path).
process.env.DESK_TEST_KDF = '1'

/**
 * The records clerk's journey (issue 15 §4), once per UI language: a supervisor adds a clerk account
 * on the accounts screen; the clerk prints the archive queue as one PDF (progress, summary), files it
 * with a box number, lends a case file and takes it back, and reprints a filed form (补打（副本）).
 */
type Lang = 'zh-CN' | 'yue-HK'
const SUP = { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet' }
const CLERK = { displayName: '王档案', loginName: 'wang', passphrase: 'amber harbour quiet meadow' }
const NAMES = ['黄𠮶明', 'Nguyễn Thị Hoa', '李小梅']

const text = (pdf: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '')
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(p[k] ?? ''))
/** A line with its numbers filled, and any page count. */
const summaryLine = (s: string, p: Record<string, number>) =>
  new RegExp(fill(s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'), { ...p, pages: '__PAGES__' }).replace('__PAGES__', '\\d+'))

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; pdf: Buffer; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()])
  const path = (await d.path())!
  return { name: d.suggestedFilename(), pdf: readFileSync(path), path }
}

for (const lang of ['zh-CN', 'yue-HK'] as Lang[]) {
  test(`records clerk: queue → batch print → file with a box number → lend → return → reprint, in ${lang}`, async ({ page }) => {
    const a = loadStrings(lang, 'archive')
    const s = loadStrings(lang, 'session')
    const c = loadStrings(lang, 'common')
    await expect(page.locator('#setup-display')).toBeVisible()
    expect((await rpcResult(page, 'desk.setup', { ...SUP, locale: lang })).ok).toBe(true)
    const ids: number[] = []
    for (const name of NAMES) ids.push((await rpc(page, 'cases.create', { partyKind: 'person', name, contactDate: '2026-11-19' })).id)
    for (const id of ids) await rpc(page, 'signoff.sign', { kind: 'A', subjectId: id, opinion: '同意接案。' })
    await page.reload()

    // The supervisor adds the clerk on the accounts screen.
    await page.getByRole('button', { name: c.nav.accounts }).click()
    await page.locator('#new-display').fill(CLERK.displayName)
    await page.locator('#new-login').fill(CLERK.loginName)
    await page.locator('#new-role').selectOption('clerk')
    await page.getByLabel(s.passphrase.new).fill(CLERK.passphrase)
    await page.getByLabel(s.passphrase.confirm).fill(CLERK.passphrase)
    await page.getByRole('button', { name: s.accounts.add, exact: true }).click()
    await expect(page.getByRole('cell', { name: CLERK.displayName })).toBeVisible()
    await expect(page.getByRole('cell', { name: c.role.clerk })).toBeVisible()

    // The clerk logs in: Today is the archive's, and there is no registration or supervisor screen.
    await page.keyboard.press('Control+L')
    await page.getByRole('button', { name: s.lock.switchUser }).click()
    await page.locator('#login-name').fill(CLERK.loginName)
    await page.locator('#login-pass').fill(CLERK.passphrase)
    await page.getByRole('button', { name: s.login.submit, exact: true }).click()
    await expect(page.getByRole('heading', { name: a.today.title, exact: true })).toBeVisible()
    await expect(page.getByText(fill(a.today.toPrint, { count: 3 }))).toBeVisible()
    await expect(page.getByRole('button', { name: new RegExp(`^${loadStrings(lang, 'cases').nav.newCase}`) })).toHaveCount(0)
    expect((await rpcResult(page, 'cases.update', { id: ids[0], patch: { summary: '改' } })).code).toBe('FORBIDDEN')

    // Queue → select all → one PDF, saved; a progress bar while it is made, a summary after.
    await page.getByRole('button', { name: new RegExp(`^${a.nav.queue}`) }).click()
    await expect(page.getByRole('heading', { name: a.queue.title, exact: true })).toBeVisible()
    for (const name of NAMES) await expect(page.getByRole('cell', { name })).toBeVisible()
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: number }
      w.sawProgress = 0
      new MutationObserver(() => document.querySelector('progress') && w.sawProgress++).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
    await page.getByLabel(a.queue.selectAll).check()
    await page.getByLabel(a.print.save).check()
    await shot(page, `clerk-queue-${lang}`)
    const first = await download(page, () => page.getByRole('button', { name: a.print.selected }).click())
    expect(first.name).toMatch(/\.pdf$/)
    expect(text(first.pdf)).not.toContain(a.print.title)
    await expect(page.getByRole('status').filter({ hasText: summaryLine(a.print.summary, { cases: 3, forms: 3, reprints: 0, files: 1 }) })).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { sawProgress: number }).sawProgress)).toBeGreaterThan(0)
    await shot(page, `clerk-printed-${lang}`)

    // File what was printed under an archive number and a box.
    await page.getByLabel(a.states.toFile).check()
    await page.getByLabel(a.queue.selectAll).check()
    await page.getByLabel(a.file.archiveNo).fill('BY-DA-2026-015')
    await page.getByLabel(a.file.box).fill('12')
    // The page's own 归档 button (the navigation's entry has the same name).
    await page.locator('#main').getByRole('button', { name: a.file.submit, exact: true }).click()
    await expect(page.getByText(fill(a.file.done, { count: 3 }))).toBeVisible()
    await page.getByLabel(a.states.filed).check()
    await expect(page.getByRole('cell', { name: fill(a.queue.placeText, { archiveNo: 'BY-DA-2026-015', box: '12', shelf: '' }) }).first()).toBeVisible()

    // Lend a case file and take it back.
    await page.getByRole('button', { name: new RegExp(`^${a.nav.lending}`) }).click()
    await page.getByLabel(a.lending.case).selectOption({ index: 1 })
    await page.getByLabel(a.lending.borrower).fill('白云区信访局 张科长')
    await page.getByLabel(a.lending.purpose).fill('复查')
    await page.getByRole('button', { name: a.lending.lend, exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: a.lending.lent.replace(/\{\{caseNo\}\}.*/, '') })).toBeVisible()
    await expect(page.getByRole('cell', { name: '白云区信访局 张科长' })).toBeVisible()
    await shot(page, `clerk-lent-${lang}`)
    await page.getByRole('button', { name: a.lending.return, exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: a.lending.returned.replace(/\{\{caseNo\}\}.*/, '') })).toBeVisible()
    await expect(page.getByRole('button', { name: a.lending.return, exact: true })).toHaveCount(0)

    // A filed form printed again says 补打（副本） and when.
    await page.getByRole('button', { name: new RegExp(`^${a.nav.queue}`) }).click()
    await page.getByLabel(a.states.filed).check()
    await page.getByRole('checkbox', { name: new RegExp(`^${fill(a.queue.select, { caseNo: '', form: '' }).trim()}`) }).first().check()
    await page.getByLabel(a.print.save).check()
    const again = await download(page, () => page.getByRole('button', { name: a.print.selected }).click())
    const mark = loadStrings(lang, 'forms').pdf.copyMark as string
    expect(text(again.pdf)).toContain(mark.slice(0, mark.indexOf('{{')).replace(/\s+/g, ''))
    copyFileSync(again.path, join(SHOTS, `clerk-reprint-${lang}.pdf`))
    await expect(page.getByRole('status').filter({ hasText: summaryLine(a.print.summary, { cases: 1, forms: 1, reprints: 1, files: 1 }) })).toBeVisible()
    await shot(page, `clerk-reprinted-${lang}`)
  })
}
