import type { Migration } from '../migrate'

/** Owned by the supervisor feature. Until it lands this step changes nothing. */
export const m0004: Migration = {
  version: 4,
  name: 'supervisor',
  up() {}
}
