/** Calls of the interview feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const interviewCalls = {} as const
