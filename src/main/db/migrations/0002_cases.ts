import type { Migration } from '../migrate'

/** Owned by the cases feature. Until it lands this step changes nothing. */
export const m0002: Migration = {
  version: 2,
  name: 'cases',
  up() {}
}
