// Every table of the system of record. One file per domain; append one export line per file.
export * from "./core.ts";
export * from "./workers.ts";
export * from "./employers.ts";
export * from "./orders.ts";
export * from "./matching.ts";
export * from "./dispatches.ts";
export * from "./followups.ts";
export * from "./grades.ts";
export * from "./sanctions.ts";
export * from "./complaints.ts";
export * from "./tools.ts";
export * from "./training.ts";
export * from "./library.ts";
export * from "./publicity.ts";
export * from "./costs.ts";
export * from "./analytics.ts";
