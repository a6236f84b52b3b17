import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, rpcResult, loadStrings } from './fixtures'

/**
 * Records that change only on purpose (issue 10), as a worker lives it, in each UI language:
 * two contacts on one case in one window session (the second is 第2次 and never overwrites the
 * first; the first is read-only; correcting it needs a reason and shows in its 修改记录), and a
 * close dated before the opening refused with the message beside 结案/转出日期, nothing typed lost.
 */
type Lang = 'zh-CN' | 'yue-HK'

/** The one on screen: screens left earlier stay mounted (hidden) so nothing typed is lost. */
const v = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

const pad = (n: number) => String(n).padStart(2, '0')
/** A date `days` before today on the hall's calendar (UTC+8), as the date inputs take it. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

async function setUp(page: Page, lang: Lang) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: lang })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

async function openCase(page: Page, lang: Lang, caseNo: string) {
  const cs = loadStrings(lang, 'cases')
  await page.keyboard.press('Alt+3')
  await page.getByLabel(cs.search.label).fill(caseNo)
  await page.locator('.case-table').getByRole('button', { name: caseNo }).click()
}

/** On the interview desk: type the notes, go to 结束与约定, end the contact. */
async function contact(page: Page, notes: string) {
  await expect(v(page, 'interview')).toBeVisible()
  const box = page.locator('textarea[data-field="notes"]:visible')
  // As a worker would: F4, and again if the desk had not yet taken the first press.
  await expect(async () => {
    await page.keyboard.press('F4')
    await expect(box).toBeFocused({ timeout: 1_000 })
  }).toPass({ timeout: 10_000 })
  await box.pressSequentially(notes)
  await page.locator('[data-tab="closing"]:visible').click()
  await v(page, 'finish').click()
  await expect(v(page, 'ended-view')).toBeVisible()
}

for (const lang of ['zh-CN', 'yue-HK'] as const) {
  test(`records in ${lang}: two contacts on one case, the first stays as it was; a correction needs a reason; a close before the opening is refused beside the field`, async ({ page }) => {
    const iv = loadStrings(lang, 'interview')
    const cs = loadStrings(lang, 'cases')
    const er = loadStrings(lang, 'errors')
    await setUp(page, lang)
    const opened = daysAgo(6)
    const c = await rpc(page, 'cases.create', { partyKind: 'person', name: '钟𠮶妹', contactDate: opened })
    await openCase(page, lang, c.caseNo)

    // 第1次: a visit. Ending it shows the record read-only, with Form A's proposal to decide on.
    await page.getByRole('button', { name: iv.start.fromCase }).click()
    await contact(page, '第一次：到访，讲述欠薪经过')
    await expect(page.getByRole('heading', { name: iv.ended.title.replace('{{caseNo}}', c.caseNo).replace('{{n}}', '1') })).toBeVisible()
    await expect(v(page, 'proposal')).toBeVisible()
    await v(page, 'proposal-decline').click()
    await expect(v(page, 'proposal-outcome')).toHaveText(iv.proposal.declined.replace('{{n}}', '1'))
    // Ending wrote nothing into Form A in the worker's name.
    expect((await rpc(page, 'cases.get', { id: c.id })).fields.language).toEqual([])

    // Back to the case, 开始会谈 again (same window session): 第2次, empty, the first untouched.
    await page.getByRole('button', { name: iv.ended.backToCase }).click()
    await page.getByRole('button', { name: iv.start.fromCase }).click()
    await expect(page.locator('textarea[data-field="notes"]:visible')).toHaveValue('')
    await contact(page, '第二次：电话联系其妹妹')
    await expect(page.getByRole('heading', { name: iv.ended.title.replace('{{caseNo}}', c.caseNo).replace('{{n}}', '2') })).toBeVisible()
    const list = await rpc(page, 'interview.list', { caseId: c.id })
    expect(list.map((x: { workCount: number }) => x.workCount)).toEqual([1, 2])
    const first = await rpc(page, 'interview.get', { interviewId: list[0].id })
    expect(first.texts.notes).toBe('第一次：到访，讲述欠薪经过')
    expect((await rpc(page, 'interview.get', { interviewId: list[1].id })).texts.notes).toBe('第二次：电话联系其妹妹')

    // The first contact, opened from the case: read-only on screen, refused by the service.
    await page.getByRole('button', { name: iv.ended.backToCase }).click()
    await page.getByRole('tab', { name: cs.tabs.interviews }).click()
    await page.getByRole('button', { name: cs.interviews.nth.replace('{{n}}', '1') }).click()
    await expect(v(page, 'ended-notes')).toHaveText('第一次：到访，讲述欠薪经过')
    await expect(page.locator('textarea[data-field="notes"]:visible')).toHaveCount(0)
    expect(await rpcResult(page, 'interview.save', { interviewId: first.id, changes: [{ field: 'notes', value: '改写', revision: 999 }] })).toMatchObject({
      ok: false,
      code: 'CONFLICT'
    })

    // Correcting it is deliberate: without a reason it is refused beside the reason; with one it is kept in 修改记录.
    await v(page, 'correct').click()
    await v(page, 'correct-notes').fill('第一次：到访（星期三），讲述欠薪经过')
    await v(page, 'correct-save').click()
    await expect(v(page, 'correction-form').getByRole('alert')).toHaveText(iv.errors.correctionReason)
    await expect(v(page, 'correct-notes')).toHaveValue('第一次：到访（星期三），讲述欠薪经过')
    await v(page, 'correct-reason').fill('到访日期记错')
    await v(page, 'correct-save').click()
    await expect(v(page, 'ended-notes')).toHaveText('第一次：到访（星期三），讲述欠薪经过')
    await expect(v(page, 'corrections')).toContainText('到访日期记错')
    await expect(v(page, 'corrections')).toContainText('陈美玲')
    await v(page, 'corrections').locator('summary').first().click()
    await expect(v(page, 'corrections')).toContainText('第一次：到访，讲述欠薪经过')
    await shot(page, `records-${lang}-corrected`)

    // Form C: a close dated before the opening is refused, the message beside 结案/转出日期, nothing typed lost.
    await page.getByRole('button', { name: iv.ended.backToCase }).click()
    await page.getByRole('tab', { name: cs.tabs.closing }).click()
    await page.getByLabel(cs.closing.reflection).fill('及早链接资源')
    await page.getByLabel(cs.closing.openedDate).fill(opened)
    await page.getByLabel(cs.closing.closedDate).fill(daysAgo(7))
    await page.getByRole('radio', { name: cs.options.closingType.goalsMet }).check()
    await page.getByRole('button', { name: cs.closing.finalizeClose }).click()
    const beside = v(page, 'closing-error-closedDate')
    await expect(beside).toHaveText(er.dates.closedBeforeOpened.replace('{{date}}', opened))
    await shot(page, `records-${lang}-close-refused`)
    await expect(page.getByLabel(cs.closing.reflection)).toHaveValue('及早链接资源')
    const kase = await rpc(page, 'cases.get', { id: c.id })
    expect(kase.closing).toBeNull()
    expect(['closed', 'transferred']).not.toContain(kase.status)
    // The service refuses it too, whatever a screen sends (a draft as well).
    const refused = await rpcResult(page, 'cases.close', {
      id: c.id,
      finalize: false,
      closing: {
        category: 'end', openedDate: opened, closedDate: daysAgo(7), transferReason: null, transferReasonOther: '', closingType: 'goalsMet',
        closingTypeOther: '', linkedResources: '', contactedDepartments: '', goals: [], reflection: '', workerSignedDate: '', transferTo: ''
      }
    })
    expect(refused).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'errors:dates.closedBeforeOpened', field: 'closedDate' })
  })
}
