import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, loadStrings } from './fixtures'

/**
 * A confidential report (检举控告, issue 12 §4), in each UI language: the worker 李 registers a report
 * about a village official and diverts it to the discipline commission; the worker 王 finds it by
 * its number only (保密个案, no name), not by the reporter's name, and opens it only after writing a
 * reason; the record then opens with its 保密个案 badge.
 */
type Lang = 'zh-CN' | 'yue-HK'
const SUP = { loginName: 'chen', passphrase: 'river lantern autumn violet' }
const LI = { loginName: 'li', passphrase: 'violet river lantern morning' }
const WANG = { loginName: 'wang', passphrase: 'amber falcon quiet harbour' }

async function as(page: Page, who: { loginName: string; passphrase: string }) {
  await rpc(page, 'session.logout', {})
  await rpc(page, 'session.login', who)
}

for (const lang of ['zh-CN', 'yue-HK'] as const satisfies readonly Lang[]) {
  test(`confidential report in ${lang}: another worker sees its number only and opens it with a recorded reason`, async ({ page }) => {
    const ps = loadStrings(lang, 'people')
    const cs = loadStrings(lang, 'cases')
    await page.waitForLoadState('networkidle')
    await rpc(page, 'desk.setup', { displayName: '陈督导', ...SUP, locale: lang })
    await rpc(page, 'users.add', { displayName: '李社工', role: 'worker', ...LI })
    await rpc(page, 'users.add', { displayName: '王社工', role: 'worker', ...WANG })
    await as(page, LI)
    const c = await rpc(page, 'cases.create', { partyKind: 'person', name: '举报人何𠮶', summary: '检举村主任侵占集体土地租金' })
    await rpc(page, 'cases.screening.save', { id: c.id, item: 'i', answer: 'yes' })
    await rpc(page, 'cases.decideDiversion', { id: c.id, chosen: 'discipline' })
    await as(page, WANG)
    await rpc(page, 'session.setLocale', { locale: lang })
    await page.reload()
    await expect(page.locator('.shell')).toBeVisible()

    // The reporter's name finds nothing.
    await page.keyboard.press('Alt+3')
    const box = page.getByLabel(cs.search.label)
    await box.fill('举报人何')
    await expect(page.getByText(cs.search.none)).toBeVisible()
    // The number shows a masked line: 保密个案, no name, no summary.
    await box.fill(c.caseNo)
    const row = page.locator('.case-table tbody tr', { hasText: c.caseNo })
    await expect(row).toContainText(ps.confidential.maskedLine)
    await expect(row).not.toContainText('举报人')
    await expect(row).not.toContainText('村主任')
    await row.getByRole('button', { name: c.caseNo }).click()

    // Opening asks for a reason first; nothing of the record is on screen.
    const gate = page.locator('[data-testid="confidential-gate"]')
    await expect(gate).toBeVisible()
    await expect(page.locator('body')).not.toContainText('举报人何')
    const open = gate.getByRole('button', { name: ps.confidential.open })
    await expect(open).toBeDisabled()
    await gate.getByLabel(ps.confidential.reasonLabel).fill('李社工请假，举报人来电询问')
    await shot(page, `confidential-gate-${lang}`)
    await open.click()
    await expect(page.locator('[data-testid="confidential-badge"]')).toBeVisible()
    await expect(page.locator('.case-head')).toContainText('举报人何𠮶')
    // No key or error code on screen.
    await expect(page.locator('body')).not.toContainText('people:')
    await expect(page.locator('body')).not.toContainText('FORBIDDEN')

    // The assigned worker sees who opened the report and why (the one who opened it does not).
    await page.getByRole('tab', { name: ps.tab }).click()
    await expect(page.locator('[data-testid="confidential-note"]')).toBeVisible()
    await expect(page.locator('[data-testid="confidential-openings"]')).toHaveCount(0)
    await as(page, LI)
    await page.reload()
    await expect(page.locator('.shell')).toBeVisible()
    await page.keyboard.press('Alt+3')
    await page.getByLabel(cs.search.label).fill(c.caseNo)
    await page.locator('.case-table').getByRole('button', { name: c.caseNo }).click()
    await page.getByRole('tab', { name: ps.tab }).click()
    const openings = page.locator('[data-testid="confidential-openings"]')
    await expect(openings).toContainText(ps.confidential.openingsTitle)
    await expect(openings).toContainText('王社工')
    await expect(openings).toContainText('李社工请假，举报人来电询问')
    await shot(page, `confidential-openings-${lang}`)
  })
}
