/** Owned by the interview feature. */
export {}
