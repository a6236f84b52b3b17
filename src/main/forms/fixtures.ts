import { asc, eq } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { users } from '../db/schema'
import { createCase, getCase, saveClosing, setIntakeDecision, updateCase } from '../cases/api'
import { finishInterview, saveFields, setMeta, startInterview } from '../interview/service'

/**
 * Fictitious cases for the forms' tests, golden renders and benchmark. Every text is invented; the
 * names exercise what printing must survive: 𠮶 (U+20BB6, beyond the BMP) and 堃, a middle dot
 * (阿卜杜拉·买买提), Traditional script and Cantonese characters.
 */
const DEMAND_SENTENCES = [
  '本人于二〇二四年三月起在白云区某物流公司从事仓储搬运工作，公司至今拖欠本人及同班组工友工资共计四万六千八百元。',
  '多次找公司人事部门协商，对方均以资金周转困难为由推托，并要求我们签署自愿放弃加班费的声明。',
  '今年八月公司突然搬离原址，负责人电话无人接听，我们去劳动监察大队反映过一次，当时答复会立案调查，但至今没有书面结果。',
  '我母亲长期住院，医药费每月需三千多元，家里靠我一个人的收入，现在已经向亲戚借了两万元，压力非常大。',
  '我的要求是：一、公司足额支付拖欠工资及经济补偿；二、有关部门书面告知调查进展和处理时限；三、如公司已无财产，希望了解欠薪垫付的办法。',
  '我也想知道如果走劳动仲裁需要准备哪些材料，多长时间能有结果，期间能不能申请临时救助。'
]

/** Exactly `n` characters of realistic demand text (sentences repeated with a running number). */
export function demandText(n: number): string {
  let out = ''
  for (let i = 0; out.length < n; i++) out += `${i + 1}．${DEMAND_SENTENCES[i % DEMAND_SENTENCES.length]}`
  return [...out].slice(0, n).join('')
}

export interface DemoCaseOptions {
  name?: string
  demandChars?: number
  goalRows?: number
  interviews?: number
  /** Tick every "其他（请注明）" with its text. */
  allOther?: boolean
  cantonese?: boolean
  /** Every long text (demands, background, plan, interview notes, reflection …) this many characters, in paragraphs. */
  longTexts?: number
}

/** `n` characters of paragraphs (a line break every few sentences), for texts that run over pages. */
export function paragraphs(n: number, seed = 0): string {
  let k = 0
  return demandText(n + seed)
    .slice(seed)
    .replace(/。/g, () => (++k % 4 === 0 ? '。\n' : '。'))
}

export interface DemoCase {
  caseId: number
  caseNo: string
  interviewIds: number[]
  /** Every value typed into the record, to look for in the printed text. */
  typed: string[]
}

export function seedFormsCase(desk: Desk, o: DemoCaseOptions = {}): DemoCase {
  const name = o.name ?? '陈𠮶堃'
  const typed: string[] = []
  const T = <S extends string>(s: S) => (typed.push(s), s)
  const other = o.allOther ?? false
  const L = (fallback: string, seed: number) => (o.longTexts ? paragraphs(o.longTexts, seed) : fallback)
  const c = createCase(desk, { partyKind: 'person', name: T(name), contactDate: '2026-11-18' })
  updateCase(desk, c.id, {
    source: other ? 'referral' : 'self',
    sourceText: other ? T('白云区京溪街道办事处信访办') : '',
    demands: T(o.longTexts ? paragraphs(o.longTexts) : o.demandChars ? demandText(o.demandChars) : DEMAND_SENTENCES.slice(0, 3).join('')),
    petitionHistory: T('重访对象。二〇二五年十月曾到区人社局劳动监察大队反映，十一月到市信访局来访登记一次。'),
    personality: T(o.cantonese ? '情緒激動，講話好快，多次重複「我哋冇錢開飯喇」，後來慢慢平靜落嚟。' : '初来时情绪激动，语速快，反复强调“没人管我们”；经倾听后逐渐平静，思路清楚。'),
    referralOrg: other ? T('京溪街道综治中心') : '',
    referralContact: other ? T('黄主任 020-86001234') : '',
    gender: 'male',
    phone: T(o.cantonese ? '+852 9123 4567' : '13812345678'),
    address: T(o.cantonese ? '香港九龍深水埗福華街123號4樓' : '广州市白云区京溪路88号3栋502房'),
    birth: '1979-06',
    occupation: T('仓储搬运工'),
    economicStatus: T('月收入约五千元，现无收入，负债两万元'),
    language: other ? ['cantonese', 'other'] : o.cantonese ? ['cantonese', 'putonghua'] : ['putonghua'],
    languageOther: other ? T('潮汕话') : '',
    marital: other ? 'other' : 'married',
    maritalOther: other ? T('分居三年') : '',
    education: 'juniorHigh',
    living: other ? ['withSpouse', 'withAdultChildren', 'other'] : ['withSpouse'],
    livingOther: other ? T('与工友合租宿舍') : '',
    needs: other ? ['legalAdvice', 'policyGuidance', 'emotionalSupport', 'resourceLinking', 'other'] : ['legalAdvice', 'policyGuidance', 'emotionalSupport'],
    needsOther: other ? T('协助申请临时救助') : '',
    background: T(L('家中四口人：本人、妻子（无业）、女儿（初二）、母亲（长期住院）。与工友关系紧密，同班组十二人同样被欠薪。', 1)),
    assessment: T(L('案主诉求明确、合理，主要风险在于经济压力导致的情绪波动；未见自伤或伤人意图。', 2)),
    needsAnalysis: T(L('依马斯洛需要层次理论，当前以生存与安全需要为主；以优势视角看，案主有工友支持与维权意识。', 3)),
    serviceGoals: T(L('一周内协助案主向劳动监察部门提交书面材料；一个月内了解欠薪垫付及临时救助办理情况。', 4)),
    serviceStrategy: T(L('情绪疏导与政策解释并行；链接法律援助与街道社会救助资源；按约定时间跟进。', 5)),
    evaluationMethods: T(L('跟进记录、案主自评量表、部门书面答复。', 6)),
    workerSignedDate: '2026-11-18'
  })
  const worker = desk.db().orm.select({ id: users.id }).from(users).where(eq(users.role, 'worker')).orderBy(asc(users.id)).limit(1).get()
  if (worker) setIntakeDecision(desk, c.id, { accepted: true, assignedWorkerId: worker.id })
  const interviewIds: number[] = []
  for (let i = 0; i < (o.interviews ?? 2); i++) {
    const iv = startInterview(desk, { caseId: c.id, outputLang: o.cantonese ? 'yue-HK' : 'zh-CN' })
    const changes = [
      { field: 'contact' as const, value: T(o.cantonese ? '+852 9123 4567' : '13812345678') },
      { field: 'purpose' as const, value: T(i === 0 ? '了解欠薪经过，疏导情绪，说明劳动监察投诉的办理程序。' : `第${i + 1}次跟进：核对材料准备情况。`) },
      { field: 'notes' as const, value: T(o.longTexts ? paragraphs(o.longTexts, 7 + i) : i === 0 ? '案主到访时情绪激动，社工先请其坐下喝水，倾听其讲述欠薪经过。案主表示“再没人管就去市政府门口坐着”。社工肯定其感受，说明依法反映的渠道与时限，不作结果承诺。' : '案主已整理考勤记录与工资条复印件，情绪平稳。') },
      { field: 'assessment' as const, value: T(L('案主情绪由激动转为平稳，理解办理程序，愿意按约定准备材料。', 8)) },
      { field: 'followUpPlan' as const, value: T('三个工作日内电话跟进材料提交情况。') },
      ...(other ? [{ field: 'locationText' as const, value: T('街道综治中心调解室') }, { field: 'workFormText' as const, value: T('上门协助填写表格') }] : [])
    ]
    saveFields(desk, { interviewId: iv.id, changes: changes.map((x) => ({ ...x, revision: 1 })) })
    if (other) setMeta(desk, { interviewId: iv.id, patch: { location: 'other', workForm: 'other' } })
    finishInterview(desk, { interviewId: iv.id })
    interviewIds.push(iv.id)
  }
  const goals = Array.from({ length: o.goalRows ?? 3 }, (_, i) => ({
    seq: i + 1,
    goal: T(`阶段目标${i + 1}：${['稳定情绪，建立信任', '提交劳动监察书面投诉', '申请临时救助', '链接法律援助', '跟进部门答复'][i % 5]}`),
    achievement: T(i % 3 === 2 ? '部分达成' : '已达成'),
    note: i % 4 === 0 ? T(`见第${i + 1}次会谈记录`) : ''
  }))
  saveClosing(
    desk,
    c.id,
    {
      category: other ? 'transfer' : 'end',
      openedDate: '2026-11-18',
      closedDate: '2026-12-30',
      transferReason: other ? 'other' : null,
      transferReasonOther: other ? T('案主迁往外市，转介当地社工站') : '',
      closingType: other ? 'other' : 'goalsMet',
      closingTypeOther: other ? T('转当地社工站继续跟进') : '',
      linkedResources: T('法律援助中心、街道临时救助'),
      contactedDepartments: T('区人社局劳动监察大队、京溪街道办事处'),
      goals,
      reflection: T(L('本案提示：欠薪类个案宜尽早链接法律援助；社工应避免对处理结果作任何承诺。', 9)),
      workerSignedDate: '2026-12-30',
      transferTo: ''
    },
    { finalize: false }
  )
  return { caseId: c.id, caseNo: getCase(desk, c.id).caseNo, interviewIds, typed }
}
