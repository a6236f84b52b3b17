import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import type { PassphraseCheck } from './types'
import { CHINESE_COMMON, onChineseBlocklist } from './blocklist'
import { codePointLength } from '../../text/characters'

/**
 * NIST SP 800-63B: at least 8 characters (15 suggested), any characters and length, paste allowed,
 * no composition rules, refuse what is on a blocklist of common/breached-style passwords (zxcvbn's
 * common-password and frequency lists, a Chinese-usage list, plus the login and display name).
 */
export const MIN_LENGTH = 8
export const SUGGESTED_LENGTH = 15

let ready = false
function init(): void {
  if (ready) return
  zxcvbnOptions.setOptions({ dictionary: { ...common.dictionary, chineseCommon: [...CHINESE_COMMON] }, graphs: common.adjacencyGraphs })
  ready = true
}

export function checkPassphrase(pass: string, context: string[] = []): PassphraseCheck {
  init()
  const length = [...pass].length
  const problems: string[] = []
  const suggestions: string[] = []
  if (length < MIN_LENGTH) problems.push('tooShort')
  // zxcvbn's matching grows faster than linearly: 1 000 characters take seconds. The first 100
  // decide whether a passphrase is guessable; anything longer is only stronger.
  const result = zxcvbn([...pass].slice(0, 100).join(''), context.filter(Boolean))
  const lowered = pass.toLowerCase()
  const onBlocklist =
    result.sequence.length === 1 &&
    result.sequence[0].pattern === 'dictionary' &&
    (result.sequence[0] as { dictionaryName?: string }).dictionaryName !== 'userInputs'
  const isContext = context.some((c) => c && lowered.includes(c.toLowerCase()) && codePointLength(c) >= Math.max(4, length - 4))
  if (length >= MIN_LENGTH && (onBlocklist || result.score <= 1 || onChineseBlocklist(pass))) problems.push('common')
  if (length >= MIN_LENGTH && isContext) problems.push('personal')
  if (length < SUGGESTED_LENGTH) suggestions.push('longer')
  // The meter must not call a refused passphrase "strong" (zxcvbn rates woaini1314 a 3).
  const score = (problems.length > 0 ? Math.min(result.score, 1) : result.score) as PassphraseCheck['score']
  return { ok: problems.length === 0, score, problems, suggestions }
}
