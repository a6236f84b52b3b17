import type { Page } from '@playwright/test'
import { test, expect, shot, rpc, loadStrings } from './fixtures'

/**
 * A whole first interview in browser mode on a real encrypted desk, once per output language:
 * Ctrl+Shift+N → Enter starts a walk-in; stages, lines, checks, emotion and pause, 5W1H, needs,
 * rules with dates, a crisis opened mid-way, the closing summary and follow-up, the read-back window;
 * then what was saved (through IPC as the page's client makes it) and what Form B holds.
 * Labels come from the locale files so both languages run the same steps.
 */
type Lang = 'zh-CN' | 'yue-HK'
const load = loadStrings


async function setUp(page: Page) {
  await page.waitForLoadState('networkidle')
  await rpc(page, 'desk.setup', { displayName: '陈美玲', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' })
  await rpc(page, 'settings.set', {
    orgName: '某区信访社工服务站',
    orgPhone: '020-12345678',
    siteContacts: [{ label: '值班保安', phone: '020-87654321' }]
  })
  await page.reload()
  await expect(page.locator('.shell')).toBeVisible()
}

/** 1366×768: the strip (clock, stage, risk button) is on screen and the core panel does not scroll. */
async function expectFits(page: Page) {
  const m = await page.evaluate(() => {
    const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect()
    const left = document.querySelector('.iv-left') as HTMLElement
    return {
      risk: box('.iv-risk'),
      clock: box('.iv-clock'),
      stages: box('.iv-stages'),
      leftOverflow: left.scrollHeight - left.clientHeight,
      script: (() => { const el = document.querySelector('.iv-script') as HTMLElement; return el.scrollHeight - el.clientHeight })()
    }
  })
  for (const b of [m.risk, m.clock, m.stages]) {
    expect(b.right).toBeLessThanOrEqual(1366)
    expect(b.bottom).toBeLessThanOrEqual(768)
    expect(b.top).toBeGreaterThanOrEqual(0)
  }
  expect(m.leftOverflow).toBeLessThanOrEqual(1)
  expect(m.script).toBeLessThanOrEqual(1)
}

const CASES: { out: Lang; name: string; demand: string; greetPart: string }[] = [
  { out: 'zh-CN', name: '黄𠮶堃', demand: '要求补发拖欠三个月的工资', greetPart: '是这里的社工' },
  { out: 'yue-HK', name: '陳·阿婆', demand: '要求補發拖欠三個月嘅人工', greetPart: '你好，我係呢度嘅社工' }
]

for (const c of CASES) {
  test(`a whole first interview in ${c.out}, with a crisis mid-way and the read-back window`, async ({ page }) => {
    const iv = load('zh-CN', 'interview') // the worker's UI language
    const sc = load(c.out, 'script')
    const ss = load('zh-CN', 'session')
    await setUp(page)

    // Two keystrokes: Ctrl+Shift+N, then Enter (after the name).
    await page.keyboard.press('Control+Shift+N')
    await expect(page.getByRole('heading', { name: iv.start.title })).toBeVisible()
    await page.getByLabel(iv.start.name).fill(c.name)
    await page.getByRole('radio', { name: iv.outputLang[c.out] }).check()
    await page.getByLabel(iv.start.name).press('Enter')
    const screen = page.getByTestId('interview')
    await expect(screen).toHaveAttribute('data-lang', c.out)
    await expect(page.getByTestId('script-lines')).toContainText(c.greetPart)
    await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}$/)
    await shot(page, `interview-${c.out}-rapport`)

    // The cheat sheet is one key away.
    await page.keyboard.press('F1')
    await expect(page.getByTestId('cheatsheet')).toBeVisible()
    await expect(page.getByTestId('cheatsheet')).toContainText('Ctrl+Shift+N')
    await page.getByTestId('cheatsheet').getByRole('button').click()
    await expect(page.getByTestId('cheatsheet')).toBeHidden()

    // Stage 1 checks, then notes typed (IME-style composition included).
    await page.locator('[data-check="introduced"]').check()
    await page.locator('[data-check="offeredWater"]').check()
    await page.keyboard.press('F4')
    const notes = page.locator('textarea[data-field="notes"]')
    await expect(notes).toBeFocused()
    await notes.pressSequentially('信访人进门时很着急，手里拿着一叠材料。')
    // While an IME is composing (a pinyin candidate open), keys must not trigger the shortcuts.
    await notes.evaluate((el) => {
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }))
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'F9', bubbles: true, isComposing: true }))
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true, isComposing: true }))
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '材料' }))
    })
    await expect(page.getByTestId('crisis')).toHaveCount(0)
    await expect(page.getByRole('tab', { name: new RegExp(iv.stages.rapport) })).toHaveAttribute('aria-selected', 'true')

    // Lock in the middle of a sentence (before the autosave fires), unlock: nothing is lost.
    await notes.pressSequentially('锁屏前最后一句。', { delay: 5 })
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { name: ss.lock.title })).toBeVisible()
    await page.getByLabel(ss.fields.passphrase, { exact: true }).fill('river lantern autumn violet')
    await page.keyboard.press('Enter')
    await expect(notes).toBeVisible()
    await expect(notes).toHaveValue(/锁屏前最后一句。$/)
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 10_000 })
    await notes.focus()

    await page.keyboard.press('F2')
    await expect(page.getByRole('tab', { name: new RegExp(iv.stages.emotion) })).toHaveAttribute('aria-selected', 'true')

    // Emotion: crying → de-escalation with a pause timer.
    await page.keyboard.press('F6')
    await page.keyboard.press('4')
    await expect(page.getByTestId('deescalation')).toBeVisible()
    await expect(page.getByTestId('deescalation')).toContainText(sc.empathy.heavy)
    await page.getByRole('button', { name: iv.deesc.pause1 }).click()
    await expect(page.getByTestId('pause-left')).toBeVisible()
    await shot(page, `interview-${c.out}-deescalation`)
    await expectFits(page)

    // 5W1H and the surface demand.
    await page.keyboard.press('F3')
    await page.locator('[data-field="wWhen"]').fill('2026年8月起')
    await page.locator('[data-field="wWho"]').fill('某建筑公司')
    await page.locator('[data-field="surfaceDemand"]').fill(c.demand)
    await page.locator('[data-field="experience"]').fill('曾到区人社局反映两次')

    // Crisis mid-way: one key, self-harm hint.
    await page.keyboard.press('F9')
    await expect(page.getByTestId('crisis')).toBeVisible()
    await page.keyboard.press('1')
    // Choosing what is happening records nothing; the first step taken confirms the risk.
    await expect(page.getByTestId('supervisor-notified')).toHaveCount(0)
    await page.locator('[data-step="stayWith"]').click()
    await expect(page.getByTestId('supervisor-notified')).toBeVisible()
    await page.locator('[data-step="callHelp"]').click()
    await expect(page.getByTestId('crisis')).toContainText('12356')
    await expect(page.getByTestId('crisis')).toContainText('020-87654321')
    await shot(page, `interview-${c.out}-crisis`)
    await page.getByRole('button', { name: iv.crisis.close }).click()
    await expect(page.getByTestId('crisis')).toBeHidden()

    // Needs: wage arrears → accept "urgent living assistance".
    await page.keyboard.press('F3')
    await page.getByTestId('matter-type').selectOption('wageArrears')
    await page.locator('[data-need="livingAssistance"]').click()
    await page.getByTestId('route').selectOption('petition')

    // Rules with dates: the walk-in chain, never "notice within 15 days of today".
    await page.keyboard.press('F3')
    await page.keyboard.press('F2')
    await expect(page.getByTestId('rules')).toBeVisible()
    await expect(page.locator('[data-rule="walkIn"]')).toBeVisible()
    await expect(page.locator('[data-rule="accepted"]')).toBeVisible()
    await shot(page, `interview-${c.out}-rules`)

    // Switch output language mid-way and back: nothing lost.
    await page.keyboard.press('Alt+L')
    await expect(screen).toHaveAttribute('data-lang', c.out === 'zh-CN' ? 'yue-HK' : 'zh-CN')
    await page.keyboard.press('Alt+L')
    await expect(screen).toHaveAttribute('data-lang', c.out)

    // Closing: follow-up, drafted summary (with an over-promise flagged), finish.
    await page.keyboard.press('F3')
    await page.keyboard.press('F2')
    await page.getByTestId('schedule').click()
    await expect(page.getByText(new RegExp(iv.closing.scheduled.replace('{{date}}', '')))).toBeVisible()
    await page.getByTestId('draft-summary').click()
    const summary = page.locator('textarea[data-field="summary"]')
    await expect(summary).toHaveValue(new RegExp(c.demand))
    await summary.press('End')
    await summary.pressSequentially(c.out === 'zh-CN' ? '我来帮您搞定。' : '包你搞掂。')
    await expect(page.locator('.iv-guard')).toBeVisible()
    await shot(page, `interview-${c.out}-closing`)
    await expectFits(page)
    await page.locator('.iv-guard').getByRole('button', { name: iv.guard.use }).first().click()
    await expect(page.locator('.iv-guard')).toBeHidden()

    // Read-back in a second window, in the output language, with no risk words.
    const popupPromise = page.waitForEvent('popup')
    await page.keyboard.press('F8')
    const popup = await popupPromise
    await popup.setViewportSize({ width: 1366, height: 768 })
    const rb = popup.getByTestId('readback')
    await expect(rb).toContainText(sc.readback.title)
    await expect(rb).toContainText(c.demand)
    await expect(rb).not.toContainText('危急')
    await expect(rb).not.toContainText('非理性')
    await popup.getByTestId('read-aloud').click()
    await expect(popup.getByTestId('no-voice')).toContainText(sc.readback.noVoice)
    await shot(popup, `interview-${c.out}-readback`)
    // The worker is told too (headless Chromium has no speech voices).
    await expect(page.getByTestId('worker-no-voice')).toBeVisible()

    await page.getByTestId('finish').click()
    // The ended contact is shown read-only; what it suggests for Form A waits for the worker's say.
    await expect(page.getByTestId('ended-view')).toBeVisible()
    await expect(page.getByTestId('proposal-demands')).toHaveValue(c.demand)
    await page.getByTestId('proposal-accept').click()
    await expect(page.getByTestId('proposal-outcome')).toBeVisible()

    // What was saved: the interview, the case, Form B.
    const cases = await rpc(page, 'cases.list', {})
    expect(cases.length).toBeGreaterThan(0)
    const caseId = cases[0].id
    const list = await rpc(page, 'interview.list', { caseId })
    expect(list).toHaveLength(1)
    const s = await rpc(page, 'interview.get', { interviewId: list[0].id })
    expect(s.texts.notes).toContain('手里拿着一叠材料')
    expect(s.texts.notes).toContain('锁屏前最后一句。')
    expect(s.texts.surfaceDemand).toBe(c.demand)
    expect(s.texts.summary).not.toMatch(/搞定|搞掂/)
    expect(s.emotions.map((e: any) => e.level)).toEqual(['crying'])
    expect(s.checks.filter((x: any) => x.checked).map((x: any) => x.checkId).sort()).toEqual(['introduced', 'offeredWater'])
    expect(s.events.map((e: any) => e.kind)).toEqual(expect.arrayContaining(['pause', 'crisis.open', 'crisis.step', 'followUp', 'readBack']))
    expect(s.riskLevel).toBe('critical')
    expect(s.stages.length).toBeGreaterThanOrEqual(4)
    const b = await rpc(page, 'interview.formB', { interviewId: s.id })
    expect(b.workCount).toBe(1)
    expect(b.workForm).toBe('faceToFace')
    expect(b.subject).toBe(c.name)
    expect(b.record).toContain('手里拿着一叠材料')
    expect(b.followUpPlan).toContain(s.followUpDate)
    expect(b.outputLang).toBe(c.out)
    const handout = await rpc(page, 'interview.handout', { interviewId: s.id, paper: 'A5', action: 'save' })
    expect(handout.mode).toBe('bytes')
    expect(handout.pages).toBe(1)
    const kase = await rpc(page, 'cases.get', { id: caseId })
    expect(kase.fields.demands).toBe(c.demand)
    expect(kase.fields.language).toEqual([c.out === 'yue-HK' ? 'cantonese' : 'putonghua'])
    expect(kase.flowActions.length).toBeGreaterThanOrEqual(3)
    expect(kase.followUps[0].dueDate).toBe(s.followUpDate)
  })
}
