import type { zhDesk } from "./zh-desk.ts";

/** English for `zh-desk.ts` (every key must be here). */
export const enDesk: Record<keyof typeof zhDesk, string> = {
  "desk.notFound": "Page not found",
};
