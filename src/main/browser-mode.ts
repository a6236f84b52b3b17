import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createDeskApp } from './app'
import { startLoopback } from './ipc/loopback'
import { SCRYPT_TEST } from './db/keyring'
import { defaultDataDir } from './paths'
import { log } from './log'
import { busyMessage, DataFolderBusy, holdDataFolder, systemLocale } from './fs/folder-lock'

/**
 * Browser mode: the real main-process services behind the loopback transport, serving the built
 * renderer to a browser on this machine. Used where Electron cannot run, and by the end-to-end tests.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string' },
      json: { type: 'boolean', default: false }
    }
  })
  const dataDir = resolve(values['data-dir'] ?? process.env.DESK_DATA_DIR ?? defaultDataDir())
  const rendererDir = resolve(values['renderer-dir'] ?? join(__dirname, '../renderer'))
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`The app is not built yet: run "npm run build" first (looked in ${rendererDir}).\n`)
    process.exit(2)
  }
  // Every file and folder this process creates is its owner's only (0600 / 0700): backups, PDFs, logs.
  if (process.platform !== 'win32') process.umask(0o077)
  // One process per data folder, for the whole run (released by the OS when this process ends).
  try {
    holdDataFolder(dataDir, { kind: 'browser' })
  } catch (err) {
    if (!(err instanceof DataFolderBusy)) throw err
    process.stderr.write(`${busyMessage(err, dataDir, systemLocale())}\n`)
    process.exit(6)
  }
  // Only the test suite may lower the KDF cost, and only by an explicit variable.
  const kdf = process.env.DESK_TEST_KDF === '1' ? SCRYPT_TEST : undefined
  const app = createDeskApp({ dataDir, kdf })
  const server = await startLoopback(app.router, {
    rendererDir,
    port: Number(values.port),
    // Each address opens one tab; the next one is printed for another tab or browser.
    onOpenUrl: (openUrl) => {
      if (values.json) process.stdout.write(JSON.stringify({ openUrl }) + '\n')
      else process.stdout.write(`That address has been used. To open the desk in another tab or browser:\n  ${openUrl}\n`)
    }
  })
  if (values.json) process.stdout.write(JSON.stringify({ url: server.url, openUrl: server.openUrl }) + '\n')
  else process.stdout.write(`Petition Desk is running in browser mode. Open this address in a browser on this computer:\n  ${server.openUrl}\n`)
  log.info('browser.started', { port: server.port })

  const stop = async () => {
    await server.close()
    app.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  log.error('browser.failed', { error: err instanceof Error ? err.name : 'unknown' })
  process.exit(1)
})
