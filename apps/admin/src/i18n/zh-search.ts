/** Strings of the header quick-find (merged into `zh.ts`). */
export const zhSearch = {
  "search.placeholder": "姓名 / 手机号 / 身份证号 / 零工编号（按 / 键聚焦）",
  "search.workers": "零工",
  "search.employers": "用工方",
  "search.searching": "正在查找…",
  "search.noMatch": "没有匹配的零工或用工方",
  "search.seeAll": "在零工档案中查看“{q}”的全部结果",
  "search.error": "查找失败：{msg}",
  "search.hint": "↑↓ 选择 · Enter 打开 · Esc 关闭",
  "search.age": "{n}岁",
  "search.noTownship": "未填乡镇",
  "search.employerStatus.active": "正常",
  "search.employerStatus.warned": "已警示",
  "search.employerStatus.excluded": "暂停合作",
} as const;
