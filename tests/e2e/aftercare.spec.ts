import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, loadStrings } from './fixtures'

/**
 * After the visit, once per UI language: a case closed with Form C has its return visit scheduled;
 * the worker records it from the case's 回访与督导 tab (happened, by phone, outcome, not petitioned
 * again, overall 很满意) with the script on screen; the supervisor downloads the month's report as
 * PDF and XLSX.
 */
type Lang = 'zh-CN' | 'yue-HK'

function hallToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
}

async function setUp(page: Page, lang: Lang) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: lang })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

for (const lang of ['zh-CN', 'yue-HK'] as const) {
  test(`aftercare in ${lang}: close → return visit with satisfaction → monthly report downloaded`, async ({ page }) => {
    const ac = loadStrings(lang, 'aftercare')
    const cs = loadStrings(lang, 'cases')
    await setUp(page, lang)
    const today = hallToday()
    const c = await rpc(page, 'cases.create', { partyKind: 'person', name: '黄阿姨', contactDate: today, language: ['cantonese'] })
    await rpc(page, 'cases.close', {
      id: c.id,
      finalize: true,
      closing: {
        category: 'end', openedDate: today, closedDate: today, transferReason: null, transferReasonOther: '', closingType: 'goalsMet', closingTypeOther: '',
        linkedResources: '', contactedDepartments: '', goals: [{ seq: 1, goal: '情绪平复', achievement: '已达成', note: '' }], reflection: '', workerSignedDate: '', transferTo: ''
      }
    })

    // The worker's day lists the return visit; the case tab has the script and the form.
    await page.keyboard.press('Alt+3')
    await page.getByLabel(cs.search.label).fill(c.caseNo)
    await page.locator('.case-table').getByRole('button', { name: c.caseNo }).click()
    await page.getByRole('tab', { name: cs.tabs.aftercare }).click()
    const form = page.getByRole('form', { name: ac.returnVisit.formTitle })
    await expect(form).toBeVisible()
    // The case's language is 粵語: the script is spoken Cantonese.
    await expect(form.locator('.script-lines')).toContainText('你而家方唔方便傾幾句')
    await form.getByRole('radio', { name: ac.returnVisit.happened, exact: true }).check()
    await form.getByLabel(ac.returnVisit.outcome).fill('工资已经追回')
    await form.getByRole('radio', { name: ac.returnVisit.again.no, exact: true }).check()
    await form.getByRole('radiogroup', { name: ac.returnVisit.questions.overall }).getByRole('radio', { name: ac.returnVisit.scale['4'], exact: true }).check()
    await shot(page, `aftercare-${lang}-return-visit`)
    await form.getByRole('button', { name: ac.returnVisit.save }).click()
    await expect(page.locator('.visit.recorded')).toContainText(ac.returnVisit.scale['4'])
    const visits = await rpc(page, 'returnVisits.forCase', { caseId: c.id })
    expect(visits[0]).toMatchObject({ happened: true, petitionedAgain: 'no', satisfaction: { overall: 4 }, outcome: '工资已经追回' })

    // The supervisor's monthly report: satisfaction 1 of 1, downloaded as PDF and XLSX.
    await page.keyboard.press('Alt+9')
    await page.getByRole('tab', { name: ac.nav.report }).click()
    await expect(page.getByRole('heading', { name: ac.report.screenTitle })).toBeVisible()
    await expect(page.locator('.kpis')).toContainText('100.0%')
    await shot(page, `aftercare-${lang}-report`)
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ac.report.downloadPdf }).click()])
    expect(pdf.suggestedFilename()).toBe(`monthly-report_${today.slice(0, 7)}.pdf`)
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ac.report.downloadXlsx }).click()])
    expect(xlsx.suggestedFilename()).toBe(`monthly-report_${today.slice(0, 7)}.xlsx`)
    await expect(page.getByRole('status')).toContainText(`monthly-report_${today.slice(0, 7)}.xlsx`)
  })
}
