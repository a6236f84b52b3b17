// `npm run desk -- <command> …`: runs the built CLI (out/cli/index.js) with plain Node, building it
// first when it is missing or older than its sources (about a second or two; once after a change).
import { createRequire } from 'node:module'
import { CLI_ENTRY, buildCli, cliIsStale } from './build-cli.mjs'

if (cliIsStale()) {
  process.stderr.write('Building the CLI (out/cli) …\n')
  await buildCli()
}
// The CLI reads process.argv.slice(2): the same arguments npm passed to this script.
createRequire(import.meta.url)(CLI_ENTRY)
