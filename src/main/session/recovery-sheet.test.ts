import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import { pdfFonts, pdfPages, pdfText, squash } from '../pdf/poppler'
import * as svc from './service'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

async function sheet(desk: TestDesk, recoveryKey: string) {
  const res = await desk.router.invoke('session.recoverySheet', { recoveryKey, action: 'save' })
  if (!res.ok) return res
  const value = res.value as { mode: string; base64: string; fileName: string }
  return { ...res, pdf: Buffer.from(value.base64, 'base64'), value }
}

describe('recovery sheet PDF', () => {
  it.each(['zh-CN', 'yue-HK'] as const)('one A4 page in %s: the key, what it is for, date and organisation — no names', async (locale) => {
    d = setupDesk({ now: () => new Date('2026-11-26T10:00:00Z') })
    await d.router.invoke('session.setLocale', { locale })
    await d.router.invoke('settings.set', { orgName: '广州市某区信访局社工服务站' })
    const res = await sheet(d, d.recoveryKey)
    if (!('pdf' in res)) throw new Error(JSON.stringify(res))
    expect(res.value.fileName).toBe(locale === 'zh-CN' ? '恢复密钥_2026-11-26.pdf' : '復原密鑰_2026-11-26.pdf')
    expect(pdfPages(res.pdf)).toBe(1)
    for (const f of pdfFonts(res.pdf)) expect(f).toMatchObject({ emb: true, sub: true })
    const text = squash(pdfText(res.pdf))
    expect(text).toContain(d.recoveryKey.replace(/-/g, ''))
    expect(text).toContain('广州市某区信访局社工服务站')
    expect(text).toContain('2026年11月26日')
    expect(text).toContain(locale === 'zh-CN' ? '恢复密钥' : '復原密鑰')
    expect(text).toContain(squash(locale === 'zh-CN' ? '放进办公室保险柜' : '存放在辦公室夾萬內'))
    for (const name of [SUPERVISOR.displayName, SUPERVISOR.loginName, WORKER.displayName]) expect(text).not.toContain(name)
  })

  it('accepts the key as typed back, refuses a wrong one, and is for supervisors only', async () => {
    d = setupDesk()
    const typed = d.recoveryKey.toLowerCase().replace(/-/g, ' ')
    const ok = await sheet(d, typed)
    expect(ok.ok).toBe(true)
    expect(squash(pdfText((ok as { pdf: Buffer }).pdf))).toContain(d.recoveryKey.replace(/-/g, ''))
    expect(await sheet(d, '0000-0000-0000-0000-0000-0000-0000-0000')).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    svc.logout(d.desk)
    await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    expect(await sheet(d, d.recoveryKey)).toMatchObject({ code: 'FORBIDDEN' })
  })
})
