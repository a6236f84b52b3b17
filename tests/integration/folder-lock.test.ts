import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { killed, readLines, spawnTs, ROOT } from './children/spawn'
import { tempDir } from '../support/desk'

/**
 * One process per data folder: a second copy of the desk (browser mode, the CLI) on a folder that
 * another holds stops at once with a message naming the other (pid, what kind), in the user's
 * language; a copy that was SIGKILLed leaves no lock behind.
 */
let tmp: ReturnType<typeof tempDir>
let renderer: string
let dataDir: string
const children: ChildProcess[] = []

beforeAll(() => {
  tmp = tempDir('desk-lock-')
  renderer = join(tmp.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>')
  dataDir = join(tmp.dir, 'data')
})
afterAll(async () => {
  for (const c of children) await killed(c)
  tmp.cleanup()
})

function browserMode(env: NodeJS.ProcessEnv = {}): ChildProcess {
  const c = spawnTs(join(ROOT, 'src/main/browser-mode.ts'), ['--data-dir', dataDir, '--renderer-dir', renderer, '--json'], { DESK_TEST_KDF: '1', ...env })
  children.push(c)
  return c
}

function exited(c: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  c.stderr?.on('data', (d) => (stderr += d))
  return new Promise((res) => c.once('exit', (code) => res({ code, stderr })))
}

describe('one process per data folder', () => {
  it('a second browser mode and a CLI command on the same folder stop and name the first; after a SIGKILL the folder is free', async () => {
    const first = browserMode()
    await readLines(first, (l) => l.startsWith('{'))

    const second = await exited(browserMode({ LANG: 'zh_CN.UTF-8' }))
    expect(second.code).toBe(6)
    expect(second.stderr).toContain('浏览器模式')
    expect(second.stderr).toContain(String(first.pid))

    // In Cantonese where the system says Hong Kong; and the CLI is held off the same way.
    const cli = spawnTs(join(ROOT, 'src/cli/index.ts'), ['verify', '--data-dir', dataDir, '--login', 'chen'], { LANG: 'zh_HK.UTF-8', DESK_PASSPHRASE: 'x' })
    children.push(cli)
    const c = await exited(cli)
    expect(c.code).toBe(6)
    expect(c.stderr).toContain('瀏覽器模式')
    expect(c.stderr).toContain(String(first.pid))

    // The first is killed without any chance to clean up: the OS drops its lock, the next one starts.
    await killed(first)
    const third = browserMode()
    const [line] = await readLines(third, (l) => l.startsWith('{'))
    expect(JSON.parse(line!).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    // And now it is the one named.
    const fourth = await exited(browserMode())
    expect(fourth.code).toBe(6)
    expect(fourth.stderr).toContain(String(third.pid))
  }, 120_000)

  it('a CLI command holds the folder while it runs (a browser mode started meanwhile stops)', async () => {
    for (const c of children) await killed(c)
    const env = { DESK_TEST_KDF: '1', DESK_PASSPHRASE: 'correct horse battery staple' }
    const init = spawnTs(join(ROOT, 'src/cli/index.ts'), ['init', '--data-dir', join(tmp.dir, 'demo'), '--name', '陈督导', '--login', 'chen'], env)
    expect((await exited(init)).code).toBe(0)
    // `demo` writes for a while: long enough to start browser mode beside it.
    const cli = spawnTs(join(ROOT, 'src/cli/index.ts'), ['demo', '--data-dir', join(tmp.dir, 'demo'), '--cases', '3000', '--seed', '1'], env)
    children.push(cli)
    // Wait until it has the folder (its note names it), however slowly it starts on a busy machine.
    const note = join(tmp.dir, 'demo.state', 'desk.lock.owner.json')
    await vi.waitFor(() => expect(existsSync(note) && JSON.parse(readFileSync(note, 'utf8')).pid).toBe(cli.pid), { timeout: 60_000, interval: 200 })
    expect(cli.exitCode, 'demo finished too fast to test').toBeNull()
    const b = spawnTs(join(ROOT, 'src/main/browser-mode.ts'), ['--data-dir', join(tmp.dir, 'demo'), '--renderer-dir', renderer, '--json'], { DESK_TEST_KDF: '1' })
    children.push(b)
    const r = await exited(b)
    expect(r.code).toBe(6)
    expect(r.stderr).toContain('命令行工具（demo）')
    expect(r.stderr).toContain(String(cli.pid))
  }, 120_000)
})
