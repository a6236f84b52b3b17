/** Calls of the cases feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const casesCalls = {} as const
