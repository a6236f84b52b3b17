import { asc, count, desc, eq, like } from 'drizzle-orm'
import { formatCaseNo } from '@shared/domain/case/case-no'
import { petitionerLanguages } from '@shared/domain/case/languages'
import type { NeedCode } from '@shared/domain/case/options'
import type { DiversionRoute } from '@shared/domain/screening/rules'
import { FIELD_NAMES, emptyFields } from '../cases/columns'
import { writeCaseIndex } from '../cases/index-text'
import { REFERRAL_DAYS, demoDestinations, demoReferral } from './referrals'
import { addDays, fromDayNumber, toDayNumber } from '@shared/domain/dates/calendar'
import type { CaseFields } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { preparedInsert } from '../db/prepared-insert'
import {
  caseClosings,
  caseDiversions,
  caseFollowUps,
  caseGoals,
  caseRepresentatives,
  caseRiskHistory,
  caseScreening,
  cases,
  interviews as interviewTable,
  users as userTable
} from '../db/schema'

/**
 * Realistic, entirely fictitious records for demos and benchmarks, reproducible from a seed.
 * Names include rare characters (𠮶 beyond the BMP, 堃, 䶮), middle dots, Traditional script and
 * Latin with diacritics; phones are mainland mobiles and landlines, Hong Kong and Macau numbers.
 * Inserts go straight to the tables in large transactions (the service's one-case-at-a-time path
 * with an audit event each would take far too long for 100 000 cases), through drizzle inserts
 * prepared once (db/prepared-insert.ts) and typed by the schema; one audit event per batch records
 * that demo data was added. The search index is written by the service's own indexer.
 */

export interface DemoOptions {
  cases: number
  seed?: number
  /** Average interviews per case (default 10). */
  interviewsPerCase?: number
  batch?: number
  /**
   * Fictitious worker accounts to spread the cases over (default: one per 2 000 cases, at most 12).
   * They have no key slot, so nobody can log in as them; they make caseload and today realistic.
   */
  workers?: number
  onProgress?(done: number, total: number): void
}

export interface DemoResult {
  cases: number
  interviews: number
  followUps: number
  /** Referrals of the recent diversions (REFERRAL_DAYS), written through the referral service. */
  referrals: number
  firstCaseNo: string | null
  lastCaseNo: string | null
  ms: number
}

/** mulberry32: small, fast, good enough for fictitious data; the same seed gives the same archive. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p
  }
}
type Rng = ReturnType<typeof rng>

const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '何', '罗', '郑', '王', '周', '吴', '谢', '冯', '邓', '曾', '彭', '蔡', '许', '钟', '朱', '叶', '潘', '杜', '欧阳', '司徒']
const SURNAMES_TRAD = ['陳', '黃', '張', '梁', '劉', '鄭', '羅', '馮', '鄧', '謝', '葉', '鍾', '區', '歐陽']
const GIVEN = ['伟', '芳', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '志强', '美玲', '建华', '国强', '嘉欣', '梓轩', '堃', '𠮶', '䶮', '淼', '喆', '燊', '昇', '婷婷', '浩然', '子健']
const GIVEN_TRAD = ['偉', '國強', '美玲', '嘉欣', '志明', '麗華', '家豪', '詠詩', '俊傑', '秀蘭', '淑儀', '堃', '𠮶']
const DOTTED = ['阿卜杜拉·买买提', '古丽娜尔·艾力', '努尔艾力·吐尔逊', '阿依古丽·买买提', '玛丽亚·何塞', '伊万·彼得罗夫']
const LATIN = ['José Núñez', 'Nguyễn Văn An', 'François Dubois', 'Zoë Müller', 'Søren Ødegård', 'Ana Lúcia Gonçalves']
const ORGS = ['某某建筑劳务有限公司', '越秀区某小区业主委员会', '白云区某村股份经济合作社', '番禺区某电子厂工会小组', '某物业服务有限公司', '海珠区某街坊互助会']
const DISTRICTS = ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区']
const STREETS = ['中山五路', '环市东路', '江南大道中', '宝岗大道', '黄埔大道西', '广州大道北', '工业大道', '人民北路', '东风东路', '新港西路', '市桥街', '石井大道']
const DEPARTMENTS = ['区人力资源和社会保障局', '区住房和城乡建设局', '区卫生健康局', '街道办事处', '区民政局', '区市场监督管理局', '区司法局', '区人民法院', '区信访局', '镇人民政府']

interface Matter {
  code: string
  summary: string[]
  needs: NeedCode[]
  diversion: DiversionRoute
  hardship: boolean
}
const MATTERS: Matter[] = [
  { code: 'wageArrears', summary: ['反映某工地拖欠工资{n}个月，要求尽快支付', '要求补发拖欠的{n}个月工资及加班费', '包工头失联，{n}名工友工资未结清'], needs: ['legalAdvice', 'demandResolution', 'resourceLinking'], diversion: 'authorityWithPower', hardship: true },
  { code: 'demolition', summary: ['对征地拆迁补偿标准有异议，要求重新评估', '旧城改造安置房迟迟未交付，要求说明进度', '反映拆迁过程中房屋被损坏未获赔偿'], needs: ['policyGuidance', 'demandResolution'], diversion: 'authorityWithPower', hardship: false },
  { code: 'labourInjury', summary: ['工伤认定后单位拒不支付工伤待遇', '工作中受伤，单位不承认劳动关系'], needs: ['legalAdvice', 'resourceLinking'], diversion: 'authorityWithPower', hardship: true },
  { code: 'medical', summary: ['对医院诊疗过程有异议，要求调查处理', '家属在医院去世，要求说明原因并赔偿'], needs: ['emotionalSupport', 'legalAdvice'], diversion: 'authorityWithPower', hardship: false },
  { code: 'property', summary: ['反映物业公司乱收费、维修基金使用不透明', '小区电梯长期故障无人维修'], needs: ['policyGuidance', 'neighbourDispute'], diversion: 'authorityWithPower', hardship: false },
  { code: 'neighbour', summary: ['邻居装修噪音扰民，多次协商无果', '楼上漏水导致房屋受损，邻里纠纷'], needs: ['neighbourDispute', 'emotionalSupport'], diversion: 'thisLevel', hardship: false },
  { code: 'socialSecurity', summary: ['申请低保被驳回，要求说明理由', '养老保险待遇计算有误，要求复核', '残疾人补贴停发，生活困难'], needs: ['policyGuidance', 'resourceLinking'], diversion: 'thisLevel', hardship: true },
  { code: 'litigation', summary: ['不服法院民事判决，要求重新审理', '判决生效后对方拒不执行，要求法院强制执行', '对公安机关不予立案决定不服'], needs: ['legalAdvice', 'emotionalSupport'], diversion: 'politicalLegal', hardship: false },
  { code: 'family', summary: ['家庭矛盾激化，要求有关部门介入调解', '子女不履行赡养义务，老人生活无着'], needs: ['familyRelations', 'emotionalSupport', 'crisisIntervention'], diversion: 'referral', hardship: true },
  { code: 'other', summary: ['检举村干部在集体土地出租中违规操作', '反映某部门工作人员办事推诿'], needs: ['policyGuidance', 'other'], diversion: 'discipline', hardship: false }
]

const NOTES = [
  '信访人情绪较激动，社工先倒水、请其坐下，复述其诉求后情绪逐步平稳。',
  '信访人带来一叠材料，社工逐份核对，梳理时间线并说明办理程序和时限。',
  '电话回访：信访人表示已收到有关部门答复，仍有疑问，约定下周面谈。',
  '陪同信访人到街道办了解临时救助申请条件，已递交材料。',
  '信访人哭诉家庭困难，社工停顿倾听，肯定其努力，链接社区资源。',
  '信访人称若无结果将再去上级部门，社工说明逐级走访规定及复查途径。',
  '与属地职能部门沟通，对方答应两周内书面答复，社工已告知信访人。',
  '微信跟进：信访人发来新的证据照片，社工提醒保存原件。'
]

function personName(r: Rng): string {
  const k = r.next()
  if (k < 0.04) return r.pick(DOTTED)
  if (k < 0.06) return r.pick(LATIN)
  if (k < 0.18) return r.pick(SURNAMES_TRAD) + r.pick(GIVEN_TRAD)
  return r.pick(SURNAMES) + r.pick(GIVEN)
}

function phone(r: Rng): string {
  const k = r.next()
  const d = (n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('')
  if (k < 0.75) return `1${r.pick(['3', '5', '7', '8', '9'])}${d(9)}`
  if (k < 0.88) return `020-${r.int(2, 8)}${d(7)}`
  if (k < 0.93) return `0755-${r.int(2, 8)}${d(7)}`
  if (k < 0.97) return `+852 ${r.pick(['5', '6', '9'])}${d(3)} ${d(4)}`
  return `+853 66${d(2)} ${d(4)}`
}

function address(r: Rng): string {
  return `广州市${r.pick(DISTRICTS)}${r.pick(STREETS)}${r.int(1, 400)}号${r.chance(0.6) ? `${r.int(1, 30)}0${r.int(1, 8)}房` : ''}`
}

/** Add `opts.cases` fictitious cases (with follow-ups and ~10 interviews each) to an unlocked desk. */
export function generateDemo(desk: Desk, opts: DemoOptions): DemoResult {
  const started = Date.now()
  const r = rng(opts.seed ?? 1)
  const { sqlite, orm } = desk.db()
  const perCase = opts.interviewsPerCase ?? 10
  const batch = opts.batch ?? 2_000
  const wanted = opts.workers ?? Math.min(12, Math.floor(opts.cases / 2_000))
  const existingDemo = orm.select({ n: count() }).from(userTable).where(like(userTable.loginName, 'demo-worker-%')).get()?.n ?? 0
  if (wanted > existingDemo) {
    const now = desk.now().toISOString()
    sqlite.transaction(() => {
      for (let i = existingDemo + 1; i <= wanted; i++) {
        const no = String(i).padStart(2, '0')
        orm.insert(userTable).values({ loginName: `demo-worker-${no}`, displayName: `演示社工${no}`, role: 'worker', locale: 'zh-CN', createdAt: now, updatedAt: now }).run()
      }
      desk.audit({ action: 'demo.workers', details: { added: wanted - existingDemo } })
    })()
  }
  const users = orm
    .select({ id: userTable.id })
    .from(userTable)
    .where(eq(userTable.disabled, false))
    .orderBy(asc(userTable.id))
    .all()
    .map((u) => u.id)
  if (users.length === 0) throw new Error('no users')
  const today = desk.now().toISOString().slice(0, 10)
  const todayN = toDayNumber(today)
  // Five years of walk-ins, oldest first, so case numbers rise with the contact date.
  const dayNums = Array.from({ length: opts.cases }, () => todayN - Math.floor(Math.pow(r.next(), 1.3) * 5 * 365)).sort((a, b) => a - b)
  const seqByYear = new Map<number, number>()
  const lastSeq = (year: number) => {
    if (!seqByYear.has(year)) {
      const row = orm
        .select({ caseNo: cases.caseNo })
        .from(cases)
        .where(like(cases.caseNo, `${year}-%`))
        .orderBy(desc(cases.caseNo))
        .limit(1)
        .get()
      seqByYear.set(year, row ? Number(row.caseNo.slice(5)) : 0)
    }
    return seqByYear.get(year)!
  }
  const insCase = preparedInsert(orm, cases, [
    'caseNo',
    'status',
    'riskLevel',
    'assignedWorkerId',
    'createdBy',
    'createdAt',
    'updatedAt',
    'riskReason',
    'riskSetAt',
    'riskSetBy',
    'repeatMark',
    'repeatOf',
    ...FIELD_NAMES
  ])
  const insRep = preparedInsert(orm, caseRepresentatives, ['caseId', 'name', 'phone', 'note', 'addedAt', 'addedBy'])
  const insRisk = preparedInsert(orm, caseRiskHistory, ['caseId', 'level', 'reason', 'at', 'by'])
  const insFollow = preparedInsert(orm, caseFollowUps, ['caseId', 'dueDate', 'kind', 'note', 'assignedWorkerId', 'doneAt', 'doneBy', 'createdAt', 'createdBy'])
  const insScreen = preparedInsert(orm, caseScreening, ['caseId', 'item', 'answer', 'note', 'updatedAt', 'updatedBy'])
  const insDiv = preparedInsert(orm, caseDiversions, ['caseId', 'recommended', 'chosen', 'overridden', 'reporterConfidential', 'decidedAt', 'decidedBy'])
  const insClose = preparedInsert(orm, caseClosings, [
    'caseId',
    'category',
    'openedDate',
    'closedDate',
    'transferReason',
    'closingType',
    'linkedResources',
    'contactedDepartments',
    'reflection',
    'savedAt',
    'savedBy'
  ])
  const insGoal = preparedInsert(orm, caseGoals, ['caseId', 'seq', 'goal', 'achievement', 'note'])
  const insIv = preparedInsert(orm, interviewTable, [
    'caseId',
    'workerId',
    'outputLang',
    'workForm',
    'stage',
    'matterType',
    'route',
    'startedAt',
    'endedAt',
    'subject',
    'purpose',
    'notes',
    'summary',
    'surfaceDemand',
    'petitionerName',
    'createdAt',
    'updatedAt'
  ])
  // Referrals draw from their own stream: the rest of the archive stays what it was for a seed.
  const rr = rng((opts.seed ?? 1) ^ 0x2f6a1c3b)
  const destinations = desk.session ? demoDestinations(desk) : null
  let referrals = 0
  const recentByName: { id: number; name: string }[] = []
  let interviews = 0
  let followUps = 0
  let first: string | null = null
  let last: string | null = null

  const one = (dayN: number) => {
    const contactDate = fromDayNumber(dayN)
    const year = Number(contactDate.slice(0, 4))
    const seq = lastSeq(year) + 1
    seqByYear.set(year, seq)
    const caseNo = formatCaseNo(year, seq)
    first ??= caseNo
    last = caseNo
    const m = r.pick(MATTERS)
    const k = r.next()
    const partyKind = k < 0.05 ? 'collective' : k < 0.08 ? 'organisation' : 'person'
    const repeatOf = partyKind === 'person' && recentByName.length > 20 && r.chance(0.06) ? r.pick(recentByName) : null
    const name = repeatOf ? repeatOf.name : partyKind === 'organisation' ? r.pick(ORGS) : partyKind === 'collective' ? `${r.pick(DISTRICTS)}${r.pick(['某小区业主', '某工地工友', '某村村民', '某厂员工'])}` : personName(r)
    const headcount = partyKind === 'collective' ? r.int(5, 60) : null
    const worker = r.pick(users)
    const age = daysAgo(todayN, dayN)
    const status = age > 120 ? (r.chance(0.85) ? 'closed' : r.chance(0.5) ? 'transferred' : 'evaluation') : r.pick(['intake', 'assessment', 'planning', 'intervention', 'intervention', 'evaluation'] as const)
    const riskK = r.next()
    const risk = riskK < 0.6 ? 'none' : riskK < 0.82 ? 'low' : riskK < 0.94 ? 'medium' : riskK < 0.99 ? 'high' : 'critical'
    const irrational = repeatOf !== null || risk === 'high' || risk === 'critical' ? true : r.chance(0.04)
    const summary = r.pick(m.summary).replace('{n}', String(r.int(2, 30)))
    const f: CaseFields = {
      ...emptyFields(contactDate),
      partyKind,
      name,
      contactPerson: partyKind === 'person' ? '' : personName(r),
      address: partyKind === 'collective' ? '' : address(r),
      locality: `${r.pick(DISTRICTS)}${r.pick(DEPARTMENTS)}`,
      summary,
      headcount,
      contactDate,
      source: r.chance(0.8) ? 'self' : r.chance(0.5) ? 'outreach' : 'referral',
      demands: `${summary}。${r.chance(0.5) ? '希望有关部门尽快给予书面答复。' : ''}`,
      petitionHistory: repeatOf ? '重访对象，曾多次到区、市有关部门反映。' : r.chance(0.5) ? '初访对象。' : `曾到${r.pick(DEPARTMENTS)}反映过。`,
      gender: r.chance(0.5) ? 'male' : 'female',
      phone: phone(r),
      birth: `${r.int(1940, 2005)}-${String(r.int(1, 12)).padStart(2, '0')}`,
      occupation: r.pick(['务工人员', '退休', '个体经营', '无业', '农民', '公司职员', '']),
      language: [r.pick(['putonghua', 'cantonese', 'cantonese', 'hakka'] as const)],
      marital: r.pick(['single', 'married', 'married', 'divorced', 'widowed'] as const),
      education: r.pick(['primary', 'juniorHigh', 'seniorHigh', 'college', 'bachelor'] as const),
      living: [r.pick(['alone', 'withSpouse', 'withAdultChildren', 'withMinorChildren'] as const)],
      needs: m.needs,
      irrational,
      inPetitionProcedure: m.diversion === 'thisLevel' && r.chance(0.3),
      acceptedDate: ''
    }
    if (f.inPetitionProcedure) f.acceptedDate = addDays(contactDate, r.int(3, 14))
    // Several ticks, as people are (no extra random draw: the rest of the archive stays as it was).
    if (f.language[0] === 'hakka') f.language = ['hakka', 'cantonese']
    if (f.living[0] === 'withSpouse' && f.birth < '1965') f.living = ['withSpouse', 'withAdultChildren']
    const at = `${contactDate}T0${r.int(1, 8)}:${String(r.int(10, 59))}:00.000Z`
    const id = insCase.run({
      ...f,
      caseNo,
      status,
      riskLevel: risk,
      assignedWorkerId: worker,
      createdBy: worker,
      createdAt: at,
      updatedAt: at,
      riskReason: risk === 'none' ? '' : '接谈中评估',
      riskSetAt: risk === 'none' ? null : at,
      riskSetBy: risk === 'none' ? null : worker,
      repeatMark: repeatOf ? 'repeat' : null,
      repeatOf: repeatOf ? [repeatOf.id] : []
    })
    if (partyKind === 'person' && r.chance(0.3)) {
      recentByName.push({ id, name })
      if (recentByName.length > 500) recentByName.shift()
    }
    const reps: { name: string; phone: string }[] = []
    if (partyKind === 'collective') {
      for (let i = 0, n = r.int(1, 5); i < n; i++) {
        const rep = { name: personName(r), phone: phone(r) }
        reps.push(rep)
        insRep.run({ caseId: id, name: rep.name, phone: rep.phone, note: '', addedAt: at, addedBy: worker })
      }
    }
    // The service's own indexer (same bigrams, same repeat keys and their minimum lengths).
    writeCaseIndex(sqlite, id, { partyKind, name: f.name, contactPerson: f.contactPerson, phone: f.phone, address: f.address, locality: f.locality, summary: f.summary, demands: f.demands }, reps)
    if (risk !== 'none') insRisk.run({ caseId: id, level: risk, reason: '接谈中评估', at, by: worker })
    if (status !== 'intake') {
      for (const item of ['a', 'd', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] as const) {
        const yes =
          (item === 'h' && m.diversion === 'politicalLegal') ||
          (item === 'i' && m.diversion === 'discipline') ||
          (item === 'j' && repeatOf !== null) ||
          (item === 'f' && m.diversion !== 'referral') ||
          (item === 'g' && m.diversion === 'thisLevel')
        insScreen.runInOrder(id, item, ['a', 'd'].includes(item) ? 'done' : yes ? 'yes' : 'no', '', at, worker)
      }
      insDiv.run({
        caseId: id,
        recommended: [m.diversion],
        chosen: m.diversion,
        overridden: false,
        reporterConfidential: m.diversion === 'discipline',
        decidedAt: at,
        decidedBy: worker
      })
      if (destinations && age <= REFERRAL_DAYS) {
        demoReferral(desk, rr, { caseId: id, route: m.diversion, contactDate, today, to: destinations })
        referrals++
      }
    }
    // Follow-ups: done for past ones; open cases have one coming up (or overdue).
    const fuCount = r.int(1, 3)
    for (let i = 0; i < fuCount; i++) {
      const due = addDays(contactDate, r.int(3, 7) + i * 30)
      const open = status !== 'closed' && status !== 'transferred' && due >= addDays(today, -5)
      insFollow.run({
        caseId: id,
        dueDate: due,
        kind: i === 0 ? 'short' : 'mid',
        note: '电话回访进展',
        assignedWorkerId: worker,
        doneAt: open ? null : `${due}T03:00:00.000Z`,
        doneBy: open ? null : worker,
        createdAt: at,
        createdBy: worker
      })
      followUps++
    }
    if (status === 'closed' || status === 'transferred') {
      const closedDate = addDays(contactDate, r.int(20, 110))
      insClose.run({
        caseId: id,
        category: status === 'transferred' ? 'transfer' : 'end',
        openedDate: contactDate,
        closedDate,
        transferReason: status === 'transferred' ? r.pick(['beyondScope', 'outsideArea'] as const) : null,
        closingType: status === 'transferred' ? 'referred' : r.pick(['goalsMet', 'goalsMet', 'clientEnded', 'movedAway'] as const),
        linkedResources: m.hardship ? r.pick(['临时救助', '低保', '医疗救助', '法律援助']) : '',
        contactedDepartments: r.pick(DEPARTMENTS),
        reflection: '及早回应情绪，诉求梳理清楚后沟通顺畅。',
        savedAt: `${closedDate}T08:00:00.000Z`,
        savedBy: worker
      })
      insGoal.run({ caseId: id, seq: 1, goal: '情绪平复，理性表达诉求', achievement: '已达成', note: '' })
      insGoal.run({ caseId: id, seq: 2, goal: '明确办理途径和时限', achievement: r.pick(['已达成', '部分达成']), note: '' })
    }
    // ~perCase interviews: the first on the contact date, the rest over the following months.
    const n = Math.max(1, Math.round(perCase * (0.3 + r.next() * 1.4)))
    for (let i = 0; i < n; i++) {
      const d = i === 0 ? contactDate : addDays(contactDate, Math.min(r.int(2, 20) * i, Math.max(0, daysAgo(todayN, dayN))))
      const start = `${d}T0${r.int(1, 8)}:${String(r.int(10, 59))}:00.000Z`
      // In the order of insIv's columns (the hottest loop: ten contacts a case).
      insIv.runInOrder(
        id,
        worker,
        petitionerLanguages(f.language).speakable ?? 'zh-CN',
        i === 0 ? 'faceToFace' : r.pick(['faceToFace', 'phone', 'phone', 'qqWechat', 'accompany'] as const),
        'closing',
        m.code,
        m.diversion === 'politicalLegal' ? 'litigation' : 'petition',
        start,
        start,
        name,
        i === 0 ? '初次接谈，了解诉求' : '跟进进展',
        r.pick(NOTES),
        summary,
        summary,
        name,
        start,
        start
      )
      interviews++
    }
  }

  for (let i = 0; i < dayNums.length; i += batch) {
    const slice = dayNums.slice(i, i + batch)
    sqlite.transaction(() => {
      for (const dn of slice) one(dn)
      desk.audit({ action: 'demo.generate', details: { cases: slice.length } })
    }).immediate()
    opts.onProgress?.(Math.min(i + batch, dayNums.length), dayNums.length)
  }
  return { cases: opts.cases, interviews, followUps, referrals, firstCaseNo: first, lastCaseNo: last, ms: Date.now() - started }
}

function daysAgo(todayN: number, dayN: number): number {
  return todayN - dayN
}
