/** Calls of the supervisor feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const supervisorCalls = {} as const
