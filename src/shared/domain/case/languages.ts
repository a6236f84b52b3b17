import type { LanguageCode } from './options'

/** The languages the desk's lines are written in (the interview's output languages). */
export type SpokenLang = 'zh-CN' | 'yue-HK'

/** What the petitioner speaks, read from Form A 语言 (可多选), for the interview. */
export interface PetitionerLanguages {
  /** The first recorded language the desk can speak: 普通话 → zh-CN, 广东话/粤语 → yue-HK; null if none. */
  speakable: SpokenLang | null
  /**
   * Recorded languages the desk has no lines for, in the order recorded, for whoever prepares an
   * interpreter: 'hakka' (客家话), or 'other' with the text the worker wrote (潮汕话, Tiếng Việt…).
   */
  needsInterpreter: { code: Exclude<LanguageCode, 'putonghua' | 'cantonese'>; text: string }[]
}

// An "其他" the worker wrote as one of the desk's own languages still counts as that language.
const OTHER_AS: [RegExp, SpokenLang][] = [
  [/^\s*(粤语|粵語|广东话|廣東話|广府话|廣府話|白话|白話|cantonese)\s*$/i, 'yue-HK'],
  [/^\s*(普通话|普通話|国语|國語|mandarin|putonghua)\s*$/i, 'zh-CN']
]

/**
 * Form A 语言 ticks → the interview's language. The order is the order the worker ticked (the
 * first is what the petitioner speaks best, as they said it); 普通话 and 广东话 map to the two
 * languages the desk speaks; 客家话 and any other go to `needsInterpreter`.
 */
export function petitionerLanguages(codes: readonly LanguageCode[], otherText = ''): PetitionerLanguages {
  let speakable: SpokenLang | null = null
  const needsInterpreter: PetitionerLanguages['needsInterpreter'] = []
  for (const code of codes) {
    let lang: SpokenLang | null = code === 'putonghua' ? 'zh-CN' : code === 'cantonese' ? 'yue-HK' : null
    if (code === 'other') lang = OTHER_AS.find(([re]) => re.test(otherText))?.[1] ?? null
    if (lang) speakable ??= lang
    else if (code === 'hakka' || code === 'other') needsInterpreter.push({ code, text: code === 'other' ? otherText.trim() : '' })
  }
  return { speakable, needsInterpreter }
}
