import { SIMPLIFIED_ONLY } from './lexicon-simplified'

/**
 * The lexicon check, as data: what must not appear in our Cantonese (and one term per concept in
 * both languages). A net for the obvious, not a native speaker's ear. Used by the i18n tests and by
 * `desk lines --apply`, which warns about a reviewer's correction that breaks it.
 */

/** Words wrong in the 粵語 written register (Traditional, Hong Kong usage), with the right form. */
export const YUE_WRITTEN_WRONG: readonly { wrong: string; right: string }[] = [
  { wrong: '采用', right: '採用' },
  { wrong: '籤批', right: '簽批' },
  { wrong: '帳户', right: '帳戶' },
  { wrong: '入户', right: '入戶' }
]

/**
 * One term per concept: the standard's term (DB4401/T 321-2025, its forms A–C), the same on screen
 * and on paper. Keyed by language.
 */
export const TERMS: Record<'zh-CN' | 'yue-HK', readonly { wrong: string; right: string }[]> = {
  'zh-CN': [
    { wrong: '危机处置', right: '危机介入' },
    { wrong: '连结资源', right: '链接资源' },
    { wrong: '联络电话', right: '联系电话' },
    { wrong: '联络方式', right: '联系方式' },
    { wrong: '联络人及', right: '联系人及' }
  ],
  'yue-HK': [
    { wrong: '危機處理', right: '危機介入' },
    { wrong: '危機處置', right: '危機介入' },
    { wrong: '連結資源', right: '鏈接資源' },
    { wrong: '資源連結', right: '資源鏈接' },
    { wrong: '聯絡電話', right: '聯繫電話' },
    { wrong: '聯絡方式', right: '聯繫方式' },
    { wrong: '聯絡人及聯絡方法', right: '聯繫人及聯繫方式' },
    { wrong: '普通话', right: '普通話' }
  ]
}

/**
 * Mandarin-only words that must not be in a spoken Cantonese line (script namespace), with the words
 * that contain them and are fine (不過, 了解, 目的…). Cantonese says 嘅, 係, 唔, 佢哋, 咩, 冇, 呢…
 */
export const MANDARIN_ONLY_SPOKEN: readonly { word: string; say: string; except?: readonly string[] }[] = [
  { word: '的', say: '嘅', except: ['目的', '的士', '的確'] },
  { word: '是', say: '係', except: ['是否', '實事求是', '凡是'] },
  { word: '不', say: '唔', except: ['不過', '不如', '不滿', '不服', '不公', '不同', '不論', '不少', '不斷', '不得', '不良', '不便'] },
  { word: '他們', say: '佢哋' },
  { word: '她們', say: '佢哋' },
  { word: '我們', say: '我哋' },
  { word: '你們', say: '你哋' },
  { word: '什麼', say: '咩 / 乜嘢' },
  { word: '甚麼', say: '咩 / 乜嘢' },
  { word: '沒有', say: '冇' },
  { word: '這', say: '呢' },
  { word: '那個', say: '嗰個' },
  { word: '您', say: '你' },
  { word: '嗎', say: '咩 / 呀 / 係咪' },
  { word: '吧', say: '啦 / 吖' },
  { word: '了', say: '咗 / 喇', except: ['了解', '明了', '了結'] },
  { word: '在', say: '喺', except: ['存在', '在場', '在於', '實在', '所在', '現在'] },
  { word: '給', say: '畀' },
  { word: '看', say: '睇', except: ['看法', '看護'] },
  { word: '說', say: '講 / 話', except: ['說明'] },
  { word: '很', say: '好' },
  { word: '現在', say: '而家' },
  { word: '今天', say: '今日' },
  { word: '明天', say: '聽日' },
  { word: '東西', say: '嘢' },
  { word: '孩子', say: '仔女 / 細路' },
  { word: '一起', say: '一齊' },
  { word: '為什麼', say: '點解' },
  { word: '怎麼', say: '點樣' },
  { word: '感受到', say: '睇得出 / 聽得出' },
  { word: '換咗係', say: '換轉係' },
  { word: '打包票', say: '打包單' },
  { word: '歸佢哋管', say: '係佢哋負責' },
  { word: '按管理權限', say: '轉畀有權處理嘅部門' },
  { word: '被反映嘅人', say: '你舉報嗰個人' }
]

export interface LexiconProblem {
  text: string
  found: string
  say: string
}

const SIMPLIFIED = new Set([...SIMPLIFIED_ONLY])

/** Simplified-only characters and wrong written words in a 粵語 string (any namespace). */
export function yueWrittenProblems(text: string): LexiconProblem[] {
  const out: LexiconProblem[] = []
  for (const ch of text) if (SIMPLIFIED.has(ch)) out.push({ text, found: ch, say: '' })
  for (const w of [...YUE_WRITTEN_WRONG, ...TERMS['yue-HK']]) if (text.includes(w.wrong)) out.push({ text, found: w.wrong, say: w.right })
  return out
}

/** One-term-per-concept problems in a 普通话 string. */
export function zhTermProblems(text: string): LexiconProblem[] {
  return TERMS['zh-CN'].filter((w) => text.includes(w.wrong)).map((w) => ({ text, found: w.wrong, say: w.right }))
}

/** Mandarin-only words in a spoken 粵語 line (the script namespace). */
export function yueSpokenProblems(text: string): LexiconProblem[] {
  const out: LexiconProblem[] = []
  for (const w of MANDARIN_ONLY_SPOKEN) {
    // Blank out the allowed words that contain it, then look.
    let t = text
    for (const e of w.except ?? []) t = t.split(e).join('〇'.repeat([...e].length))
    if (t.includes(w.word)) out.push({ text, found: w.word, say: w.say })
  }
  return out
}
