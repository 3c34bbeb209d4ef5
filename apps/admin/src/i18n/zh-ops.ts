/** Strings of the hall, rights and office screens (merged into `zh.ts`). */
export const zhOps = {
  "nav.policies": "指导价与政策",
  "nav.rewards": "奖励",
  "ops.worker": "零工",
  "ops.workerPick": "输入姓名 / 手机号 / 身份证号 / 零工编号查找",
  "ops.workerRequired": "请选择零工",
  "ops.noMatch": "没有匹配的零工",
  "ops.tools.counter": "借出与归还",
  "ops.tools.catalogue": "工具目录",
  "ops.tools.overdue": "逾期未还",
  "ops.tools.history": "借用记录",
  "ops.costs.ledger": "费用台账",
  "ops.costs.report": "月度报销报表",
  "ops.complaints.new": "登记投诉",
  "ops.complaints.list": "案件列表",
  "ops.overdue": "已超期",
} as const;
