import { foldForGuard } from './promise-guard'

/**
 * Indirect signs of risk in what the worker records (notes, 5W, the demand), in Mandarin, written
 * Chinese and spoken Cantonese, as data. People at risk of suicide rarely say the word: they put
 * their affairs in order, give things away, say goodbye or "this is the last time", stockpile
 * medication, want to join someone who died, feel a burden. Threats to others or to staff are cues
 * too. The app only SUGGESTS raising the risk level with the phrase it noticed; it never raises it,
 * never blocks typing; the worker's answer is logged (without the text).
 *
 * What it cannot do: understand context or negation beyond the few guards below, irony, a
 * third person's words the worker did not mark as quoted, misspellings, pinyin, or a sign said in
 * a way no pattern anticipates. It is a second pair of ears, not an assessment.
 */
export const CUE_KINDS = ['direct', 'affairs', 'givingAway', 'goodbye', 'stockpiling', 'joinDead', 'burden', 'threatOthers', 'threatStaff'] as const
export type CueKind = (typeof CUE_KINDS)[number]

/** Which crisis a cue points to (the level suggested: self-harm → critical, threats → high). */
export const CUE_CRISIS: Record<CueKind, 'selfHarm' | 'violence' | 'harmOthers'> = {
  direct: 'selfHarm',
  affairs: 'selfHarm',
  givingAway: 'selfHarm',
  goodbye: 'selfHarm',
  stockpiling: 'selfHarm',
  joinDead: 'selfHarm',
  burden: 'selfHarm',
  threatOthers: 'harmOthers',
  threatStaff: 'violence'
}

/** Traditional → Simplified for the characters the patterns use and the guard's table lacks. */
const CUE_FOLD: Readonly<Record<string, string>> = {
  藥: '药', 囑: '嘱', 遺: '遗', 東: '东', 餘: '余', 連: '连', 嘢: '嘢', 贈: '赠', 積: '积', 攢: '攒', 儲: '储', 陪: '陪', 見: '见',
  殺: '杀', 劈: '劈', 斬: '斩', 燒: '烧', 炸: '炸', 歸: '归', 盡: '尽', 拚: '拼', 綁: '绑', 樓: '楼', 們: '们', 哋: '哋', 飲: '饮',
  罷: '罢', 嗰: '嗰', 邊: '边', 裡: '里', 別: '别', 愛: '爱', 媽: '妈', 爺: '爷', 兒: '儿', 孫: '孙', 媳: '媳', 喺: '喺', 畀: '畀',
  瓶: '瓶', 粒: '粒', 顆: '颗', 堆: '堆', 夠: '够', 睇: '睇', 衝: '冲', 條: '条', 氣: '气', 貨: '货', 態: '态', 為: '为', 麼: '么',
  沒: '没', 與: '与', 對: '对', 讓: '让', 屍: '尸', 壞: '坏', 廢: '废', 錢: '钱', 賬: '账', 屋: '屋', 債: '债', 還: '还', 後: '后',
  會: '会', 個: '个', 來: '来', 這: '这', 說: '说', 講: '讲', 話: '话', 聲: '声', 時: '时', 將: '将', 點: '点', 醫: '医', 開: '开',
  頂: '顶', 執: '执', 唔: '唔', 過: '过', 齊: '齐', 係: '系', 嚟: '嚟', 無: '无', 處: '处', 張: '张', 長: '长', 雙: '双', 親: '亲'
}

function fold(text: string): string {
  const g = foldForGuard(text)
  let out = ''
  for (const ch of g) out += CUE_FOLD[ch] ?? ch
  return out
}

interface CuePattern {
  kind: CueKind
  re: RegExp
}

const P = (kind: CueKind, source: string): CuePattern => ({ kind, re: new RegExp(source, 'u') })
const ME = '(?:我|自己)'
const KIN = '(?:老公|老婆|丈夫|妻子|先生|太太|妈妈?|爸爸?|阿妈|阿爸|老豆|老母|儿子|女儿|个仔|个女|仔|囡|孩子|老伴|奶奶|爷爷|他|她|佢)'

/** The cue lists. Written in simplified script; text is folded first (Traditional, full-width). */
export const CUE_PATTERNS: readonly CuePattern[] = [
  // Said outright: still a cue, whatever the register.
  P('direct', `${ME}?(?:不想活|唔想活|活不下去|活唔落去|冇心机再活|想死|寻死|想了结|了结自己|结束${ME}的?生命|自杀|轻生|跳楼|跳河|跳落去|一死了之|死咗就算|死了算了|死了就好|唔想再生存|不如死)`),
  // Putting affairs in order.
  P('affairs', `(?:身后事|后事)(?:都|已经)?(?:交代|交带|安排|准备)(?:好|妥|埋)|(?:该|要)(?:安排|交代)的(?:我)?(?:都|已经)(?:安排|交代)好了|(?:交代|交带|安排|准备|写)(?:好|埋|咗|了)?${ME}?的?(?:身后事|后事|遗书|遗言)|${ME}(?:的)?后事|遗书|(?:什么|所有|乜都|样样|全部)(?:都|嘢)?(?:已经)?(?:安排|交代|执|搞)(?:好|掂|妥)(?:晒|了)|手尾(?:都)?(?:执|交代)(?:好|晒)`),
  // Giving things away.
  P('givingAway', `(?:把|将)?(?:${ME}的?|身边的?|屋企的?)?(?:东西|嘢|存款|积蓄|首饰|衣服|手机|猫|狗)${ME}?(?:都|全部|晒)?(?:送|分)(?:给|畀|了|咗|晒|掉)|(?:送晒|分晒)(?:啲)?(?:嘢|东西)|以后(?:都)?(?:用不着|用不上|唔使用|用唔着)了?`),
  // Goodbyes, "the last time".
  P('goodbye', `(?:这是|呢次|今次|今天|今日)?(?:我)?最后一次(?:来|嚟|见|找|搵|同你|跟你|麻烦)|最后一趟|以后(?:都)?(?:不会|唔会)再(?:来|嚟|麻烦)|(?:来|嚟)(?:跟|同|向)[^，。]{0,4}(?:告别|道别|讲声再见|讲声拜拜|说再见)|永别|下辈子再|来世再`),
  // Stockpiled medication.
  P('stockpiling', `(?:攒|存|囤|储|收集|积|留)(?:起|埋|咗|了|下)?(?:好多|很多|一堆|一大堆|好几瓶|几瓶|一瓶|一樽)?(?:的)?(?:安眠药|安眠|药片|药丸|药|粒药|樽药)|(?:安眠药|药片|药丸|药)(?:我)?(?:都|已经)?(?:攒|存|囤|储|收)(?:起来|埋|够|好)|一次(?:过)?(?:吃|食|吞)(?:晒|掉|完|光)(?:所有|全部)?(?:的)?(?:药|安眠)?|(?:吃|食|吞)(?:一整?瓶|一樽|成樽|成瓶)`),
  // Wanting to join someone who died.
  P('joinDead', `(?:去|想去|要去|下去|落去)(?:陪|见|搵|找)(?:返)?${KIN}(?=$|[，。！？、了咗啦喇吧])|(?:跟|同|随)${KIN}(?:一起|一齐|一块)?走(?=$|[，。！？了咗啦喇吧算])|(?:另一个世界|那边|下面|天上)(?:再)?(?:陪|见|团聚|团圆)`),
  // Feeling a burden.
  P('burden', `${ME}(?:是|系|就是|成了|变成|只会是)(?:个|一个|[^，。]{0,4}的)?(?:累赘|负担|拖累|包袱|废人|多余的?人?)|(?:没有我|冇咗我|我不在了?|我死了|我走了|我唔喺度)[，,]?(?:以后)?(?:大家|他们|佢哋|家里|屋企人?|孩子|仔女)?(?:会|就|都)?(?:更好|好过|轻松|好啲|解脱|少个负担)|拖累(?:晒)?(?:家人|屋企|屋企人|大家|孩子|仔女)`),
  // Threats to others.
  P('threatOthers', `(?:杀|斩|劈|捅|砍|打死|弄死|搞死|整死|炸|烧死|淋)(?:了|死|咗|埋|晒)?(?:他|她|佢|他们|佢哋|那个|嗰个|老板|领导|全家)(?![的])|同归于尽|揽住一齐死|(?:跟|同)(?:他|她|佢|他们|佢哋)(?:们)?拼(?:了|命|过|咗)|(?:要|会|叫)(?:他|她|佢|他们|佢哋)(?:好看|付出代价|偿命|血债血偿)|带(?:埋)?(?:刀|汽油|炸药|天拿水)|放火烧|淋汽油`),
  // Threats to staff at the desk.
  P('threatStaff', `(?:你们|你哋|你)(?:等着|小心点|走着瞧|睇住|给我记住|记住)|(?:不|唔)(?:给|帮|同)(?:我)?(?:解决|搞掂|处理).{0,8}(?:我就|就)(?:在|喺)?(?:这里|呢度|你们这|你哋度)?(?:闹|砸|炸|跳|死|拼)|(?:知道|查到|识得|知)(?:你|你们|你哋|社工|工作人员)(?:的)?(?:住|屋企|家)(?:住)?(?:在|喺)?(?:哪|边|边度)|(?:在|喺)(?:这里|呢度|你们这|你哋度)(?:跳楼|自杀|死俾你睇|死给你们看)|死(?:俾|给|畀)你(?:们|哋)?睇`)
]

/**
 * Ordinary record text that must not alarm: a death in the family, an inheritance, medicine
 * bought or its cost, "the last" payment or hearing, a third party's threat the petitioner reports.
 * A cue inside one of these spans is dropped.
 */
const NOT_A_CUE = new RegExp(
  [
    '(?:父亲|母亲|丈夫|妻子|老公|老婆|儿子|女儿|他|她|佢|工友|同事|邻居|对方|老板)(?:已经|去年|上月|前年)?(?:因[^，。；]{0,8})?(?:自杀|跳楼)(?:身亡|去世|死亡|了)',
    '(?:遗嘱|遗产)(?:继承|纠纷|公证|分割)',
    '(?:父亲|母亲|老人|亲人)(?:的)?后事(?:费用|办完|办理|花了|的钱)',
    '办(?:完|理)?(?:了)?(?:父亲|母亲|丈夫|妻子|老人|亲人)?(?:的)?后事',
    '最后一次(?:发|付|开庭|交|缴|领|见到工资|结算)',
    '(?:对方|老板|他|她|佢|工头|包工头|村干部)(?:扬言|威胁|话|说|讲)(?:要)?',
    '(?:医药费|药费|药钱|买药|开药|吃药治疗|按时吃药)'
  ].join('|'),
  'u'
)

export interface RiskCue {
  kind: CueKind
  /** The phrase noticed, as the worker typed it (code points from the original text). */
  phrase: string
  index: number
}

/**
 * Cues in a text, in order. Each cue is reported once per kind (the first phrase). The folded text
 * keeps one code point per original code point, so the phrase is cut from the original.
 */
export function findRiskCues(text: string): RiskCue[] {
  if (!text) return []
  const original = Array.from(text)
  const folded = Array.from(fold(text)).join('')
  const foldedCps = Array.from(folded)
  // Map folded UTF-16 index → code point index (the fold keeps one code point per code point).
  const cpAt = (i: number) => Array.from(folded.slice(0, i)).length
  const out: RiskCue[] = []
  const seen = new Set<CueKind>()
  // Sentences are judged on their own: a guard in one sentence does not excuse the next.
  const sentences = folded.split(/(?<=[。！？!?；;\n])/u)
  let offset = 0
  for (const s of sentences) {
    for (const p of CUE_PATTERNS) {
      if (seen.has(p.kind)) continue
      const m = p.re.exec(s)
      if (!m) continue
      const guard = NOT_A_CUE.exec(s)
      if (guard && guard.index <= m.index + m[0].length && m.index <= guard.index + guard[0].length) continue
      const start = cpAt(offset + m.index)
      const len = Array.from(m[0]).length
      if (foldedCps.length !== original.length) continue
      seen.add(p.kind)
      out.push({ kind: p.kind, phrase: original.slice(start, start + len).join(''), index: start })
    }
    offset += s.length
  }
  return out.sort((a, b) => a.index - b.index)
}

/** The level a cue suggests: self-harm signs → critical, threats → high. */
export const suggestedLevel = (kind: CueKind): 'high' | 'critical' => (CUE_CRISIS[kind] === 'selfHarm' ? 'critical' : 'high')
