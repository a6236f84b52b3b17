/**
 * Over-promise guard: phrases that promise an outcome the worker cannot give (practice guide:
 * "我来帮您搞定" is exactly what not to say). Pure; used while typing notes, summary and handout.
 * It flags, never blocks: the worker decides. Both output languages; Simplified and Traditional
 * forms of the Mandarin phrases. A negation just before the phrase (不能保证…, 唔可以保證…) is
 * honest, not a promise, so it is not flagged; nor are words that only share characters
 * (重点解决, 保证金, 解决办法).
 */
export interface PromiseFinding {
  /** Pattern id: the better wording is `script:guard.<id>` in the output language. */
  id: string
  start: number
  end: number
  text: string
}

interface Pattern {
  id: string
  re: RegExp
}

// 保证/保證 not followed by 金/书/書/人 (deposit, written pledge, guarantor), then 解决/解決 within a clause.
const GUARANTEE = /(?:保证|保證)(?![金书書人])[^。！？!?\n，,；;]{0,12}?(?:解决|解決|搞定|搞掂|办好|辦好|办成|辦成|赢|贏|拿到|討回|讨回|追回)/g

const PATTERNS: Pattern[] = [
  { id: 'guarantee', re: GUARANTEE },
  { id: 'surely', re: /一定(?:能|会|會|可以|得)?(?:帮|幫)(?:到)?(?:您|你)(?:解决|解決|搞定|搞掂|討返|讨回|拿回)?/g },
  { id: 'surely', re: /(?:一定|肯定|绝对|絕對)(?:能|会|會|可以|得)?(?:给|畀|俾)?(?:您|你)?(?:解决|解決|搞掂|搞定|讨回|討回|追回)/g },
  { id: 'onMe', re: /包(?:在|喺|在於)?(?:我|我們|我们|我哋)身上/g },
  { id: 'fixIt', re: /(?:我|我们|我們|我哋)?(?:来|來|嚟)?(?:帮|幫)(?:您|你)(?:搞定|搞掂|擺平|摆平)/g },
  { id: 'fixIt', re: /包(?:你|您)?(?:搞掂|搞定|冇問題|没问题|沒問題)/g },
  { id: 'certain', re: /(?:百分之百|百分百|打包票|包准|包準)(?!.{0,0}$)/g },
  { id: 'certain', re: /(?:一定|肯定)(?:冇問題|没问题|沒問題|搞得掂|搞得定|成功|赢|贏)/g }
]

// A negation right before the phrase (within 4 characters) makes it honest.
const NEGATION = /(?:不|唔|没法|沒法|无法|無法|冇办法|冇辦法|不能|唔可以|不可以|不会|唔會|不敢|唔敢|没有|沒有|冇)[^。！？!?\n]{0,3}$/

export function findOverPromises(text: string): PromiseFinding[] {
  const out: PromiseFinding[] = []
  if (!text) return out
  for (const p of PATTERNS) {
    p.re.lastIndex = 0
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex += 1
        continue
      }
      const before = text.slice(Math.max(0, m.index - 6), m.index)
      if (NEGATION.test(before)) continue
      out.push({ id: p.id, start: m.index, end: m.index + m[0].length, text: m[0] })
    }
  }
  // Overlaps (two patterns on one phrase) → keep the earliest, longest.
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PromiseFinding[] = []
  for (const f of out) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f)
  return kept
}

export const GUARD_IDS = ['guarantee', 'surely', 'onMe', 'fixIt', 'certain'] as const
