import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, loadStrings } from './fixtures'

/**
 * Printing from a case in browser mode: the case page's print tab saves Form A as a download (the
 * bytes come back over the loopback and the page saves them), in either form language; a name with a
 * character no font has is named before printing. The downloaded file is checked with poppler.
 */
type Lang = 'zh-CN' | 'yue-HK'
const load = loadStrings


async function openCase(page: Page, lang: Lang, name: string): Promise<{ caseNo: string }> {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: lang })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
  const c = await rpc(page, 'cases.create', { partyKind: 'person', name, contactDate: '2026-11-18', demands: '要求补发拖欠工资。' })
  const cs = load(lang, 'cases')
  await page.keyboard.press('Alt+3')
  await page.getByLabel(cs.search.label).fill(c.caseNo)
  await page.locator('.case-table').getByRole('button', { name: c.caseNo }).click()
  await page.getByRole('tab', { name: cs.tabs.print }).click()
  return { caseNo: c.caseNo }
}

for (const lang of ['zh-CN', 'yue-HK'] as const) {
  test(`forms in ${lang}: save Form A from the case page as a PDF download`, async ({ page }) => {
    const f = load(lang, 'forms')
    const { caseNo } = await openCase(page, lang, '陈𠮶堃')
    await expect(page.getByRole('heading', { name: f.panel.title })).toBeVisible()
    await page.getByLabel(f.panel.langYue).first().check() // the case forms' picker (blank forms have their own)
    await shot(page, `forms-${lang}-panel`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `${f.panel.save} ${f.panel.formA}` }).click()])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^接案表_${caseNo}_\\d{4}-\\d\\d-\\d\\d\\.pdf$`))
    const pdf = readFileSync(await download.path())
    const text = execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '')
    expect(text).toContain('表A.1信訪社會工作服務接案表') // Traditional labels chosen in the panel
    expect(text).toContain('陈𠮶堃') // the name exactly as typed
    await expect(page.getByRole('status').first()).toHaveText(f.panel.saved)
  })
}

test('forms: a character no font has is named before printing', async ({ page }) => {
  const f = load('zh-CN', 'forms')
  await openCase(page, 'zh-CN', '王😀明')
  await page.getByRole('button', { name: `${f.panel.print} ${f.panel.formA}` }).click()
  await expect(page.getByRole('alertdialog')).toContainText('😀')
  await shot(page, 'forms-zh-CN-missing-glyphs')
  await page.getByRole('button', { name: f.panel.cancel }).click()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})
