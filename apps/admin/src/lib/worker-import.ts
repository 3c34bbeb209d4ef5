import { isMainlandMobile, normalizeMobile, parseResidentId, SKILL_GRADE_LABELS, TRADES, isSkillGradeAllowed, type SkillGrade } from "@lingong/core";

/** Chinese column headers of the archive sheet and the field each fills. */
export const IMPORT_HEADERS = {
  姓名: "name",
  身份证号: "idNumber",
  手机号: "phone",
  户籍所在地: "hukou",
  家庭住址: "homeAddress",
  暂住地址: "tempAddress",
  乡镇: "township",
  工种: "trade",
  技术等级: "skillGrade",
  从业年限: "workYears",
  工作经历: "workHistory",
} as const;

type HeaderField = (typeof IMPORT_HEADERS)[keyof typeof IMPORT_HEADERS];
const REQUIRED: readonly (keyof typeof IMPORT_HEADERS)[] = ["姓名", "身份证号", "手机号", "工种"];

export interface ImportRow {
  /** Row number as Excel shows it (header is row 1). */
  row: number;
  name: string;
  idNumber: string;
  phone: string;
  hukou?: string;
  homeAddress?: string;
  tempAddress?: string;
  township?: string;
  trades: { tradeCode: string; skillGrade: SkillGrade }[];
  workYears: number;
  workHistory?: string;
}

export interface ImportError {
  row: number;
  field: string;
  message: string;
  /** The same in English, for the English screen (the column stays the sheet's Chinese header). */
  messageEn?: string;
}

export interface ParsedSheet {
  rows: ImportRow[];
  errors: ImportError[];
  /** Headers the sheet lacks (then nothing is parsed). */
  missingHeaders: string[];
}

const cellText = (v: unknown): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

function tradeCodeOf(name: string): string | undefined {
  const n = name.trim();
  return TRADES.find((t) => t.zh === n || t.code === n || t.zh.split(/[（/]/)[0] === n)?.code;
}

function gradeOf(label: string): SkillGrade | undefined {
  const s = label.trim();
  if (s === "" || s === "无" || s === "无等级") return "none";
  for (const [code, l] of Object.entries(SKILL_GRADE_LABELS) as [SkillGrade, { zh: string }][]) {
    if (l.zh === s || code === s.toUpperCase() || l.zh.split("/").includes(s)) return code;
  }
  return undefined;
}

/**
 * Reads an archive sheet (first row = Chinese headers) into rows ready for the import call, with
 * one error per bad cell naming the row and the column. Rules come from core; the server checks again.
 * Several trades go in one cell separated by 、 or , with grades in the same order.
 */
export function parseWorkerSheet(sheet: readonly (readonly unknown[])[], today: string): ParsedSheet {
  const header = (sheet[0] ?? []).map(cellText);
  const missingHeaders = REQUIRED.filter((h) => !header.includes(h));
  if (missingHeaders.length > 0) return { rows: [], errors: [], missingHeaders };
  const col = new Map<HeaderField, number>();
  header.forEach((h, i) => {
    const f = IMPORT_HEADERS[h as keyof typeof IMPORT_HEADERS];
    if (f && !col.has(f)) col.set(f, i);
  });
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seenIds = new Map<string, number>();

  sheet.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const get = (f: HeaderField) => {
      const idx = col.get(f);
      return idx === undefined ? "" : cellText(cells[idx]);
    };
    if (cells.every((c) => cellText(c) === "")) return;
    const err = (field: string, message: string, messageEn: string) => errors.push({ row: rowNo, field, message, messageEn });
    const before = errors.length;

    const name = get("name");
    if (!name) err("姓名", "姓名不能为空", "Name is empty");
    else if (name.length > 50) err("姓名", "姓名不能超过50个字", "Name is longer than 50 characters");

    const id = parseResidentId(get("idNumber"), { today });
    if (!id.ok) err("身份证号", id.error.zh, id.error.en);
    else {
      const dup = seenIds.get(id.id);
      if (dup) err("身份证号", `与第 ${dup} 行身份证号重复`, `Same ID number as row ${dup}`);
      else seenIds.set(id.id, rowNo);
    }

    const phoneRaw = get("phone");
    if (!isMainlandMobile(phoneRaw)) err("手机号", phoneRaw ? "手机号格式不正确（应为11位，以1开头）" : "手机号不能为空", phoneRaw ? "Not a valid mobile number (11 digits starting with 1)" : "Phone is empty");

    const tradeNames = get("trade").split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
    const gradeNames = get("skillGrade").split(/[、,，;；]/).map((s) => s.trim());
    const trades: ImportRow["trades"] = [];
    if (tradeNames.length === 0) err("工种", "工种不能为空", "Trade is empty");
    tradeNames.forEach((tn, k) => {
      const code = tradeCodeOf(tn);
      if (!code) return err("工种", `工种“${tn}”不在工种目录中`, `Trade “${tn}” is not in the trade list`);
      const grade = gradeOf(gradeNames[k] ?? "");
      if (!grade) return err("技术等级", `技术等级“${gradeNames[k] ?? ""}”无法识别`, `Skill grade “${gradeNames[k] ?? ""}” is not recognised`);
      if (!isSkillGradeAllowed(code, grade)) return err("技术等级", `工种“${tn}”没有“${SKILL_GRADE_LABELS[grade].zh}”这一等级`, `Trade “${tn}” has no grade “${SKILL_GRADE_LABELS[grade].en}”`);
      trades.push({ tradeCode: code, skillGrade: grade });
    });

    const yearsRaw = get("workYears");
    const workYears = yearsRaw === "" ? 0 : Number(yearsRaw);
    if (!Number.isInteger(workYears) || workYears < 0 || workYears > 60) err("从业年限", "从业年限应为0到60之间的整数", "Years of experience must be a whole number from 0 to 60");

    if (errors.length > before || !id.ok) return;
    const row: ImportRow = { row: rowNo, name, idNumber: id.id, phone: normalizeMobile(phoneRaw) ?? phoneRaw, trades, workYears };
    for (const f of ["hukou", "homeAddress", "tempAddress", "township", "workHistory"] as const) {
      const v = get(f);
      if (v) row[f] = v;
    }
    rows.push(row);
  });
  return { rows, errors, missingHeaders: [] };
}
