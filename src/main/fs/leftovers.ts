import { readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * What a run killed mid-way (power cut, SIGKILL) leaves behind: a restore's staging folder (a whole
 * database), a verify's scratch database, half-written atomic files, an export's temporary file.
 * Removed when the next run starts, once it holds the data folder's lock (so no other copy of the
 * desk can be using them). An export's temporary file sits in a backup folder that other desks may
 * share: there only files untouched for an hour are removed.
 */
const STAGING = /\.restore-[0-9a-f]+$/
const VERIFY_SCRATCH = /^\.verify-[0-9a-f]{16}\.db(-wal|-shm|-journal)?$/
const ATOMIC_TMP = /^\..+\.[0-9a-f]{12}\.tmp$/

function entries(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function remove(path: string, removed: string[]): void {
  try {
    rmSync(path, { recursive: true, force: true })
    removed.push(path)
  } catch {
    /* not ours to remove, or gone */
  }
}

/** At start, with the folder lock held. Returns what was removed (paths only, no content). */
export function sweepLeftovers(dataDir: string, stateDir: string, safetyDir = `${resolve(dataDir)}.safety`): string[] {
  const removed: string[] = []
  const abs = resolve(dataDir)
  const parent = dirname(abs)
  for (const name of entries(parent)) {
    if (name.startsWith(`${basename(abs)}.restore-`) && STAGING.test(name)) remove(join(parent, name), removed)
  }
  for (const name of entries(stateDir)) {
    if (VERIFY_SCRATCH.test(name) || ATOMIC_TMP.test(name)) remove(join(stateDir, name), removed)
  }
  for (const name of entries(abs)) if (ATOMIC_TMP.test(name)) remove(join(abs, name), removed)
  removed.push(...sweepExportTemps(safetyDir))
  return removed
}

/** An export's temporary files in a backup folder, left by a killed run more than `olderThanMs` ago. */
export function sweepExportTemps(folder: string, olderThanMs = 3_600_000, now = Date.now()): string[] {
  const removed: string[] = []
  for (const name of entries(folder)) {
    if (!ATOMIC_TMP.test(name) && !VERIFY_SCRATCH.test(name)) continue
    const path = join(folder, name)
    try {
      if (now - statSync(path).mtimeMs < olderThanMs) continue
    } catch {
      continue
    }
    remove(path, removed)
  }
  return removed
}
