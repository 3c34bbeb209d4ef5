import type { zhSearch } from "./zh-search.ts";

/** English for `zh-search.ts` (every key must be here). */
export const enSearch: Record<keyof typeof zhSearch, string> = {
  "search.placeholder": "Name / phone / ID number / worker no. (press / to focus)",
  "search.workers": "Workers",
  "search.employers": "Employers",
  "search.searching": "Searching…",
  "search.noMatch": "No matching worker or employer",
  "search.seeAll": "See all results for “{q}” in the worker list",
  "search.error": "Search failed: {msg}",
  "search.hint": "↑↓ select · Enter open · Esc close",
  "search.age": "{n} yrs",
  "search.noTownship": "No township",
  "search.employerStatus.active": "Active",
  "search.employerStatus.warned": "Warned",
  "search.employerStatus.excluded": "Suspended",
};
