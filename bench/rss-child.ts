/**
 * The main process's resident memory with an archive open (`npm run bench`, cases suite): run as a
 * fresh child process, so nothing the benchmark built before counts. Opens the desk in
 * DESK_BENCH_RSS_DIR (DESK_PASSPHRASE, first supervisor), then a search, the Today view and a
 * printed Form A of the newest case, as a worker's first minutes would; prints one JSON line of RSS
 * figures (MB) to stdout.
 */
import { desc } from 'drizzle-orm'
import { openDeskAs } from '../src/cli/commands/cases'
import { searchCases } from '../src/main/cases/search'
import { today } from '../src/main/cases/today'
import { renderCaseForms } from '../src/main/forms/service'
import { cases } from '../src/main/db/schema'

const mb = () => process.memoryUsage().rss / 1024 / 1024
/** The highest RSS so far (it only grows): read after each step, it says which step raised it. */
const peak = () => process.resourceUsage().maxRSS / 1024

async function main(): Promise<void> {
  const start = mb()
  const peakStart = peak()
  const app = openDeskAs(process.env.DESK_BENCH_RSS_DIR!, process.env.DESK_USER)
  if (!app) throw new Error('cannot open the archive')
  try {
    const opened = mb()
    const peakOpened = peak()
    searchCases(app.desk, '信访')
    searchCases(app.desk, '拖欠工资')
    const searched = mb()
    const peakSearched = peak()
    today(app.desk)
    const todayed = mb()
    const peakToday = peak()
    const newest = app.desk.db().orm.select({ id: cases.id }).from(cases).orderBy(desc(cases.id)).limit(1).get()
    if (newest) await renderCaseForms(app.desk, { caseId: newest.id, form: 'A', lang: 'zh-CN' })
    const printed = mb()
    process.stdout.write(
      JSON.stringify({ start, peakStart, opened, searched, today: todayed, printed, peakOpened, peakSearched, peakToday, peak: peak() }) + '\n'
    )
  } finally {
    app.stop()
  }
}

void main()
