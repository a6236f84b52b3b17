import { test, expect, shot } from './fixtures'

test('first run: create the supervisor, keep the recovery key, reach the desk', async ({ page }) => {
  await expect(page.getByRole('heading', { name: '首次设置接待台' })).toBeVisible()
  await page.getByLabel('姓名（显示名）').fill('陈督导')
  await page.getByLabel('登录名').fill('chen')
  await page.getByLabel('设置密码').fill('river lantern autumn violet')
  await page.getByLabel('再输入一次密码').fill('river lantern autumn violet')
  await shot(page, 'setup-zh')
  await page.getByRole('button', { name: '创建督导账号' }).click()
  await expect(page.getByTestId('recovery-key')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
  await page.getByLabel('我已经抄写或打印好恢复密钥').check()
  await page.getByRole('button', { name: '继续' }).click()
  await expect(page.getByRole('heading', { name: '陈督导，您好' })).toBeVisible()
  await shot(page, 'today-zh')
})
