/** Strings of the training, publicity and administration screens (merged into `zh.ts`). */
export const zhAdmin = {
  "nav.rooms": "洽谈室目录",
  "adm.training.batches": "培训批次",
  "adm.training.courses": "课程",
  "adm.publicity.honour": "荣誉榜",
  "adm.publicity.leaders": "优秀零工排行",
  "adm.publicity.exposure": "曝光台",
  "adm.publicity.announcements": "公告",
  "adm.policies.wages": "指导价表",
  "adm.policies.grading": "星级评定",
  "adm.policies.sanctions": "奖惩规则",
  "adm.policies.matching": "匹配规则",
} as const;
