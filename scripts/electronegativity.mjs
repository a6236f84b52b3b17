#!/usr/bin/env node
// Run @doyensec/electronegativity over src/ and fail on any HIGH finding that is not explained in
// .electronegativity-allow.json (each entry: check, file, reason). Other severities are printed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tool = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const allow = JSON.parse(readFileSync(join(root, '.electronegativity-allow.json'), 'utf8')).allow

/** RFC 4180-ish CSV: quoted fields may hold commas and doubled quotes. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

const dir = mkdtempSync(join(tmpdir(), 'eneg-'))
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url'

function runTool(out) {
  // -e: judge against our Electron's defaults (the tool would otherwise assume v0.1.0).
  const r = spawnSync(process.execPath, [tool, '-i', join(root, 'src'), '-r', '-e', electronVersion, '-o', out], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000
  })
  if (r.status !== 0 || !existsSync(out)) {
    console.error(`electronegativity did not run (exit ${r.status}${r.error ? `, ${r.error.message}` : ''})`)
    console.error(r.stderr?.slice(-2000))
    process.exit(1)
  }
  return readFileSync(out, 'utf8')
}

/**
 * The tool writes its CSV header and its rows with two unordered async writes, so a CSV can come out
 * with the header in the middle, or with the rows truncated away (which would look like "no
 * findings"). Its SARIF output is one write: it gives the true number of findings, and a CSV is
 * accepted only when its header is first and its row count matches. Severity is only in the CSV.
 */
function findingsOnce(attempt) {
  const expected = JSON.parse(runTool(join(dir, `findings-${attempt}.sarif`))).runs[0].results.length
  const csv = runTool(join(dir, `findings-${attempt}.csv`))
  const [header, ...rows] = parseCsv(csv)
  if (!header || header.join(',').replace(/\s/g, '') !== HEADER.replace(/\s/g, '') || rows.length !== expected) return null
  if (rows.some((r) => r.length !== header.length)) return null
  const col = (name) => header.findIndex((h) => h.trim() === name)
  return rows.map((r) => ({
    check: r[col('issue')].trim(),
    severity: r[col('severity')].trim(),
    file: r[col('filename')].trim(),
    location: r[col('location')].trim(),
    sample: r[col('sample')].trim()
  }))
}

try {
  let findings = null
  for (let attempt = 1; attempt <= 5 && !findings; attempt++) findings = findingsOnce(attempt)
  if (!findings) {
    console.error('electronegativity wrote an inconsistent report five times; not judging on it')
    process.exit(1)
  }
  const explained = (f) => allow.find((a) => a.check === f.check && f.file.endsWith(a.file))
  let unexplained = 0
  for (const f of findings) {
    const a = f.severity === 'HIGH' ? explained(f) : null
    const tag = f.severity === 'HIGH' ? (a ? 'HIGH (explained)' : 'HIGH — UNEXPLAINED') : f.severity
    console.log(`${tag.padEnd(20)} ${f.check.padEnd(28)} ${f.file}:${f.location}`)
    if (a) console.log(`${''.padEnd(20)} reason: ${a.reason}`)
    if (f.severity === 'HIGH' && !a) unexplained++
  }
  for (const a of allow) {
    if (!findings.some((f) => f.check === a.check && f.file.endsWith(a.file))) {
      console.log(`note: allowlist entry ${a.check} in ${a.file} no longer matches a finding; remove it`)
    }
  }
  const counts = findings.reduce((m, f) => ((m[f.severity] = (m[f.severity] ?? 0) + 1), m), {})
  console.log(`electronegativity (Electron ${electronVersion}): ${JSON.stringify(counts)}; unexplained HIGH: ${unexplained}`)
  process.exit(unexplained > 0 ? 1 : 0)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
