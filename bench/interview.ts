import type { BenchSuite } from './harness'
import { ms, percentile } from './harness'
import { setupDesk } from '../tests/support/desk'
import * as svc from '../src/main/interview/service'
import { AutosaveStore } from '../src/shared/domain/interview/autosave'
import { buildStageView, buildRule, draftSummary, rulesForRoute, routePromises, NO_EVENTS } from '../src/shared/domain/interview'
import { STAGES, type OutputLang, type TextField } from '../src/shared/domain/interview/types'
import { formatChineseDate } from '../src/shared/domain/dates'
import { fixedT } from '../src/main/interview/handout'

const LONG_NOTES = '信访人讲述：2026年8月起，某建筑公司拖欠工资三个月，家里两个孩子要交学费，老人看病也要钱。'.repeat(1200) // ≈ 55 000 characters

/**
 * Keystroke-to-saved latency on the real encrypted store with a long record, and the time to switch
 * the output language (rebuilding what the script and rules panels show). Printed, never asserted.
 */
export const interviewSuites: BenchSuite[] = [
  {
    name: 'interview: autosave',
    async run(report) {
      const t = setupDesk()
      try {
        const s = svc.startInterview(t.desk, { petitionerName: '黄𠮶堃', outputLang: 'yue-HK' })
        // 1) One save call through the router (validation + transaction) → committed row, long record.
        const samples: number[] = []
        let text = LONG_NOTES
        for (let i = 1; i <= 300; i++) {
          text += '字'
          const t0 = process.hrtime.bigint()
          const r = await t.router.invoke('interview.save', { interviewId: s.id, changes: [{ field: 'notes', value: text, revision: i }] })
          samples.push(ms(t0))
          if (!r.ok) throw new Error(r.code)
        }
        report({ name: 'save call → committed row, 55k-char notes (p50)', value: percentile(samples, 50), unit: 'ms' })
        report({ name: 'save call → committed row, 55k-char notes (p95)', value: percentile(samples, 95), unit: 'ms', target: '< 50 ms' })

        // 2) The typing path: AutosaveStore.set per keystroke (what runs inside the input handler).
        const store = new AutosaveStore(
          async (changes) => {
            const r = await t.router.invoke('interview.save', { interviewId: s.id, changes })
            if (!r.ok) throw new Error(r.code)
            return r.value as { revisions: Partial<Record<TextField, number>>; savedAt: string }
          },
          { texts: { notes: text }, revisions: { notes: 300 } },
          { debounceMs: 400, maxWaitMs: 2000, retryMs: 1000 }
        )
        const setCost: number[] = []
        const typedAt = new Map<number, number>()
        const savedLatency: number[] = []
        let rev = 300
        // Watch saves complete: every keystroke whose revision is now stored is "saved".
        store.onChange((state) => {
          if (state !== 'saved' && state !== 'saving') return
          const stored = (t.desk.db().sqlite.prepare('SELECT revisions FROM interviews WHERE id = ?').get(s.id) as { revisions: string }).revisions
          const storedRev = (JSON.parse(stored) as Record<string, number>).notes ?? 0
          for (const [r, at] of typedAt) {
            if (r > storedRev) continue
            savedLatency.push(performance.now() - at)
            typedAt.delete(r)
          }
        })
        const keystrokes = 150
        for (let i = 0; i < keystrokes; i++) {
          const t0 = process.hrtime.bigint()
          store.set('notes', store.get('notes') + '记')
          setCost.push(ms(t0))
          typedAt.set(++rev, performance.now())
          await new Promise((r) => setTimeout(r, 30)) // a fast typist: ~33 characters a second
        }
        await store.flush()
        await new Promise((r) => setTimeout(r, 50))
        const final = svc.getInterview(t.desk, s.id).texts.notes
        report({ name: 'typing path: store.set per keystroke (p95)', value: percentile(setCost, 95) * 1000, unit: 'µs' })
        report({ name: 'keystroke → saved, 400 ms debounce / 2 s max wait (p50)', value: percentile(savedLatency, 50), unit: 'ms' })
        report({ name: 'keystroke → saved, 400 ms debounce / 2 s max wait (p95)', value: percentile(savedLatency, 95), unit: 'ms', target: '≤ 2.1 s' })
        report({ name: 'dropped keystrokes (typed vs stored)', value: text.length + keystrokes - final.length, unit: 'chars', target: '0' })
        store.dispose()
      } finally {
        t.cleanup()
      }
    }
  },
  {
    name: 'interview: output-language switch',
    async run(report) {
      const demand = '要求补发拖欠三个月的工资，并解决孩子上学的学费。'.repeat(40)
      const switchOnce = (lang: OutputLang) => {
        const tScript = fixedT(lang)
        const tLabel = fixedT('zh-CN')
        const ctx = { worker: '李社工', name: '黄𠮶堃', matter: '拖欠工资', date: '2026年11月26日', phone: '020-12345678', demand, next: '……' }
        for (const st of STAGES) buildStageView(st, tScript, tLabel, ctx)
        const views = rulesForRoute('petition').map((r) => buildRule(r, '2026-11-23', formatChineseDate))
        for (const v of views) tScript(v.scriptKey, v.params)
        draftSummary({ surfaceDemand: LONG_NOTES, acceptedNeeds: ['livingAssistance', 'schooling'], followUpPlan: LONG_NOTES, followUpDate: '2026-11-26', orgPhone: '020-12345678', promises: routePromises({ route: 'petition', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' }) }, tScript, formatChineseDate)
      }
      const samples: number[] = []
      for (let i = 0; i < 400; i++) {
        const t0 = process.hrtime.bigint()
        switchOnce(i % 2 ? 'zh-CN' : 'yue-HK')
        samples.push(ms(t0))
      }
      report({ name: 'language switch: stage views + rules + summary (p50)', value: percentile(samples, 50), unit: 'ms' })
      report({ name: 'language switch: stage views + rules + summary (p95)', value: percentile(samples, 95), unit: 'ms', target: '< 100 ms' })
    }
  }
]
