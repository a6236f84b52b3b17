import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BenchSuite } from './harness'
import { ms, percentile } from './harness'
import { createDeskApp, type DeskApp } from '../src/main/app'
import { SCRYPT_TEST } from '../src/main/db/keyring'
import * as session from '../src/main/session/service'
import { seedFormsCase } from '../src/main/forms/fixtures'
import { getCase } from '../src/main/cases/api'
import { toFormA, type FormAData } from '../src/shared/domain/case/forms'
import { translator } from '../src/shared/i18n/resources'
import type { KeysUnder } from '../src/shared/i18n/keys'

/**
 * Form A of a long case (2,000-character demand, every 其他 ticked, 12 goal rows in its Form C):
 * cold = the first render in a fresh process (module load + font inflation + first layout), warm =
 * later renders in the same process; PDF size. Chromium's print-to-PDF of the same form as HTML
 * (playwright-core driving /usr/bin/chromium, page.pdf) runs in the same bench for comparison.
 */
const SUP = { displayName: '陈督导', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' as const }
const AT = new Date('2026-11-20T02:00:00Z')
const CHILD_FLAG = '--forms-cold-child'

function longCase(): { app: DeskApp; caseId: number; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-forms-'))
  const app = createDeskApp({ dataDir: join(root, 'data'), kdf: SCRYPT_TEST, idleWatch: false, now: () => AT })
  session.setup(app.desk, SUP)
  session.addUser(app.desk, { displayName: '李社工', loginName: 'li', passphrase: 'violet river lantern morning', role: 'worker' })
  const { caseId } = seedFormsCase(app.desk, { name: '陈𠮶堃', demandChars: 2000, goalRows: 12, allOther: true, interviews: 3 })
  return { app, caseId, cleanup: () => (app.stop(), rmSync(root, { recursive: true, force: true })) }
}

/** The child: data first (not timed), then import the renderer and render once (timed). */
async function coldChild(): Promise<void> {
  const { app, caseId, cleanup } = longCase()
  try {
    const t = process.hrtime.bigint()
    const { renderCaseForms } = await import('../src/main/forms/service')
    const { bytes } = await renderCaseForms(app.desk, { caseId, form: 'A', lang: 'zh-CN' }, { at: AT })
    const cold = ms(t)
    const t2 = process.hrtime.bigint()
    await renderCaseForms(app.desk, { caseId, form: 'A', lang: 'zh-CN' }, { at: AT })
    process.stdout.write(JSON.stringify({ cold, second: ms(t2), size: bytes.length }) + '\n')
  } finally {
    cleanup()
  }
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** Form A as a plain HTML table with the same labels and values, for Chromium's print-to-PDF. */
function formAHtml(d: FormAData): string {
  const t = translator('zh-CN', 'forms')
  const L = (k: KeysUnder<'forms', 'pdf.a'>) => esc(t(`pdf.a.${k}`))
  const row = (label: string, value: string) => `<tr><th>${label}</th><td colspan="3">${esc(value).replace(/\n/g, '<br>')}</td></tr>`
  const pair = (a: string, av: string, b: string, bv: string) => `<tr><th>${a}</th><td>${esc(av)}</td><th>${b}</th><td>${esc(bv)}</td></tr>`
  return `<!doctype html><meta charset="utf-8"><style>
    @page { size: A4; margin: 18mm 15mm 19mm 18mm }
    body { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 9.5pt; line-height: 1.25 }
    h1 { text-align: center; font-size: 13pt } table { width: 100%; border-collapse: collapse }
    th, td { border: 0.6pt solid #000; padding: 3.5pt 4pt; text-align: left; vertical-align: top }
    th { background: #ececec; font-weight: normal; width: 78pt }</style>
    <h1>${L('title')}</h1><table>
    ${pair(L('contactDate'), d.contactDate, L('worker'), d.worker?.displayName ?? '')}
    ${row(L('source'), d.sourceText)}${row(L('demands'), d.demands)}${row(L('petitionHistory'), d.petitionHistory)}
    ${row(L('personality'), d.personality)}${pair(L('referralOrg'), d.referralOrg, L('referralContact'), d.referralContact)}
    ${pair(L('clientName'), d.clientName, L('gender'), d.gender ?? '')}${pair(L('phone'), d.phone, L('address'), d.address)}
    ${pair(L('birth'), d.birth, L('age'), String(d.age ?? ''))}${pair(L('occupation'), d.occupation, L('economicStatus'), d.economicStatus)}
    ${row(L('language'), '☑ ' + d.languageOther)}${row(L('marital'), '☑ ' + d.maritalOther)}${row(L('living'), '☑ ' + d.livingOther)}
    ${row(L('needs'), d.needs.join(' ') + ' ' + d.needsOther)}${row(L('background'), d.background)}${row(L('assessment'), d.assessment)}
    ${row(L('needsAnalysis'), d.needsAnalysis)}${row(L('serviceGoals'), d.serviceGoals)}${row(L('serviceStrategy'), d.serviceStrategy)}
    ${row(L('evaluationMethods'), d.evaluationMethods)}${row(L('workerSign'), d.workerSignedDate)}${row(L('supervisorSign'), '')}
    </table>`
}

const formA: BenchSuite = {
  name: 'forms: Form A of a long case (pdfmake) vs Chromium print-to-PDF',
  async run(report) {
    // Cold: a fresh process, so module loading and font inflation are counted.
    const root = resolve(__dirname, '..')
    const child = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, join(root, 'bench/forms.ts'), CHILD_FLAG],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json'), DESK_LOG: 'silent' }, timeout: 300_000 }
    )
    const line = child.stdout.trim().split('\n').pop() ?? ''
    if (child.status === 0 && line.startsWith('{')) {
      const c = JSON.parse(line) as { cold: number; second: number; size: number }
      report({ name: 'forms: Form A long case, cold (fresh process, fonts)', value: c.cold, unit: 'ms', target: '< 2000 ms' })
      report({ name: 'forms: Form A long case, second render in that process', value: c.second, unit: 'ms' })
    } else process.stderr.write(`cold child failed: ${child.stderr.slice(-400)}\n`)

    const { app, caseId, cleanup } = longCase()
    try {
      const { renderCaseForms } = await import('../src/main/forms/service')
      const req = { caseId, form: 'A' as const, lang: 'zh-CN' as const }
      let bytes = (await renderCaseForms(app.desk, req, { at: AT })).bytes
      for (let i = 0; i < 3; i++) await renderCaseForms(app.desk, req, { at: AT }) // JIT warm-up
      const samples: number[] = []
      for (let i = 0; i < 10; i++) {
        const t = process.hrtime.bigint()
        bytes = (await renderCaseForms(app.desk, req, { at: AT })).bytes
        samples.push(ms(t))
      }
      const warm = percentile(samples, 50)
      report({ name: 'forms: Form A long case, warm (median of 10)', value: warm, unit: 'ms', target: '< 1000 ms' })
      report({ name: 'forms: Form A long case, warm p95', value: percentile(samples, 95), unit: 'ms' })
      report({ name: 'forms: Form A long case, PDF size', value: bytes.length / 1024, unit: 'KiB', target: '< 1024 KiB' })
      // Forms B and C alone (paginated the same way), median of 5 each.
      for (const form of ['B', 'C'] as const) {
        const xs: number[] = []
        for (let i = 0; i < 5; i++) {
          const t = process.hrtime.bigint()
          await renderCaseForms(app.desk, { caseId, form, lang: 'zh-CN' }, { at: AT })
          xs.push(ms(t))
        }
        report({ name: `forms: Form ${form} long case, warm (median of 5)`, value: percentile(xs, 50), unit: 'ms' })
      }
      const all = await renderCaseForms(app.desk, { caseId, form: 'all', lang: 'zh-CN' }, { at: AT })
      report({ name: 'forms: whole case (A + 3×B + C), size', value: all.bytes.length / 1024, unit: 'KiB' })

      // Chromium, same content as HTML.
      let chromium: typeof import('playwright-core').chromium
      try {
        chromium = (await import('playwright-core')).chromium
      } catch {
        process.stderr.write('playwright-core not available: Chromium comparison skipped\n')
        return
      }
      const html = formAHtml(toFormA(getCase(app.desk, caseId)))
      const t0 = process.hrtime.bigint()
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
      })
      try {
        const page = await browser.newPage()
        await page.setContent(html)
        const first = await page.pdf({ format: 'A4', printBackground: true })
        report({ name: 'forms: Chromium cold (launch + first page.pdf)', value: ms(t0), unit: 'ms' })
        const cs: number[] = []
        let pdf = first
        for (let i = 0; i < 5; i++) {
          const t = process.hrtime.bigint()
          await page.setContent(html)
          pdf = await page.pdf({ format: 'A4', printBackground: true })
          cs.push(ms(t))
        }
        const cw = percentile(cs, 50)
        report({ name: 'forms: Chromium warm (setContent + page.pdf, median of 5)', value: cw, unit: 'ms' })
        report({ name: 'forms: Chromium PDF size', value: pdf.length / 1024, unit: 'KiB' })
        report({ name: 'forms: time ratio pdfmake warm / Chromium warm', value: warm / cw, unit: '×' })
        report({ name: 'forms: size ratio pdfmake / Chromium', value: bytes.length / pdf.length, unit: '×' })
      } finally {
        await browser.close()
      }
    } finally {
      cleanup()
    }
  }
}

/** Benchmarks of the forms feature. */
export const formsSuites: BenchSuite[] = [formA]

if (process.argv.includes(CHILD_FLAG)) {
  coldChild().then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n')
      process.exit(1)
    }
  )
}
