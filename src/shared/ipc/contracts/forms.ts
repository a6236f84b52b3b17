/** Calls of the forms feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const formsCalls = {} as const
