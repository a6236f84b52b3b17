import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Write a file so that a crash, power cut or full disk never leaves a half file under `target`:
 * write a temporary file in the same folder, fsync it, rename over the target, fsync the folder.
 */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  let fd = -1
  try {
    fd = openSync(tmp, 'wx', 0o600)
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let off = 0
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
    fsyncSync(fd)
    closeSync(fd)
    fd = -1
    renameSync(tmp, target)
    fsyncDir(dirname(target))
  } catch (err) {
    if (fd >= 0) closeSync(fd)
    rmSync(tmp, { force: true })
    throw err
  }
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; rename there is already durable enough.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
