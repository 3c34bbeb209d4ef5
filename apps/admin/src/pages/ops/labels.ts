import { COST_CATEGORY_LABELS as CORE_COST_CATEGORY_LABELS } from "@lingong/core";
import type { Labelled } from "./ops-common.tsx";

// Enum labels of the hall, rights and office screens. Values are the API's enums (schema/*.ts).

export const TOOL_KIND_LABELS: Record<string, Labelled> = {
  hand: { zh: "手动工具", en: "Hand tool" },
  power: { zh: "电动工具", en: "Power tool" },
  measuring: { zh: "测量工具", en: "Measuring" },
  safety: { zh: "安全防护", en: "Safety gear" },
  other: { zh: "其他", en: "Other" },
};

export const TOOL_CONDITION_LABELS: Record<string, Labelled> = {
  good: { zh: "完好", en: "Good", color: "green" },
  worn: { zh: "磨损", en: "Worn", color: "gold" },
  damaged: { zh: "损坏", en: "Damaged", color: "red" },
  lost: { zh: "遗失", en: "Lost", color: "magenta" },
};

/** The ledger categories come from core (one list for the API, the report and this screen). */
export const COST_CATEGORY_LABELS: Record<string, Labelled> = CORE_COST_CATEGORY_LABELS;

export const COMPLAINT_CATEGORY_LABELS: Record<string, Labelled> = {
  wage_arrears: { zh: "拖欠工资", en: "Wage arrears", color: "red" },
  malicious_work: { zh: "恶意施工", en: "Malicious work", color: "volcano" },
  discrimination: { zh: "就业歧视", en: "Discrimination", color: "purple" },
  quality: { zh: "工作质量", en: "Work quality", color: "blue" },
  safety: { zh: "安全问题", en: "Safety", color: "orange" },
  other: { zh: "其他", en: "Other" },
};

export const COMPLAINT_STATUS_LABELS: Record<string, Labelled> = {
  filed: { zh: "待受理", en: "Filed", color: "default" },
  accepted: { zh: "已受理", en: "Accepted", color: "blue" },
  mediating: { zh: "调解中", en: "Mediating", color: "processing" },
  resolved: { zh: "已办结", en: "Resolved", color: "green" },
  referred_inspection: { zh: "移交劳动监察", en: "Referred to labour inspection", color: "purple" },
  referred_arbitration: { zh: "移交劳动仲裁", en: "Referred to arbitration", color: "purple" },
  withdrawn: { zh: "已撤回", en: "Withdrawn", color: "default" },
};

export const COMPLAINT_PARTY_LABELS: Record<string, Labelled> = {
  worker: { zh: "零工", en: "Worker" },
  employer: { zh: "用工方", en: "Employer" },
  other: { zh: "其他", en: "Other" },
};

export const COMPLAINT_SOURCE_LABELS: Record<string, Labelled> = {
  counter: { zh: "窗口", en: "Counter" },
  phone: { zh: "电话", en: "Phone" },
  online: { zh: "网上", en: "Online" },
  auto_arrears: { zh: "未确认收款自动立案", en: "Auto (unpaid)" },
};

export const SANCTION_STATUS_LABELS: Record<string, Labelled> = {
  proposed: { zh: "待审批", en: "Proposed", color: "gold" },
  approved: { zh: "已生效", en: "Approved", color: "red" },
  rejected: { zh: "未批准", en: "Rejected", color: "default" },
  reversed: { zh: "已撤销", en: "Reversed", color: "green" },
};

export const APPEAL_STATUS_LABELS: Record<string, Labelled> = {
  pending: { zh: "申诉待决", en: "Appeal pending", color: "orange" },
  upheld: { zh: "申诉成立", en: "Appeal upheld", color: "green" },
  dismissed: { zh: "申诉驳回", en: "Appeal dismissed", color: "default" },
};

export const REWARD_KIND_LABELS: Record<string, Labelled> = {
  commendation: { zh: "内部表扬", en: "Commendation", color: "green" },
  promotion_recommendation: { zh: "星级晋升推荐", en: "Promotion recommendation", color: "blue" },
  free_training: { zh: "免费培训", en: "Free training", color: "cyan" },
  annual_honour: { zh: "年度荣誉", en: "Annual honour", color: "gold" },
};
