/**
 * Passwords common among Chinese-speaking users that zxcvbn's English-centred lists miss: pinyin
 * love phrases, "romantic" digit codes (520 = 我爱你, 1314 = 一生一世), keyboard walks, and pinyin
 * names. NIST SP 800-63B asks for a blocklist of commonly-used values, not composition rules.
 */
export const CHINESE_COMMON: readonly string[] = [
  // pinyin phrases
  'woaini', 'woainiya', 'aini', 'wodeai', 'woaiwojia', 'woaiwoma', 'woaimama', 'woaibaba', 'nihao', 'nihaoma',
  'zhongguo', 'zhonghua', 'beijing', 'shanghai', 'guangzhou', 'shenzhen', 'guangdong', 'xianggang', 'aomen',
  'wanwan', 'baobao', 'baobei', 'laopo', 'laogong', 'xiaobao', 'qinaide', 'yongyuan', 'xingfu', 'kuaile',
  'tiantian', 'xiaoxiao', 'mingming', 'xiaoming', 'xiaohong', 'xiaowang', 'xiaoli', 'xiaozhang', 'xiaochen',
  'xinfang', 'shegong', 'mima', 'mimamima', 'wodemima', 'zhimakaimen', 'wojiushiwo', 'haohaoxuexi',
  'dongdong', 'lele', 'feifei', 'jiajia', 'yangyang', 'huanhuan', 'ningning', 'qingqing', 'lingling',
  // common pinyin names
  'zhangwei', 'wangwei', 'wangfang', 'liwei', 'lina', 'zhangmin', 'lijing', 'wangjing', 'liuwei', 'wangli',
  'zhangli', 'zhangjing', 'liqiang', 'wangqiang', 'zhangyong', 'liyang', 'wangyang', 'chenjing', 'liujie',
  'chenwei', 'huangwei', 'zhoujie', 'wujie', 'xuwei', 'sunwei', 'zhaowei', 'zhaojing', 'chenyan', 'linwei',
  // Cantonese romanisation favourites
  'ngoioinei', 'ngohoioinei', 'ngoioilei', 'leihou', 'neihou', 'hongkong', 'xianggangren',
  // digit and keyboard patterns
  '5201314', '1314520', '520520', '5211314', '1314521', '521521', '147258', '147258369', '159357',
  '147852', '258369', '123123', '321321', '112233', '111222', '789456', '456789', '987654', '741852963',
  '123456789a', 'a123456789', 'aa123456', 'aa123456789', 'qq123456', 'qq123456789', 'abc123456', 'a123456',
  '1qaz2wsx', '1qaz2wsx3edc', 'qazwsx', 'qazwsxedc', 'qweasd', 'qweasdzxc', 'asd123', 'zxc123', '123qwe',
  'qwe123', 'woaini1314', 'woaini520', 'iloveyou1314', 'iloveyou520', '168168', '518518', '888888', '666666'
]

/** Digit phrases that make an all-digit password predictable however long it is. */
const DIGIT_PHRASES = ['5201314', '1314520', '520520', '1314521', '5211314', '147258', '159357', '147852', '258369', '123123', '321321', '112233', '789456', '987654', '168168', '518518']

const SET = new Set(CHINESE_COMMON)

/** True when the passphrase is (a blocklisted word plus a few digits or symbols) or a digit phrase. */
export function onChineseBlocklist(pass: string): boolean {
  const lowered = pass.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
  if (SET.has(lowered)) return true
  // "woaini1314", "zhangwei123", "!!woaini", "qq123456789": a listed core with digits/symbols around it
  const core = lowered.replace(/^[^a-z]+|[^a-z]+$/g, '')
  if (core && SET.has(core) && lowered.length - core.length <= 8) return true
  // "5201314520", "147258369147": all digits built from a romantic or keypad phrase
  if (/^\d+$/.test(lowered)) {
    if (DIGIT_PHRASES.some((p) => lowered.includes(p))) return true
    if (new Set(lowered).size <= 2) return true
  }
  // a listed core followed or preceded by another listed item: "woaini5201314"
  for (const w of SET) {
    if (w.length >= 4 && lowered.startsWith(w) && (SET.has(lowered.slice(w.length)) || /^\d{0,8}$/.test(lowered.slice(w.length)))) return true
  }
  return false
}
