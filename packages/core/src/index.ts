// Public surface of @lingong/core. One export line per rule file; keep it sorted by area.
export * from "./types.ts";
export * from "./dates.ts";
export * from "./resident-id.ts";
export * from "./mobile-phone.ts";
export * from "./age-on.ts";
export * from "./mask.ts";
export * from "./credit-code.ts";
export * from "./wilson-lower-bound.ts";
export * from "./grading-policy.ts";
export * from "./initial-grade.ts";
export * from "./review-grade.ts";
export * from "./trades.ts";
export * from "./guidance-wage.ts";
export * from "./metrics.ts";
export * from "./sanction-policy.ts";
export * from "./sanction-ladder.ts";
