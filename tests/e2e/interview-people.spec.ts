import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, shot, rpc, loadStrings, SHOTS } from './fixtures'

/**
 * The people the standard names (issue 12 §4), in browser mode on a real encrypted desk, in both
 * languages (the worker's screen and the lines in the same language):
 * - a Hakka-speaking 101-year-old walk-in who cannot read: the guide says the lines are shown in
 *   普通话 for an interpreter to relay, prompts to speak slowly, face her, read every form aloud,
 *   a thumbprint or 代签; the interpreter is recorded (name, language, colleague); hardship help
 *   for a non-local 户籍 with its caveat; the consent slip carries the 代签 / 按手印 line; a foreign
 *   national's case shows 外籍 in the list and on its header;
 * - a collective visit: counted at 6 at the door, the group's first lines come before Stage 1;
 *   corrected to 4 they go (the case history shows the change), back to 5 they return.
 */
type Lang = 'zh-CN' | 'yue-HK'
const LEAK = /\b(interview|script|cases|people|errors|common):[a-z]|\b[A-Z]{2,}_[A-Z]+\b|\{\{/

async function setUp(page: Page, lang: Lang) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: lang })
  await rpc(page, 'settings.set', { orgName: '某区信访社工服务站', orgPhone: '020-12345678', orgAddress: '某区某路1号', dutyPhone: '13800138000' })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

function pdf(base64: string, name: string): string {
  mkdirSync(SHOTS, { recursive: true })
  const file = join(SHOTS, `${name}.pdf`)
  writeFileSync(file, Buffer.from(base64, 'base64'))
  execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(SHOTS, name)])
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, '')
}

const pick = (lang: Lang, zh: string, yue: string) => (lang === 'zh-CN' ? zh : yue)

for (const lang of ['zh-CN', 'yue-HK'] as const) {
  const iv = loadStrings(lang, 'interview')
  const sc = loadStrings(lang, 'script')

  test(`${lang}: a Hakka-speaking 101-year-old who cannot read — interpreter, plain output language, prompts, 代签`, async ({ page }) => {
    await setUp(page, lang)
    await page.keyboard.press('Control+Shift+N')
    await page.getByLabel(iv.start.name).fill('钟𠮶妹')
    await page.getByLabel(iv.start.name).press('Enter')
    await expect(page.getByTestId('interview')).toBeVisible()
    // Form A as the registration desk recorded it: born 1925, 文盲, 客家话 first.
    const [c] = await rpc(page, 'cases.search', { query: '钟𠮶妹' })
    await rpc(page, 'cases.update', { id: c.id, patch: { birth: '1925-03', education: 'illiterate', language: ['hakka'] } })
    await page.reload()
    await expect(page.locator('.shell')).toBeVisible()
    await page.keyboard.press('Control+Shift+N')
    await page.getByTestId('unfinished').getByRole('button').first().click()
    await expect(page.getByTestId('interview')).toBeVisible()

    // Stage 1: the lines are said to be in 普通话 for an interpreter; the reminders for this person.
    const prompts = page.getByTestId('people-prompts')
    await expect(page.getByTestId('output-plan')).toContainText(pick(lang, '客家话', '客家話'))
    // Said plainly: the lines are in the language the walk-in started in (the worker's), relayed.
    await expect(page.getByTestId('output-plan')).toContainText(iv.outputLang[lang])
    for (const p of ['interpreter', 'speakSlowly', 'readAloud', 'signOnBehalf']) await expect(prompts.locator(`[data-prompt="${p}"]`)).toBeVisible()
    await expect(prompts).toContainText(sc.people.signOnBehalf.slice(0, 8))

    // The 来访人 tab: the colleague who interprets, hearing, 户籍 elsewhere.
    await page.locator('[data-tab="people"]').click()
    await expect(page.locator('[data-spoken="hakka"]')).toBeChecked()
    await page.getByTestId('interpreter-name').fill('黄小梅')
    await page.getByTestId('interpreter-language').fill(pick(lang, '客家话', '客家話'))
    await page.getByTestId('interpreter-relation').selectOption('colleague')
    await page.getByTestId('save-language').click()
    await expect(page.getByText(iv.people.languageSaved)).toBeVisible()
    await expect(page.getByTestId('interview')).toHaveAttribute('data-lang', 'zh-CN')
    await expect(page.getByTestId('output-plan')).toContainText(iv.outputLang['zh-CN'])
    await expect(prompts.locator('[data-prompt="interpreter"]')).toHaveCount(0)
    await expect(page.getByTestId('output-plan')).toContainText('黄小梅')
    await page.getByTestId('hard-of-hearing').check()
    await expect(prompts.locator('[data-prompt="faceThem"]')).toBeVisible()
    await page.getByTestId('hukou').selectOption('nonLocal')
    await expect(page.getByTestId('hardship')).toHaveAttribute('data-standing', 'nonLocal')
    // Lines are shown in 普通话 now (the interpreter relays them): the caveat is the 普通话 one.
    await expect(page.getByTestId('hardship')).toContainText(loadStrings('zh-CN', 'script').hardship.noPromise)
    await expect(page.locator('body')).not.toContainText(LEAK)
    await shot(page, `interview-people-${lang}-hakka-elderly`)

    const state = await rpc(page, 'interview.get', { interviewId: (await rpc(page, 'interview.list', { caseId: c.id }))[0].id })
    expect(state.people).toMatchObject({ age: 101, hardOfHearing: true, hukou: 'nonLocal', language: { spoken: 'hakka', interpreterName: '黄小梅', interpreterRelation: 'colleague' } })

    // The consent slip she thumbprints: read aloud, 代签 line.
    const slip = await rpc(page, 'cases.consentSlip', { caseId: c.id, lang, action: 'save' })
    const text = pdf(slip.base64, `interview-people-${lang}-consent-slip`)
    expect(text).toContain(pick(lang, '代签人', '代簽人'))
    // (pdftotext -layout interleaves the table's columns: 按手 … 印 may have 日期 between them.)
    expect(text).toMatch(new RegExp(pick(lang, '按手(日期)?印', '按指(日期)?模')))

    // A foreign national's case: 外籍 in the list and on the case header.
    const other = await rpc(page, 'cases.create', { partyKind: 'person', name: 'Nguyễn Thị Lan' })
    await rpc(page, 'person.set', { caseId: other.id, patch: { foreignNational: true, nationality: pick(lang, '越南', '越南') } })
    await page.keyboard.press('Alt+3')
    await page.getByLabel(loadStrings(lang, 'cases').search.label).fill('Nguyen')
    const row = page.locator('.case-table tr', { hasText: other.caseNo })
    await expect(row.locator('[data-flag="foreignNational"]')).toHaveText(iv.people.foreignFlag)
    await row.getByRole('button', { name: other.caseNo }).click()
    await expect(page.locator('.case-meta [data-flag="foreignNational"]')).toBeVisible()
    await shot(page, `interview-people-${lang}-foreign-header`)
  })

  test(`${lang}: a collective visit — the group's first lines at arrival follow the headcount (6 → 4 → 5)`, async ({ page }) => {
    await setUp(page, lang)
    await page.keyboard.press('Control+Shift+N')
    await page.getByLabel(iv.start.name).fill(pick(lang, '石围村村民', '石圍村村民'))
    await page.getByRole('radio', { name: iv.outputLang[lang] }).check()
    await page.getByLabel(iv.start.headcount).fill('6')
    await expect(page.getByText(iv.start.collectiveNote.replace('{{count}}', '6'))).toBeVisible()
    await page.getByLabel(iv.start.name).press('Enter')
    await expect(page.getByTestId('interview')).toHaveAttribute('data-lang', lang)

    // Before Stage 1: calm first, at most 5 representatives, where the others wait, how they hear.
    const arrival = page.getByTestId('arrival-lines')
    await expect(arrival.locator('li')).toHaveCount(4)
    await expect(arrival.locator('li').first()).toHaveText(sc.arrival.group.calm)
    await expect(arrival).toContainText(sc.arrival.group.representatives)
    await expect(page.locator('body')).not.toContainText(LEAK)
    await shot(page, `interview-people-${lang}-collective-arrival`)

    // Counted again: 4. Not collective; the case history shows the change.
    await page.locator('[data-tab="people"]').click()
    await expect(page.getByTestId('headcount')).toHaveValue('6')
    await page.getByTestId('headcount').fill('4')
    await page.getByTestId('save-headcount').click()
    await expect(page.getByTestId('collective-state')).toHaveAttribute('data-collective', 'false')
    await expect(arrival).toHaveCount(0)
    const [c] = await rpc(page, 'cases.search', { query: pick(lang, '石围村村民', '石圍村村民') })
    const [v] = await rpc(page, 'cases.history', { id: c.id })
    expect(v.changedFields.sort()).toEqual(['headcount', 'partyKind'])
    expect(v.before).toEqual({ headcount: 6, partyKind: 'collective' })
    await shot(page, `interview-people-${lang}-collective-corrected`)

    // Five after all: collective again, the lines come back.
    await page.getByTestId('headcount').fill('5')
    await page.getByTestId('save-headcount').click()
    await expect(page.getByTestId('collective-state')).toHaveAttribute('data-collective', 'true')
    await expect(page.getByTestId('arrival-lines')).toBeVisible()
  })
}
