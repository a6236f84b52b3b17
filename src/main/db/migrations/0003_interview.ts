import type { Migration } from '../migrate'

/** Owned by the interview feature. Until it lands this step changes nothing. */
export const m0003: Migration = {
  version: 3,
  name: 'interview',
  up() {}
}
