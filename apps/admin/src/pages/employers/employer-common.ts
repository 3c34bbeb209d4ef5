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

export const INDUSTRY_LABELS: Record<string, string> = {
  coal: "煤炭/煤层气",
  construction: "建筑施工",
  farm: "农业种植",
  household: "家庭用工",
  manufacturing: "制造加工",
  services: "服务业",
  other: "其他",
};

export const EMPLOYER_STATUS: Record<string, { zh: string; color: string }> = {
  active: { zh: "正常", color: "green" },
  warned: { zh: "已警示", color: "orange" },
  excluded: { zh: "暂停合作", color: "red" },
};
