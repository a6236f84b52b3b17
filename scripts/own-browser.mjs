// Browser mode in a Chromium of its own: a throwaway profile (in memory where /dev/shm exists),
// with autofill, password saving, background networking and crash reports off, wiped when either
// the browser or the desk stops. A person's own browser profile would keep what is typed (form
// history, session-restore files, History) on disk, beyond the desk's encryption.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PREFIX = 'petition-desk-browser-'

/** The first Chromium-family browser found (DESK_CHROMIUM wins), or null. */
export function findChromium(env = process.env, exists = existsSync) {
  const candidates = [
    env.DESK_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    env.PROGRAMFILES && join(env.PROGRAMFILES, 'Google', 'Chrome', 'Application', 'chrome.exe'),
    env['PROGRAMFILES(X86)'] && join(env['PROGRAMFILES(X86)'], 'Microsoft', 'Edge', 'Application', 'msedge.exe')
  ].filter(Boolean)
  return candidates.find((c) => exists(c)) ?? null
}

/** Where throwaway profiles go: memory (/dev/shm) where there is one, else the temp folder. */
export function profileRoot() {
  try {
    if (statSync('/dev/shm').isDirectory()) return '/dev/shm'
  } catch {
    /* not Linux */
  }
  return tmpdir()
}

/** Remove profiles left by a run that was killed (older than a day, or of a process that is gone). */
export function sweepOldProfiles(root = profileRoot(), now = Date.now()) {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue
    const dir = join(root, name)
    const pid = Number(name.slice(PREFIX.length).split('-')[0])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {
      alive = false
    }
    try {
      if (!alive || now - statSync(dir).mtimeMs > 86_400_000) rmSync(dir, { recursive: true, force: true })
    } catch {
      /* someone else's, or already gone */
    }
  }
}

/** A fresh profile folder with preferences that keep nothing typed. */
export function makeProfile(root = profileRoot()) {
  const dir = mkdtempSync(join(root, `${PREFIX}${process.pid}-`))
  mkdirSync(join(dir, 'Default'), { recursive: true, mode: 0o700 })
  const prefs = {
    autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
    credentials_enable_service: false,
    credentials_enable_autosignin: false,
    profile: { password_manager_enabled: false },
    search: { suggest_enabled: false },
    translate: { enabled: false },
    spellcheck: { use_spelling_service: false },
    safebrowsing: { enabled: false },
    session: { restore_on_startup: 5 }
  }
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify(prefs), { mode: 0o600 })
  return dir
}

/** The command line: an app window on the desk's address, nothing fetched in the background. */
export function chromiumArgs(profile, openUrl) {
  return [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-features=Translate,AutofillServerCommunication,OptimizationHints,MediaRouter',
    '--metrics-recording-only',
    '--password-store=basic',
    // Date and month pickers follow the browser's UI language, not the page's: in Chinese, so 结案日期
    // reads 2026/12/05 and the report month 2026年12月 (on Linux with LANGUAGE from chromiumEnv and
    // Debian's chromium-l10n; elsewhere this flag).
    '--lang=zh-CN',
    // Chromium refuses to run as root with its sandbox; only then is it turned off.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--app=${openUrl}`
  ]
}

/** The browser's environment: on Linux Chromium takes its UI language from LANGUAGE, not --lang. */
export function chromiumEnv(env = process.env) {
  return { ...env, LANGUAGE: 'zh_CN:zh' }
}

export const OWN_BROWSER_WARNING =
  'No Chromium was found, so open this address yourself. Warning: your own browser may keep what you type (form history, open-tab and session files, History) in its profile on disk, outside the desk\'s encryption; use a private window and close it when you are done.'
