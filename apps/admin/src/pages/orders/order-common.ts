export const ORDER_STATUS: Record<string, { zh: string; color: string }> = {
  draft: { zh: "草稿", color: "default" },
  published: { zh: "已发布", color: "blue" },
  partly_filled: { zh: "部分到岗", color: "cyan" },
  filled: { zh: "已满员", color: "green" },
  closed: { zh: "已结束", color: "default" },
  cancelled: { zh: "已取消", color: "red" },
};

export const DISPATCH_STATUS: Record<string, { zh: string; color: string }> = {
  assigned: { zh: "已派工", color: "blue" },
  started: { zh: "已到岗", color: "cyan" },
  completed: { zh: "已完工", color: "green" },
  no_show: { zh: "未到岗", color: "red" },
  cancelled: { zh: "已取消", color: "default" },
};

export const WAGE_UNITS = [
  { value: "day", label: "元/天" },
  { value: "half_day", label: "元/半天" },
  { value: "hour", label: "元/小时" },
] as const;

export interface OrderView {
  id: string;
  orderNo: string;
  employerId: string;
  employerName?: string;
  tradeCode: string;
  skillGrade: string;
  minStars: number;
  headcount: number;
  filledCount: number;
  startDate: string;
  endDate: string;
  place: string;
  wageFen: number;
  wageUnit: "day" | "half_day" | "hour";
  requirements: string | null;
  status: string;
}
