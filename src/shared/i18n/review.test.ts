import { describe, expect, it } from 'vitest'
import { resources, NAMESPACES } from './resources'
import { AREA_IDS, applyChanges, flatResources, parseCsv, planApply, reviewRows, toCsv, CSV_COLUMNS, type Resources, type Tree } from './review'

const RES = resources as unknown as Resources
const rows = reviewRows(RES)
const csvOf = (edit: (cells: string[][]) => void) => {
  const cells = parseCsv(toCsv(rows, (a) => a, CSV_COLUMNS))
  edit(cells)
  return cells.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')
}
const rowOf = (cells: string[][], key: string) => cells.find((r) => r[0] === key)!

describe('the review sheet', () => {
  it('has every line and label of every namespace, both languages side by side, placeholders filled, and where it appears', () => {
    const keys = NAMESPACES.flatMap((ns) => [...flatResources(RES['zh-CN'], [ns]).keys()])
    expect(rows.map((r) => r.key)).toEqual(keys)
    expect(rows.length).toBeGreaterThan(1000)
    for (const r of rows) {
      expect(r.yue, r.key).toMatch(/\S/)
      expect(r.zhExample + r.yueExample, r.key).not.toMatch(/\{\{/)
    }
    const greet = rows.find((r) => r.key === 'script:stages.rapport.greet')!
    expect(greet).toMatchObject({ area: 'scriptStages' })
    expect(greet.yueExample).toContain('李敏')
    expect(rows.find((r) => r.key === 'forms:pdf.a.needOptions.resourceLinking')).toMatchObject({ area: 'forms', yue: '鏈接資源' })
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const areas = (RES[lang].supervisor.linesReview as Tree).areas as Tree
      for (const a of AREA_IDS) expect(areas[a], `${lang} ${a}`).toMatch(/\S/)
    }
  })

  it('writes a CSV that reads back cell for cell (commas, quotes, line breaks, a BOM)', () => {
    const tricky = [{ key: 'x:y', area: 'a', zh: '甲，"乙"\n丙', yue: ' 前後有空格 ', zhExample: 'a,b', yueExample: '"', }]
    const text = toCsv(tricky, (a) => a, CSV_COLUMNS)
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(parseCsv(text)).toEqual([[...CSV_COLUMNS], ['x:y', 'a', '甲，"乙"\n丙', ' 前後有空格 ', 'a,b', '"', '']])
    expect(parseCsv(toCsv(rows, (a) => a, CSV_COLUMNS))).toHaveLength(rows.length + 1)
  })

  it('an unchanged sheet changes nothing', () => {
    expect(planApply(csvOf(() => {}), RES)).toEqual({ changes: [], refused: [] })
  })

  it('a reviewer’s correction becomes a change with before and after; the resources keep their order', () => {
    const csv = csvOf((c) => {
      rowOf(c, 'script:empathy.pause')[3] = '我哋停一停先，你唞下，我喺度陪住你。'
      rowOf(c, 'script:stages.closing.callBack')[2] = '{{date}}我给您打电话，说说进展。'
      rowOf(c, 'script:stages.closing.callBack')[6] = 'a reviewer’s comment is ignored'
    })
    const plan = planApply(csv, RES)
    expect(plan.refused).toEqual([])
    expect(plan.changes.map((c) => [c.key, c.lang])).toEqual([
      ['script:stages.closing.callBack', 'zh-CN'],
      ['script:empathy.pause', 'yue-HK']
    ])
    expect(plan.changes[1]).toMatchObject({ before: '我哋停一陣先，你唞下，我喺度陪住你。', after: '我哋停一停先，你唞下，我喺度陪住你。', notes: [] })
    const next = applyChanges(RES['yue-HK'], plan.changes.filter((c) => c.lang === 'yue-HK'))
    expect(((next.script.empathy as Tree).pause)).toBe('我哋停一停先，你唞下，我喺度陪住你。')
    expect(Object.keys(next.script.empathy as Tree)).toEqual(Object.keys(RES['yue-HK'].script.empathy as Tree))
    expect(((RES['yue-HK'].script.empathy as Tree).pause)).toBe('我哋停一陣先，你唞下，我喺度陪住你。') // a copy
  })

  it('refuses unknown keys, changed placeholders and empty texts; notes Mandarin words in spoken Cantonese', () => {
    const csv = csvOf((c) => {
      c.push(['script:nope', '', 'x', 'y', '', '', ''])
      rowOf(c, 'script:stages.closing.callBack')[3] = '我會打電話畀你。'
      rowOf(c, 'script:stages.rapport.water')[3] = '  '
      rowOf(c, 'script:stages.rapport.slowly')[3] = '不着急，您慢慢说，我在听。'
    })
    const plan = planApply(csv, RES)
    expect(plan.refused).toEqual([
      { key: 'script:stages.rapport.water', lang: 'yue-HK', reason: 'empty' },
      { key: 'script:stages.closing.callBack', lang: 'yue-HK', reason: 'placeholders', detail: 'date → —' },
      { key: 'script:nope', reason: 'unknownKey' }
    ])
    expect(plan.changes).toHaveLength(1)
    expect(plan.changes[0].notes.join(' ')).toMatch(/您|在|说/)
    expect(planApply('a,b\r\n1,2', RES).refused[0].reason).toBe('badHeader')
  })
})
