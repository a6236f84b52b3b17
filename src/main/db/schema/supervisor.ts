/** Owned by the supervisor feature. */
export {}
