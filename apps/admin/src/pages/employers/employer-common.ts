import type { Labelled } from "../ops/ops-common.tsx";

/** An employer as the API shows it (masked contact phone). */
export interface EmployerView {
  id: string;
  employerNo: string;
  kind: "person" | "company";
  name: string;
  creditCode: string | null;
  industry: string;
  contactName: string;
  contactPhoneMasked: string | null;
  townshipId: string | null;
  address: string | null;
  status: "active" | "warned" | "excluded";
  statusReason: string | null;
  verifiedAt: string | null;
  note: string | null;
  createdAt: string;
}

export const INDUSTRY_LABELS: Record<string, Labelled> = {
  coal: { zh: "煤炭/煤层气", en: "Coal / coalbed methane" },
  construction: { zh: "建筑施工", en: "Construction" },
  farm: { zh: "农业种植", en: "Farming" },
  household: { zh: "家庭用工", en: "Household" },
  manufacturing: { zh: "制造加工", en: "Manufacturing" },
  services: { zh: "服务业", en: "Services" },
  other: { zh: "其他", en: "Other" },
};

export const EMPLOYER_STATUS: Record<string, Labelled> = {
  active: { zh: "正常", en: "Active", color: "green" },
  warned: { zh: "已警示", en: "Warned", color: "orange" },
  excluded: { zh: "暂停合作", en: "Suspended", color: "red" },
};

/** What the employer rules suggest or did (R10 ladder). */
export const EMPLOYER_ACTION: Record<string, Labelled> = {
  none: { zh: "无需处理", en: "No action" },
  warning: { zh: "警示", en: "Warning" },
  exclusion: { zh: "暂停合作", en: "Suspension" },
  lifted: { zh: "解除", en: "Lifted" },
};
