/** Strings of the office desk screens: workers, employers, orders, today, follow-ups, grades, complaints (merged into `zh.ts`). */
export const zhDesk = {
  "desk.notFound": "页面不存在",
} as const;
