// Public surface of @lingong/core. One export line per rule file; keep it sorted by area.
export * from "./types.ts";
export * from "./dates.ts";
