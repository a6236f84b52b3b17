import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain ES module script (scripts/ is not TypeScript); its exports are checked here
import { chromiumArgs, chromiumEnv, findChromium } from '../../scripts/own-browser.mjs'

/**
 * Browser mode's own Chromium speaks Chinese: its date and month pickers follow the browser's UI
 * language, not the page's, so an English UI showed 结案日期 as 12/05/2026 and the report month as
 * "December 2026". Run against the machine's real Chromium (installed with chromium-l10n, as the
 * README and .ci/run say), with the arguments and environment `npm start` gives it.
 */
const dir = mkdtempSync(join(tmpdir(), 'desk-own-browser-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('browser mode’s own Chromium', () => {
  it('is started in Chinese: navigator.language is zh-CN, so date pickers read 2026/12/05', () => {
    const chromium = findChromium() as string | null
    expect(chromium, 'Chromium is installed (apt-get install chromium chromium-l10n)').toBeTruthy()
    const page = join(dir, 'lang.html')
    writeFileSync(page, '<html><body><script>document.body.textContent = "LANG=" + navigator.language</script></body></html>')
    const args = (chromiumArgs(join(dir, 'profile'), 'about:blank') as string[]).filter((a) => !a.startsWith('--app='))
    const out = execFileSync(chromium!, ['--headless', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...args, '--dump-dom', `file://${page}`], {
      env: chromiumEnv(process.env),
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    expect(out).toContain('LANG=zh-CN')
  })

  it('asks for Chinese on every platform: LANGUAGE on Linux, --lang elsewhere', () => {
    expect(chromiumArgs('/p', 'http://127.0.0.1:1/')).toContain('--lang=zh-CN')
    expect(chromiumEnv({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', LANGUAGE: 'zh_CN:zh' })
  })
})
