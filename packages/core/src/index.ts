// Public surface of @lingong/core. One export line per rule file; keep it sorted by area.
export * from "./types.ts";
export * from "./dates.ts";
export * from "./resident-id.ts";
export * from "./mobile-phone.ts";
export * from "./age-on.ts";
export * from "./mask.ts";
