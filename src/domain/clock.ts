/** The source of "now" for app services; tests pass a fixed or stepping clock. */
export type Clock = { now(): Date };
