import type { zhAdmin } from "./zh-admin.ts";

/** English for `zh-admin.ts` (every key must be here). */
export const enAdmin: Record<keyof typeof zhAdmin, string> = {
  "nav.rooms": "Negotiation rooms",
  "adm.training.batches": "Batches",
  "adm.training.courses": "Courses",
  "adm.publicity.honour": "Honour roll",
  "adm.publicity.leaders": "Top workers",
  "adm.publicity.exposure": "Exposure board",
  "adm.publicity.announcements": "Announcements",
  "adm.policies.wages": "Guidance wages",
  "adm.policies.grading": "Star grading",
  "adm.policies.sanctions": "Sanctions",
  "adm.policies.matching": "Matching",
};
