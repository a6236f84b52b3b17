import type { Page } from '@playwright/test'
import { test, expect, loadStrings, rpc, shot } from './fixtures'

/**
 * Issue 16 §1, lived in each language: a diversion creates a referral; the worker records a 转送 to a
 * directory entry sent three weeks ago (so its reply, due by 第二十三条第三款, is overdue); Today says
 * so; the supervisor's 督办 list shows it and the supervisor writes a 督办 note; the worker reads it on
 * Today and acknowledges it; the reply comes in and is relayed to the petitioner; Today is clear.
 */
process.env.DESK_TEST_KDF = '1'

type Lang = 'zh-CN' | 'yue-HK'
const SUP = { loginName: 'chen', passphrase: 'river lantern autumn violet' }
const WORK = { loginName: 'li', passphrase: 'violet river lantern morning' }

/** A day on the hall's calendar (UTC+8), `days` from today. */
const hallDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)

async function as(page: Page, who: typeof SUP, lang: Lang) {
  await rpc(page, 'session.logout')
  await rpc(page, 'session.login', who)
  await rpc(page, 'session.setLocale', { locale: lang })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

for (const lang of ['zh-CN', 'yue-HK'] as const) {
  test(`${lang}: diversion → referral → overdue → 督办 note → acknowledged → reply → relayed`, async ({ page }) => {
    test.setTimeout(180_000)
    const cs = loadStrings(lang, 'cases')
    const rf = loadStrings(lang, 'referrals')
    const sv = loadStrings(lang, 'supervisor')
    const person = lang === 'zh-CN' ? '钟𠮶妹' : '陳𠮶明'
    await page.waitForLoadState('networkidle')
    await rpc(page, 'desk.setup', { displayName: '陈督导', loginName: SUP.loginName, passphrase: SUP.passphrase, locale: lang })
    await rpc(page, 'users.add', { displayName: '李社工', loginName: WORK.loginName, role: 'worker', passphrase: WORK.passphrase })
    await as(page, WORK, lang)

    // 1. A walk-in, screened: this level handles it (第二十二条第一款); the worker confirms.
    await page.keyboard.press('Alt+2')
    await page.getByLabel(`${cs.fields.name} *`).fill(person)
    await page.getByRole('button', { name: new RegExp(cs.new.save) }).click()
    await expect(page.getByRole('heading', { name: new RegExp(person) })).toBeVisible()
    const caseNo = (await page.locator('.case-head .mono').textContent())!
    await page.getByRole('tab', { name: cs.tabs.screening }).click()
    await page.locator('[data-item="g"]').getByRole('radio', { name: cs.screening.answers.yes }).check()
    await page.getByRole('button', { name: cs.diversion.confirm }).click()
    await expect(page.getByTestId('diversion-decided')).toContainText(cs.routes.thisLevel.label)

    // 2. The referral is there; record it as sent (转送) three weeks ago to the 12345 line.
    await page.getByRole('tab', { name: cs.tabs.referrals }).click()
    const card = page.getByTestId('referral')
    await expect(card).toHaveAttribute('data-stage', 'planned')
    await card.getByRole('button', { name: rf.panel.send, exact: true }).click()
    await expect(card.getByLabel(rf.fields.method).locator('option')).toHaveText([rf.methods.transfer, rf.methods.assign])
    await card.getByLabel(rf.fields.directoryId).selectOption({ label: `${rf.builtin.hotline['12345'].name} · 12345 · ${rf.levels.national}` })
    const sent = hallDay(-21)
    await card.getByLabel(rf.fields.sentDate).fill(sent)
    await card.getByLabel(rf.fields.sentWhat).fill(lang === 'zh-CN' ? '来访登记表、欠薪材料' : '來訪登記表、欠薪文件')
    await expect(card.getByTestId('statute-due')).toContainText(hallDay(-6))
    await card.getByRole('button', { name: rf.panel.save }).click()
    await expect(card).toHaveAttribute('data-stage', 'sent')
    await expect(card.getByTestId('referral-overdue')).toBeVisible()
    await shot(page, `referrals-${lang}-overdue`)

    // 3. Today says the reply is overdue.
    await page.keyboard.press('Alt+1')
    await expect(page.getByTestId('today-referral')).toContainText(caseNo)
    await expect(page.getByTestId('today-referral')).toHaveClass(/overdue/)

    // 4. The supervisor's 督办 list: the row, and a note for the worker.
    await as(page, SUP, lang)
    await page.getByRole('button', { name: new RegExp(`^${sv.nav.hub}`) }).click()
    await page.getByRole('tab', { name: sv.nav.supervision }).click()
    const row = page.getByTestId('supervision-row').filter({ hasText: caseNo })
    await expect(row).toContainText('李社工')
    await row.getByRole('button', { name: rf.panel.addNote }).click()
    const note = lang === 'zh-CN' ? '请今天电话催办，并告诉信访人进度' : '請今日致電催辦，並告知信訪人進度'
    await row.getByLabel(rf.fields.note).fill(note)
    await row.getByRole('button', { name: rf.panel.addNote }).click()
    await expect(row).toContainText(rf.supervision.openNotes.replace('{{count}}', '1'))
    await shot(page, `referrals-${lang}-supervision`)

    // 5. The worker reads it on Today and acknowledges it.
    await as(page, WORK, lang)
    await expect(page.getByTestId('today-note')).toContainText(note)
    await page.getByTestId('today-note').getByRole('button', { name: rf.panel.acknowledge }).click()
    await expect(page.getByTestId('today-note')).toHaveCount(0)

    // 6. The reply arrives today; the petitioner is told by phone.
    await page.getByTestId('today-referral').getByRole('button').click()
    await expect(card).toBeVisible()
    await expect(card.getByTestId('supervision-notes')).toContainText(note)
    await card.getByRole('button', { name: rf.panel.reply, exact: true }).click()
    await card.getByLabel(rf.fields.replySummary).fill(lang === 'zh-CN' ? '已受理，十五日内书面告知' : '已受理，十五日內書面告知')
    await card.getByRole('button', { name: rf.panel.save }).click()
    await expect(card).toHaveAttribute('data-stage', 'replied')
    await card.getByRole('button', { name: rf.panel.relay, exact: true }).click()
    await card.getByLabel(rf.fields.relayedHow).selectOption(rf.relayHow.phone)
    await card.getByRole('button', { name: rf.panel.save }).click()
    await expect(card).toHaveAttribute('data-stage', 'relayed')
    await card.locator('summary').click()
    await expect(card.locator('.referral-event-list li')).toHaveCount(6)
    await shot(page, `referrals-${lang}-relayed`)

    // 7. Nothing left to chase.
    await page.keyboard.press('Alt+1')
    await expect(page.getByTestId('today-referrals')).toContainText(rf.today.none)
  })
}
