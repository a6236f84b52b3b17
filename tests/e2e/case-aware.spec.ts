import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, shot, rpc, loadStrings, SHOTS } from './fixtures'

/**
 * The interview fits the case (issue 12), in browser mode on a real encrypted desk:
 * - a court-judgment walk-in, in both languages: the route recorded as 涉法涉诉, the handout PDF
 *   (read back with pdftotext) carries no transfer promise and no written-notice date;
 * - a Cantonese crisis: the worker types indirect hints, accepts the suggestion to raise the risk,
 *   and leaves with a next-day call booked (the 3–7-day rule does not block it).
 */
type Lang = 'zh-CN' | 'yue-HK'

async function setUp(page: Page) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' })
  await rpc(page, 'settings.set', { orgName: '某区信访社工服务站', orgPhone: '020-12345678', orgAddress: '某区某路1号', dutyPhone: '13800138000' })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

async function walkIn(page: Page, name: string, out: Lang) {
  const iv = loadStrings('zh-CN', 'interview')
  await page.keyboard.press('Control+Shift+N')
  await page.getByLabel(iv.start.name).fill(name)
  await page.getByRole('radio', { name: iv.outputLang[out] }).check()
  await page.getByLabel(iv.start.name).press('Enter')
  await expect(page.getByTestId('interview')).toHaveAttribute('data-lang', out)
}

function pdfText(base64: string, name: string): string {
  mkdirSync(SHOTS, { recursive: true })
  const file = join(SHOTS, `${name}.pdf`)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  // A picture of the page to look at (test-results/screenshots), and its text to assert on.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(SHOTS, name)])
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '')
}

const COURT: { out: Lang; name: string; never: string[]; guide: string }[] = [
  { out: 'zh-CN', name: '林志强', never: ['转给有权处理的部门', '书面通知', '60天'], guide: '法院、检察院或者公安机关' },
  { out: 'yue-HK', name: '林志強', never: ['轉畀有權處理嘅部門', '書面通知', '60日'], guide: '法院、檢察院或者公安' }
]

for (const c of COURT) {
  test(`a court-judgment walk-in in ${c.out} takes home no transfer promise`, async ({ page }) => {
    await setUp(page)
    await walkIn(page, c.name, c.out)
    await page.locator('[data-tab="needs"]').click()
    await page.getByTestId('matter-type').selectOption('litigation')
    await expect(page.getByTestId('route')).toHaveValue('litigation')
    // The rules panel shows this case's cards first: the court card, no walk-in chain, no 60 days.
    await page.locator('[data-tab="rules"]').click()
    await expect(page.getByTestId('rules-own').locator('[data-rule="litigation"]')).toBeVisible()
    await expect(page.locator('[data-rule="walkIn"]')).toHaveCount(0)
    await expect(page.locator('[data-rule="accepted"]')).toHaveCount(0)
    await shot(page, `case-aware-court-${c.out}-rules`)
    // The drafted summary's next step follows the route.
    await page.locator('[data-tab="closing"]').click()
    await page.getByTestId('draft-summary').click()
    const summary = page.locator('textarea[data-field="summary"]')
    await expect(summary).toHaveValue(new RegExp(c.guide))
    for (const x of c.never) await expect(summary).not.toHaveValue(new RegExp(x))
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved')
    const s = (await rpc(page, 'cases.list', {}))[0]
    const ivs = await rpc(page, 'interview.list', { caseId: s.id })
    const pdf = await rpc(page, 'interview.handout', { interviewId: ivs[0].id, paper: 'A5', action: 'save' })
    const text = pdfText(pdf.base64, `handout-court-${c.out}`)
    expect(text).toContain(c.guide)
    expect(text).toContain('020-12345678')
    for (const x of c.never) expect(text).not.toContain(x)
  })
}

test('a Cantonese crisis: indirect hints, the suggestion accepted, a next-day call booked', async ({ page }) => {
  const iv = loadStrings('zh-CN', 'interview')
  await setUp(page)
  await walkIn(page, '陳美玲', 'yue-HK')
  const notes = page.locator('textarea[data-field="notes"]')
  await notes.click()
  await notes.pressSequentially('佢話：今次係我最後一次嚟㗎喇。啲藥我都儲埋晒。')
  const cue = page.getByTestId('risk-cue')
  await expect(cue).toBeVisible({ timeout: 10_000 })
  await expect(cue).toContainText('最後一次')
  // Typing is never blocked: the text is all there.
  await expect(notes).toHaveValue(/儲埋晒/)
  await shot(page, 'case-aware-crisis-yue-cue')
  await page.getByTestId('risk-cue-raise').click()
  await expect(page.getByTestId('risk-cue-raised')).toBeVisible()
  // The crisis protocol: opening changes nothing; confirming enters crisis mode.
  await page.keyboard.press('F9')
  await page.keyboard.press('1')
  await expect(page.getByTestId('supervisor-notified')).toHaveCount(0)
  await expect(page.getByTestId('duty-phone')).toContainText('13800138000')
  await page.getByTestId('crisis-confirm').click()
  await expect(page.getByTestId('supervisor-notified')).toBeVisible()
  await page.getByRole('button', { name: iv.crisis.close }).click()
  await expect(page.getByTestId('crisis-banner')).toBeVisible()
  await expect(page.getByTestId('script-lines')).toContainText('你最近有冇諗過結束自己嘅生命')
  await shot(page, 'case-aware-crisis-yue-mode')
  // Closing: the next contact within 24 hours is proposed and booked.
  await page.locator('[data-tab="closing"]').click()
  await expect(page.getByTestId('crisis-closing')).toBeVisible()
  await page.getByTestId('schedule').click()
  await expect(page.getByText(new RegExp(iv.closing.scheduled.replace('{{date}}', '')))).toBeVisible()
  const s = (await rpc(page, 'cases.list', {}))[0]
  const kase = await rpc(page, 'cases.get', { id: s.id })
  expect(kase.riskLevel).toBe('critical')
  const started = (await rpc(page, 'interview.list', { caseId: s.id }))[0].startedAt as string
  const day = new Date(new Date(started).getTime() + 8 * 3_600_000)
  day.setUTCDate(day.getUTCDate() + 1)
  expect(kase.followUps.map((f: { dueDate: string }) => f.dueDate)).toEqual([day.toISOString().slice(0, 10)])
  await shot(page, 'case-aware-crisis-yue-closing')
})
