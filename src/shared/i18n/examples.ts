/**
 * A realistic example for every placeholder a line or label can hold, per output language, so a
 * reviewer reads 「2026年12月8日（星期二）我會打電話畀你」 and not 「{{date}}我會打電話畀你」 (the
 * review sheet, `desk lines`), and a test can show that every placeholder in every line is filled.
 * `BY_KEY` overrides a name where one key uses it for something else (guard.flag's {{name}} is a
 * category, not a person).
 */
type Lang = 'zh-CN' | 'yue-HK'
type Example = string | Record<Lang, string>

const DATE = '2026年12月8日（星期二）'

export const EXAMPLE_PARAMS: Record<string, Example> = {
  date: DATE,
  transferDate: DATE,
  noticeDate: '2026年12月23日（星期三）',
  next: { 'zh-CN': '我会帮您整理补充材料，并跟进区人社局的办理进度', 'yue-HK': '我會幫你執好補充文件，再跟住區人社局處理到邊' },
  demand: { 'zh-CN': '要求补发拖欠三个月的工资', 'yue-HK': '要求補發拖欠三個月嘅人工' },
  needs: { 'zh-CN': '眼下的生活救助和孩子上学的事', 'yue-HK': '生活上嘅救助同埋仔女返學嘅事' },
  matter: { 'zh-CN': '拖欠工资', 'yue-HK': '拖欠工資' },
  name: { 'zh-CN': '陈美玲', 'yue-HK': '陳美玲' },
  worker: { 'zh-CN': '李敏', 'yue-HK': '李敏' },
  relation: { 'zh-CN': '女儿', 'yue-HK': '女兒' },
  who: { 'zh-CN': '李敏', 'yue-HK': '李敏' },
  by: { 'zh-CN': '王小红', 'yue-HK': '王小紅' },
  names: { 'zh-CN': '李敏、王小红', 'yue-HK': '李敏、王小紅' },
  org: { 'zh-CN': '白云区信访社会工作服务站', 'yue-HK': '白雲區信訪社會工作服務站' },
  phone: '020-8123 4567',
  caseNo: 'BY-2026-0318',
  count: '3',
  events: '1842',
  id: '1842',
  hash: '3f9a…c27e',
  n: '2',
  max: '5',
  min: '5',
  total: '12',
  shown: '10',
  eventNo: '1842',
  accounts: { 'zh-CN': '李敏（备份之后已停用）、王小红（备份之后改过或重设过密码）', 'yue-HK': '李敏（備份之後已停用）、王小紅（備份之後曾更改或重設密碼）' },
  days: '15',
  seconds: '30',
  sec: '45',
  age: '58',
  at: '2026-12-08 10:25',
  when: '2026-12-08 10:25',
  time: '10:25',
  from: '15',
  to: '45',
  rMin: '30',
  rMax: '40',
  iMin: '8',
  iMax: '10',
  page: '1',
  pages: '2',
  rows: '240',
  size: '152 MB',
  version: '3',
  schema: '12',
  app: '0.1.0',
  first: '2026-11-23',
  closed: '2026-11-21',
  deadline: { 'zh-CN': '转送、交办期限', 'yue-HK': '轉送、交辦期限' },
  year: '2026',
  month: '11',
  of: '12',
  baseline: '1.3',
  counts: '0 → 1 → 0 → 6',
  file: { 'zh-CN': '个案BY-2026-0318-接案表.pdf', 'yue-HK': '個案BY-2026-0318-接案表.pdf' },
  chars: '𠮶',
  word: { 'zh-CN': '保证', 'yue-HK': '保證' },
  text: { 'zh-CN': '我来帮您搞定', 'yue-HK': '包你搞掂' },
  reason: { 'zh-CN': '信访人要求先见律师', 'yue-HK': '信訪人要求先見律師' },
  fields: { 'zh-CN': '会谈记录、跟进计划', 'yue-HK': '會談記錄、跟進計劃' },
  note: { 'zh-CN': '已转介区法律援助处', 'yue-HK': '已轉介區法律援助處' },
  field: { 'zh-CN': '信访诉求及要求', 'yue-HK': '信訪訴求及要求' },
  item: '4',
  items: { 'zh-CN': '问题属地、辖区', 'yue-HK': '問題屬地、轄區' },
  level: { 'zh-CN': '中', 'yue-HK': '中' },
  stage: { 'zh-CN': '情绪疏导与需求澄清', 'yue-HK': '情緒疏導與需求澄清' },
  status: { 'zh-CN': '结案', 'yue-HK': '結案' },
  route: { 'zh-CN': '信访程序办理', 'yue-HK': '信訪程序辦理' },
  role: { 'zh-CN': '督导', 'yue-HK': '督導' },
  method: { 'zh-CN': '口头', 'yue-HK': '口頭' },
  kind: { 'zh-CN': '自伤、自杀迹象', 'yue-HK': '自傷、自殺跡象' },
  weekday: { 'zh-CN': '星期六', 'yue-HK': '星期六' },
  lang: { 'zh-CN': '普通话', 'yue-HK': '普通話' },
  voice: 'Microsoft Huihui',
  pid: '4182',
  folder: 'D:\\PetitionDesk\\data',
  command: 'backup',
  category: { 'zh-CN': '承诺结果', 'yue-HK': '承諾結果' },
  list: { 'zh-CN': '机构地址、值班督导电话', 'yue-HK': '機構地址、當值督導電話' },
  address: { 'zh-CN': '广州市白云区某路1号', 'yue-HK': '廣州市白雲區某路1號' },
  phrase: { 'zh-CN': '这是我最后一次来了', 'yue-HK': '今次係我最後一次嚟㗎喇' },
  // The records clerk's desk (archive namespace).
  form: { 'zh-CN': '表B 会谈表（第2次）', 'yue-HK': '表B 會談表（第2次）' },
  archiveNo: 'BY-DA-2026-015',
  box: '12',
  shelf: '3-2',
  done: '7',
  cases: '12',
  forms: '30',
  reprints: '2',
  files: '12',
  fileName: { 'zh-CN': '归档打印_2026-12-08.pdf', 'yue-HK': '歸檔列印_2026-12-08.pdf' },
  borrower: { 'zh-CN': '白云区信访局 张科长', 'yue-HK': '白雲區信訪局 張科長' },
  due: '2026-12-15',
  // Referrals and the directory (issue 16).
  chain: { 'zh-CN': '转送 2026-11-23；回复 2026-12-01；电话告知信访人 2026-12-02', 'yue-HK': '轉送 2026-11-23；回覆 2026-12-01；電話告知信訪人 2026-12-02' },
  dest: { 'zh-CN': '白云区人力资源和社会保障局', 'yue-HK': '白雲區人力資源和社會保障局' },
  methods: { 'zh-CN': '转送、交办', 'yue-HK': '轉送、交辦' },
  how: { 'zh-CN': '电话告知', 'yue-HK': '電話告知' },
  hours: { 'zh-CN': '周一至周五 9:00–17:00', 'yue-HK': '星期一至五 9:00–17:00' },
  added: '4',
  changed: '2',
  unchanged: '7',
  untouched: '1',
  line: '12',
  column: { 'zh-CN': '「电话」', 'yue-HK': '「電話」' },
  value: { 'zh-CN': '省级', 'yue-HK': '省級' },
  message: { 'zh-CN': '太长了', 'yue-HK': '太長了' }
}

export const EXAMPLE_BY_KEY: Record<string, Record<string, Example>> = {
  'interview:guard.flag': { name: { 'zh-CN': '承诺结果', 'yue-HK': '承諾結果' } },
  'interview:counting.weekendNote': { next: '2026年12月14日（星期一）' },
  'interview:rules.dueOn': { date: '2026年12月8日' },
  'interview:people.interpretedBy': { lang: { 'zh-CN': '客家话', 'yue-HK': '客家話' } },
  'forms:pdf.b.interpretedLine': { lang: { 'zh-CN': '客家话', 'yue-HK': '客家話' } },
  'interview:people.plan.relayed': { lang: { 'zh-CN': '客家话', 'yue-HK': '客家話' }, out: { 'zh-CN': '普通话', 'yue-HK': '普通話' } },
  'errors:folder.busy': { kind: { 'zh-CN': '桌面应用', 'yue-HK': '桌面應用程式' } },
  'interview:guard.inHandout': { items: { 'zh-CN': '「我来帮您搞定」（承诺结果）', 'yue-HK': '「包你搞掂」（承諾結果）' } }
}

/** The example parameters for one key in one language (a placeholder with no example stays out). */
export function exampleParams(key: string, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries({ ...EXAMPLE_PARAMS, ...(EXAMPLE_BY_KEY[key] ?? {}) })) out[k] = typeof v === 'string' ? v : v[lang]
  return out
}

/** The placeholder names in a resource string ({{date}}, {{ count }}, {{date, format}}). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1])
}

/** Fill a resource string the way i18next does for plain {{name}} placeholders. */
export function fillExample(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.]+)[^}]*\}\}/g, (m, n: string) => params[n] ?? m)
}
