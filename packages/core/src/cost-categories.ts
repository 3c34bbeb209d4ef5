/**
 * Operating cost categories of a market (G2: costs are in the county budget and reimbursed at
 * actual cost, 实报实销). One list for the ledger's column, the bureau's monthly report and the UI.
 */
export const COST_CATEGORIES = ["staff", "rent", "utilities", "meals", "training", "equipment", "publicity", "other"] as const;

export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_CATEGORY_LABELS: Record<CostCategory, { zh: string; en: string }> = {
  staff: { zh: "人员经费", en: "Staff" },
  rent: { zh: "场地租金", en: "Rent" },
  utilities: { zh: "水电物业", en: "Utilities" },
  meals: { zh: "餐饮补贴", en: "Meals" },
  training: { zh: "培训费用", en: "Training" },
  equipment: { zh: "设备工具", en: "Equipment" },
  publicity: { zh: "宣传费用", en: "Publicity" },
  other: { zh: "其他", en: "Other" },
};
