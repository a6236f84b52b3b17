import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, loadStrings } from './fixtures'

/**
 * Cases in browser mode on a real encrypted desk, once per UI language: register a walk-in, screen
 * it to a 涉法涉诉 diversion, register a collective visit of 8 with 5 representatives (a 6th refused),
 * find both by search in the other script, close one with Form C data.
 * Labels come from the locale files, so both languages run the same steps.
 */
type Lang = 'zh-CN' | 'yue-HK'
const load = loadStrings


async function setUp(page: Page, lang: Lang) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: lang })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

const RUNS: { lang: Lang; person: string; personOther: string; group: string; groupOther: string; matter: string }[] = [
  { lang: 'zh-CN', person: '黄𠮶明', personOther: '黃𠮶明', group: '某小区业主', groupOther: '小區業主', matter: '信访事项：不服法院判决' },
  { lang: 'yue-HK', person: '陳大文', personOther: '陈大文', group: '某屋苑業主', groupOther: '屋苑业主', matter: '信訪事項：不服法院判決' }
]

for (const r of RUNS) {
  test(`cases in ${r.lang}: walk-in → 涉法涉诉, collective of 8 with 5 representatives, search in the other script, close with Form C`, async ({ page }) => {
    const cs = load(r.lang, 'cases')
    await setUp(page, r.lang)

    // 1. Register a walk-in (person).
    await page.keyboard.press('Alt+2')
    await expect(page.getByRole('heading', { name: cs.new.title })).toBeVisible()
    await page.getByLabel(`${cs.fields.name} *`).fill(r.person)
    await page.getByLabel(cs.fields.phone).fill('138 1234 5678')
    await page.getByLabel(cs.fields.address, { exact: true }).fill('广州市越秀区中山五路1号')
    await page.getByLabel(cs.fields.locality, { exact: true }).fill('越秀区人民法院')
    await page.getByLabel(cs.fields.summary, { exact: true }).fill(r.matter)
    await shot(page, `cases-${r.lang}-register-person`)
    await page.getByRole('button', { name: new RegExp(cs.new.save) }).click()
    await expect(page.getByRole('heading', { name: new RegExp(r.person) })).toBeVisible()
    await expect(page.locator('.case-head .mono')).toHaveText(/^\d{4}-\d{6}$/)
    const personNo = (await page.locator('.case-head .mono').textContent())!

    // 2. Screen it: 涉法涉诉 → political-legal bodies; the worker confirms.
    await page.getByRole('tab', { name: cs.tabs.screening }).click()
    await page.locator('[data-item="f"]').getByRole('radio', { name: cs.screening.answers.yes }).check()
    await page.locator('[data-item="h"]').getByRole('radio', { name: cs.screening.answers.yes }).check()
    await expect(page.locator('.rec-primary')).toHaveAttribute('data-route', 'politicalLegal')
    await expect(page.locator('.rec-primary')).toContainText(cs.clauses.reg20_2)
    await page.getByRole('button', { name: cs.diversion.confirm }).click()
    await expect(page.getByTestId('diversion-decided')).toContainText(cs.routes.politicalLegal.label)
    await shot(page, `cases-${r.lang}-screening-diversion`)

    // 3. A collective visit of 8 with 5 representatives; a 6th is refused with the rule.
    await page.keyboard.press('Alt+2')
    await page.getByRole('radio', { name: cs.options.partyKind.collective }).check()
    await page.getByLabel(`${cs.fields.groupName} *`).fill(r.group)
    await page.getByLabel(cs.fields.summary, { exact: true }).fill('反映物业收费问题')
    await page.getByLabel(cs.fields.headcount).fill('8')
    await expect(page.locator('.collective .notice')).toBeVisible()
    for (let i = 1; i <= 5; i++) {
      await page.getByRole('button', { name: cs.new.addRepresentative }).click()
      await page.getByLabel(cs.new.repName.replace('{{n}}', String(i))).fill(`代表${i}`)
    }
    await page.getByRole('button', { name: cs.new.addRepresentative }).click()
    const refusal = cs.errors.tooManyRepresentatives.replace('{{max}}', '5')
    await expect(page.getByRole('alert').filter({ hasText: refusal.slice(0, 8) })).toBeVisible()
    await expect(page.locator('.rep-row')).toHaveCount(5)
    await shot(page, `cases-${r.lang}-collective-6th-refused`)
    await page.getByRole('button', { name: new RegExp(cs.new.save) }).click()
    await expect(page.getByRole('heading', { name: new RegExp(r.group) })).toBeVisible()
    await shot(page, `cases-${r.lang}-case-registration`)
    // The 集体上访 checklist: a time-stamped step.
    await page.getByRole('tab', { name: cs.tabs.flows }).click()
    await page.locator('[data-step="calm"]').getByRole('button', { name: cs.flows.markDone }).click()
    await expect(page.locator('[data-step="calm"] .step-log')).toHaveCount(1)
    await expect(page.locator('.reps li')).toHaveCount(5)
    await shot(page, `cases-${r.lang}-collective-flow`)
    // Consent recorded with time and text version.
    await page.getByRole('tab', { name: cs.tabs.consent }).click()
    await page.locator('[data-consent="record"]').getByRole('button', { name: cs.consent.oral }).click()
    await expect(page.locator('[data-consent="record"]')).toContainText('2026-2')
    await shot(page, `cases-${r.lang}-consent`)
    // The main process also refuses a 6th sent straight over IPC.
    const list = await rpc(page, 'cases.search', { query: r.group })
    const group = await rpc(page, 'cases.get', { id: list[0].id })
    expect(group.representatives).toHaveLength(5)
    expect(group.fields.headcount).toBe(8)
    const sixth = await page.evaluate(async (id) => {
      const token = sessionStorage.getItem('desk.token') ?? ''
      const res = await fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token }, body: JSON.stringify({ method: 'cases.addRepresentative', args: { id, name: '第六人' } }) })
      return res.json()
    }, group.id)
    expect(sixth).toMatchObject({ ok: false, code: 'CONFLICT', messageKey: 'cases:errors.tooManyRepresentatives' })

    // 4. Find both by search in the other script.
    await page.keyboard.press('Alt+3')
    const box = page.getByLabel(cs.search.label)
    await box.fill(r.personOther)
    await expect(page.locator('.case-table')).toContainText(personNo)
    await shot(page, `cases-${r.lang}-search-person`)
    await box.fill(r.groupOther)
    await expect(page.locator('.case-table')).toContainText(r.group)
    await box.fill('5678')
    await expect(page.locator('.case-table')).toContainText(r.person)

    // 5. Close the walk-in with Form C data.
    await box.fill(r.personOther)
    await page.locator('.case-table').getByRole('button', { name: personNo }).click()
    await page.getByRole('tab', { name: cs.tabs.closing }).click()
    await page.getByRole('radio', { name: cs.options.category.end }).check()
    await page.getByRole('radio', { name: cs.options.closingType.goalsMet }).check()
    await page.getByLabel(cs.closing.linkedResources).fill('法律援助')
    await page.getByLabel(cs.closing.contactedDepartments).fill('区法律援助中心')
    await page.getByLabel(`${cs.closing.goal} 1`).fill('明白诉讼途径')
    await page.getByLabel(`${cs.closing.achievement} 1`).fill('已达成')
    await page.getByLabel(cs.closing.reflection).fill('及早解释法律程序，情绪平复较快。')
    await page.getByRole('button', { name: cs.closing.finalizeClose, exact: true }).click()
    await expect(page.locator('.case-head .status')).toHaveText(cs.options.status.closed)
    await shot(page, `cases-${r.lang}-closed-formC`)
    await page.getByRole('tab', { name: cs.tabs.print }).click()
    await shot(page, `cases-${r.lang}-print-tab`)
    const closed = await rpc(page, 'cases.search', { query: r.person })
    const rec = await rpc(page, 'cases.get', { id: closed[0].id })
    expect(rec.closing).toMatchObject({ category: 'end', closingType: 'goalsMet', linkedResources: '法律援助', contactedDepartments: '区法律援助中心' })
    expect(rec.closing.goals).toEqual([{ seq: 1, goal: '明白诉讼途径', achievement: '已达成', note: '' }])

    // The today view lists the high-risk and recent cases with risk visible.
    await page.keyboard.press('Alt+1')
    await expect(page.getByRole('heading', { name: cs.today.recent })).toBeVisible()
    await shot(page, `cases-${r.lang}-today`)
    // Supervisors see each worker's open cases against the 8.1 c ratios.
    await page.keyboard.press('Alt+4')
    await expect(page.getByRole('heading', { name: cs.caseload.title })).toBeVisible()
    await expect(page.locator('.caseload tbody tr')).toHaveCount(1)
    await shot(page, `cases-${r.lang}-caseload`)
  })
}
