import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchSuite } from './harness'
import { ms } from './harness'
import { createDeskApp } from '../src/main/app'
import { SCRYPT_TEST } from '../src/main/db/keyring'
import * as session from '../src/main/session/service'
import { seedFormsCase } from '../src/main/forms/fixtures'
import { signOff } from '../src/main/supervisor/api'
import { batchPrint } from '../src/main/archive/print'

/**
 * The records clerk's batch print (issue 15 §4): 50 typical cases, each with Form A and one Form B
 * signed off (100 forms), printed as one PDF and as one PDF per case (no platform: the bytes are
 * handed back as in browser mode). Time from the call to the last byte, and the PDFs' size; the
 * prints are recorded, so the second run of the same queue is all reprints (补打（副本）).
 */
const SUP = { displayName: '陈督导', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' as const }
const CASES = 50

export const archiveSuites: BenchSuite[] = [
  {
    name: 'clerk: batch print of 50 cases',
    async run(report) {
      const root = mkdtempSync(join(tmpdir(), 'desk-bench-archive-'))
      const app = createDeskApp({ dataDir: join(root, 'data'), kdf: SCRYPT_TEST, idleWatch: false, now: () => new Date('2026-11-20T02:00:00Z') })
      try {
        session.setup(app.desk, SUP)
        session.addUser(app.desk, { displayName: '李社工', loginName: 'li', passphrase: 'violet river lantern morning', role: 'worker' })
        const items: { kind: 'A' | 'B'; subjectId: number }[] = []
        for (let i = 0; i < CASES; i++) {
          const c = seedFormsCase(app.desk, { name: `陈𠮶堃${i}`, interviews: 1, cantonese: i % 3 === 0 })
          signOff(app.desk, { kind: 'A', subjectId: c.caseId, opinion: '同意接案。' })
          signOff(app.desk, { kind: 'B', subjectId: c.interviewIds[0], opinion: '跟进及时。' })
          items.push({ kind: 'A', subjectId: c.caseId }, { kind: 'B', subjectId: c.interviewIds[0] })
        }
        for (const bundle of ['one', 'perCase'] as const) {
          const t = process.hrtime.bigint()
          const s = await batchPrint(app.desk, { items, lang: 'zh-CN', bundle, action: 'save' })
          const took = ms(t)
          const bytes = s.deliveries.reduce((n, d) => n + (d.mode === 'bytes' ? Buffer.byteLength(d.base64, 'base64') : 0), 0)
          report({ name: `clerk: 50 cases (100 forms), ${bundle === 'one' ? 'one PDF' : 'one PDF per case'}: time`, value: took, unit: 'ms' })
          report({ name: `clerk: 50 cases, ${bundle === 'one' ? 'one PDF' : 'per case'}: size`, value: bytes / 1024, unit: 'KiB' })
          report({ name: `clerk: 50 cases, ${bundle === 'one' ? 'one PDF' : 'per case'}: pages`, value: s.pages, unit: 'pages' })
        }
      } finally {
        app.stop()
        rmSync(root, { recursive: true, force: true })
      }
    }
  }
]
