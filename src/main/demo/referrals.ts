import { and, eq, isNull } from 'drizzle-orm'
import { addDays } from '@shared/domain/dates/calendar'
import { suggestedAgreedDate } from '@shared/domain/dates'
import { CATEGORIES_BY_ROUTE, createsReferral, dueForSend, methodsFor } from '@shared/domain/referrals/rules'
import { RELAY_HOWS, type DirectoryCategory } from '@shared/domain/referrals/types'
import { DIVERSION_ROUTES, type DiversionRoute } from '@shared/domain/screening/rules'
import type { Desk } from '../desk/desk'
import { listDirectory, saveDirectoryEntry } from '../referrals/directory'
import { recordRelay, recordReply, referralForDiversion, sendReferral } from '../referrals/ledger'
import { caseReferrals } from '../db/schema'

/**
 * Referrals for the demo archive's recent diversions (issue 16 §1), written through the referral
 * service's own functions — the same checks, events and audit trail as a worker's — so the 督办 list,
 * Today, the referral figures and the monthly report have something to show. Only diversions of the
 * last REFERRAL_DAYS days get one: the service writes one referral step at a time (as a worker does),
 * which would multiply the build time of a 100 000-case archive; older cases read as recorded before
 * the ledger. The mix is drawn from its own random stream, so the rest of the archive stays what it
 * was for a seed: some not yet sent, some waiting within their reply date, some overdue, some replied
 * on time or late, and of those replied some relayed to the petitioner and some not yet.
 */
export const REFERRAL_DAYS = 60

type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean }

/** Fictitious destinations (marked 演示), one per category a demo route offers first. */
const PLACES: [DirectoryCategory, string][] = [
  ['petitionBureau', '某区信访局（演示）'],
  ['labourInspection', '某区劳动保障监察大队（演示）'],
  ['humanResources', '某区人力资源和社会保障局（演示）'],
  ['civilAffairs', '某区民政局（演示）'],
  ['health', '某区卫生健康局（演示）'],
  ['court', '某区人民法院诉讼服务中心（演示）'],
  ['procuratorate', '某区人民检察院控告申诉窗口（演示）'],
  ['publicSecurity', '某派出所（演示）'],
  ['legalAid', '某区法律援助处（演示）'],
  ['discipline', '某区纪委监委信访室（演示）'],
  ['socialWorkStation', '某街道社工服务站（演示）'],
  ['psychAid', '某心理援助热线站（演示）'],
  ['womensFederation', '某区妇联（演示）'],
  ['mediation', '某街道人民调解委员会（演示）']
]

const SENT_WHAT = ['信访事项材料及接谈记录', '《转送/交办单》及信访人提交的证据材料', '告知书及办理途径说明', '转介单及服务需求说明']
const REPLIES = [
  '已受理，正在调查核实，将依法处理并答复信访人。',
  '经核查，已责令有关单位限期整改，并约谈负责人。',
  '已组织双方调解，达成初步协议。',
  '已告知信访人通过法定途径解决，并提供法律援助指引。',
  '已安排社工跟进，链接临时救助资源。'
]

/** The demo's destinations, created once through the directory service (a second run reuses them). */
export function demoDestinations(desk: Desk): Map<DiversionRoute, number[]> {
  const entries = listDirectory(desk)
  const byName = new Map(entries.map((e) => [e.name, e]))
  for (const [category, name] of PLACES) {
    if (byName.has(name)) continue
    const e = saveDirectoryEntry(desk, {
      level: 'district',
      locality: '广州市',
      category,
      name,
      address: '广州市某区某路1号（演示地址）',
      phone: '020-00000000',
      hours: '周一至周五 9:00–17:00',
      handles: '',
      active: true
    })
    byName.set(name, e)
  }
  const all = [...byName.values()]
  const out = new Map<DiversionRoute, number[]>()
  for (const route of DIVERSION_ROUTES) {
    const cats = CATEGORIES_BY_ROUTE[route]
    out.set(
      route,
      all.filter((e) => cats.includes(e.category)).map((e) => e.id)
    )
  }
  return out
}

/** The earlier of two dates, and never after today. */
const notAfter = (date: string, ...limits: string[]) => limits.reduce((d, l) => (l < d ? l : d), date)

/**
 * The referral a confirmed diversion creates, carried as far as a worker would have by today. Called
 * inside the generator's batch transaction, right after the diversion, while the case is open.
 */
export function demoReferral(desk: Desk, r: Rng, a: { caseId: number; route: DiversionRoute; contactDate: string; today: string; to: Map<DiversionRoute, number[]> }): void {
  if (!createsReferral(a.route)) return
  referralForDiversion(desk, a.caseId, a.route)
  const referral = desk
    .db()
    .orm.select({ id: caseReferrals.id })
    .from(caseReferrals)
    .where(and(eq(caseReferrals.caseId, a.caseId), eq(caseReferrals.route, a.route), isNull(caseReferrals.withdrawnAt)))
    .get()
  const destinations = a.to.get(a.route) ?? []
  if (!referral || destinations.length === 0) return
  const sentDate = notAfter(addDays(a.contactDate, r.int(0, 3)), a.today)
  // The newest ones are still being prepared.
  if (sentDate >= addDays(a.today, -2) && r.chance(0.5)) return
  const method = r.pick(methodsFor(a.route))
  const agreedDue = dueForSend(a.route, method, sentDate).basis === 'agreed' ? addDays(suggestedAgreedDate(sentDate), r.int(-4, 7)) : undefined
  const sent = sendReferral(desk, { referralId: referral.id, method, directoryId: r.pick(destinations), sentDate, sentWhat: r.pick(SENT_WHAT), agreedDue })
  const due = sent.replyDue || addDays(sentDate, 14)
  // Replied: on time mostly, late sometimes, not yet when the date has not come or it is overdue.
  const k = r.next()
  const replyDate = k < 0.6 ? notAfter(addDays(sentDate, r.int(1, 20)), due, a.today) : k < 0.75 ? notAfter(addDays(due, r.int(1, 12)), a.today) : null
  if (!replyDate || replyDate < sentDate) return
  recordReply(desk, { referralId: referral.id, replyDate, replySummary: r.pick(REPLIES) })
  // Relayed to the petitioner: most within a few days; some still waiting for the worker's call.
  if (r.chance(0.25)) return
  const relayedDate = notAfter(addDays(replyDate, r.int(0, 6)), a.today)
  recordRelay(desk, { referralId: referral.id, relayedDate, relayedHow: r.pick(RELAY_HOWS), relayedNote: '' })
}
