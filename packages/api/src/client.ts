// Types for apps building a tRPC client (`import type { AppRouter } from "@lingong/api/client"`).
// Apps use httpBatchLink (not the streaming link) with `methodOverride: "POST"` for postOnly queries.
export type { AppRouter } from "./router.ts";
export type { Role } from "./roles.ts";
export { ROLE_LABELS, ROLE_IDS, ROLES } from "./roles.ts";
