/**
 * The app's only logger. Lines carry an event name and non-personal fields (ids, codes, counts,
 * timings) — never names, phone numbers, notes, passphrases or keys. Writes to stderr only; nothing
 * is kept on disk.
 */
type Fields = Record<string, string | number | boolean | null | undefined>

const quiet = () => process.env.DESK_LOG === 'silent' || process.env.VITEST === 'true'

function write(level: string, event: string, fields?: Fields): void {
  if (quiet() && level !== 'error') return
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })
  process.stderr.write(line + '\n')
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields)
}
