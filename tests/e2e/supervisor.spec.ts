import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, shot, startDesk, rpc } from './fixtures'

// Cheap key derivation in the browser-mode servers this spec starts (the same code path).
process.env.DESK_TEST_KDF = '1'

const PASS = 'river lantern autumn violet'
const BACKUP_PASS = 'harbour lantern quietly folding maps'

async function setupSupervisor(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次设置接待台' })).toBeVisible()
  await page.getByLabel('姓名（显示名）').fill('陈督导')
  await page.getByLabel('登录名').fill('chen')
  await page.getByLabel('设置密码').fill(PASS)
  await page.getByLabel('再输入一次密码').fill(PASS)
  await page.getByRole('button', { name: '创建督导账号' }).click()
  await page.getByLabel(/我已经抄写或打印好恢复密钥/).check()
  await page.getByRole('button', { name: '继续' }).click()
}


const NAMES = ['黄𠮶明', '陳堃', '阿卜杜·热合曼', '李小梅']

test('a supervisor backs up with a progress bar, verifies, restores on a fresh desk and sees the same cases', async ({ page, browserInstance }) => {
  const folder = mkdtempSync(join(tmpdir(), 'desk-e2e-usb-'))
  const second = await startDesk()
  try {
    await setupSupervisor(page)
    for (const name of NAMES) await rpc(page, 'cases.create', { partyKind: 'person', name })
    const before = await rpc<{ caseNo: string }[]>(page, 'cases.list', { order: 'caseNo' })
    expect(before).toHaveLength(NAMES.length)

    await page.getByRole('button', { name: /^督导工作/ }).click()
    await page.getByRole('tab', { name: '备份' }).click()
    await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible()
    await expect(page.getByText('还没有做过备份，请现在备份一次。')).toBeVisible()
    // Set the backup passphrase: the warning is there before anything is saved.
    await expect(page.getByText(/备份密码一旦丢失，所有备份都无法打开/)).toBeVisible()
    await page.locator('#bk-pass').fill(BACKUP_PASS)
    await page.getByLabel('再输入一次备份密码').fill(BACKUP_PASS)
    await page.getByLabel('我明白：忘记备份密码就等于丢失备份').check()
    await shot(page, 'supervisor-backup-passphrase')
    await page.getByRole('button', { name: '设置备份密码' }).click()
    await expect(page.getByText('备份密码已保存。')).toBeVisible()
    // Browser mode: no native dialog, the folder path is typed.
    await page.getByLabel('备份文件夹（例如 U 盘）').fill(folder)
    await page.getByRole('button', { name: '保存设置' }).click()
    await expect(page.getByText('设置已保存。')).toBeVisible()

    // Watch for the progress bar: it may be on screen for well under a second on a small desk.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: number[] }
      w.sawProgress = []
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="backup-progress"]') as HTMLProgressElement | null
        if (bar) w.sawProgress.push(bar.value)
      }).observe(document.body, { subtree: true, childList: true, attributes: true })
    })
    await page.getByRole('button', { name: '开始备份' }).click()
    await expect(page.getByTestId('export-result')).toContainText('备份完成')
    const seen = await page.evaluate(() => (window as unknown as { sawProgress: number[] }).sawProgress)
    expect(seen.length).toBeGreaterThan(0)
    await shot(page, 'supervisor-backup-done')

    // Verify: pick it from the folder list, type the passphrase.
    await page.getByRole('button', { name: '选用' }).first().click()
    await page.locator('#verify-pass').fill('not the backup passphrase')
    await page.getByRole('button', { name: '检查', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: '备份密码不对' })).toBeVisible()
    await page.locator('#verify-pass').fill(BACKUP_PASS)
    await page.getByRole('button', { name: '检查', exact: true }).click()
    await expect(page.getByTestId('verify-verdict')).toContainText('备份完好')
    await shot(page, 'supervisor-backup-verified')
    const file = await page.getByLabel('备份文件', { exact: true }).first().inputValue()

    // A fresh desk on another data folder: restore from the first-run screen.
    const ctx = await browserInstance.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const p2 = await ctx.newPage()
    await p2.goto(second.openUrl)
    await expect(p2.getByRole('heading', { name: '首次设置接待台' })).toBeVisible()
    await p2.getByRole('button', { name: '从备份恢复' }).click()
    expect(file.startsWith(folder)).toBe(true)
    await p2.getByLabel('备份文件', { exact: true }).fill(file)
    await p2.getByLabel('备份密码').fill(BACKUP_PASS)
    await shot(p2, 'supervisor-restore-fresh')
    await p2.getByRole('button', { name: '恢复', exact: true }).click()
    await expect(p2.getByText(/恢复完成/)).toBeVisible()
    await shot(p2, 'supervisor-restore-done')
    await p2.getByRole('button', { name: '去登录' }).click()
    await p2.getByLabel('登录名').fill('chen')
    await p2.getByLabel('密码', { exact: true }).fill(PASS)
    await p2.getByRole('button', { name: '登录', exact: true }).click()
    await expect(p2.getByRole('heading', { name: /陈督导/ })).toBeVisible()
    const after = await rpc<{ caseNo: string }[]>(p2, 'cases.list', { order: 'caseNo' })
    expect(after).toEqual(before)
    await shot(p2, 'supervisor-restored-desk')
    await ctx.close()
  } finally {
    await second.stop()
    rmSync(folder, { recursive: true, force: true })
  }
})

test('a supervisor signs off the queue, reads the audit trail, sees the figures and the retention screen', async ({ page }) => {
  await setupSupervisor(page)
  const created: { id: number; caseNo: string }[] = []
  for (const [i, name] of NAMES.entries()) {
    created.push(
      await rpc(page, 'cases.create', {
        partyKind: i === 1 ? 'collective' : 'person',
        name,
        headcount: i === 1 ? 7 : undefined,
        locality: ['天河区', '越秀区', '天河区', '番禺区'][i],
        needs: [['legalAdvice'], ['policyGuidance', 'legalAdvice'], ['emotionalSupport'], ['resourceLinking']][i]
      })
    )
  }
  // Signed on the day of the first contact (today): a signature dated before the contact is refused.
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
  await rpc(page, 'cases.update', { id: created[0].id, patch: { workerSignedDate: today, serviceGoals: '三个月内领回拖欠工资' } })

  await page.getByRole('button', { name: /^督导工作/ }).click()
  await expect(page.getByRole('tab', { name: '签批' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('heading', { name: '签批' })).toBeVisible()
  await page.locator('#main').getByRole('listitem').filter({ hasText: created[0].caseNo }).click()
  await expect(page.getByText('三个月内领回拖欠工资')).toBeVisible()
  await page.getByLabel('意见').fill('同意立案。请在七日内联系劳动监察大队并跟进。')
  await shot(page, 'supervisor-signoff')
  await page.locator('#main').getByRole('button', { name: '签批', exact: true }).click()
  await expect(page.getByText(/已由 陈督导 于 .* 签批/)).toBeVisible()
  await expect(page.getByText('没有等待签批的表格。')).toBeVisible()

  await page.getByRole('tab', { name: '操作记录' }).click()
  await expect(page.getByTestId('chain-verdict')).toContainText('哈希链完整')
  await page.getByLabel('个案编号').fill(created[0].caseNo)
  await page.getByRole('button', { name: '筛选', exact: true }).click()
  await expect(page.getByRole('cell', { name: '签批', exact: true })).toBeVisible()
  await shot(page, 'supervisor-audit')

  await page.getByRole('tab', { name: '统计' }).click()
  await expect(page.getByTestId('figures-totals')).toContainText('新接个案 4')
  await page.waitForTimeout(600)
  await shot(page, 'supervisor-figures')

  await page.getByRole('tab', { name: '档案保管' }).click()
  await expect(page.getByText('尚未设置保管年限。')).toBeVisible()
  await shot(page, 'supervisor-retention')
})
