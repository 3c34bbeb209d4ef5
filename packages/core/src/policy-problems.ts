import { reason } from "./types.ts";
import type { Reason } from "./types.ts";

/**
 * One thing wrong with a policy body a market publishes. `code` is `policy.<kind of problem>`;
 * `data.field` is the dotted path in the body (`events.malicious_arrears.exclusionAt`; "" for the
 * body itself), beside the bounds the value broke. `zh`/`en` name the field in staff's words with the
 * path after it, since the head edits the JSON: 恶意欠薪·清出起数（events.malicious_arrears.exclusionAt）：不能小于警告起数.
 */
export interface PolicyProblem extends Reason {
  data: { field: string } & Record<string, number | string | boolean | null>;
}

export type PolicyProblemCode =
  | "policy.not_object"
  | "policy.missing"
  | "policy.text"
  | "policy.int_range"
  | "policy.num_range"
  | "policy.share"
  | "policy.label"
  | "policy.below"
  | "policy.unknown_event"
  | "policy.boolean"
  | "policy.list"
  | "policy.one_of"
  | "policy.duplicate"
  | "policy.above"
  | "policy.sum_zero"
  | "policy.unknown_ref"
  | "policy.ladder";

interface Words {
  zh: string;
  en: string;
}

/** Names of a policy's own parts (rule groups, event types, its window), which differ between policies. */
export type PartNames = Readonly<Record<string, Words>>;

// Field names shared by the reward and employer-record policies.
const FIELD_NAMES: PartNames = {
  version: { zh: "版本标识", en: "Version id" },
  z: { zh: "置信系数 z", en: "Confidence z" },
  minJobs: { zh: "最少完成单数", en: "Minimum completed jobs" },
  minSatisfactionLb: { zh: "满意率下限", en: "Minimum satisfaction" },
  cooldownDays: { zh: "再次给予间隔天数", en: "Days before it is given again" },
  maxUpheldComplaints: { zh: "成立投诉上限", en: "Most upheld complaints" },
  maxStars: { zh: "最高星级", en: "Highest star grade" },
  minStars: { zh: "最低星级", en: "Lowest star grade" },
  cleanDays: { zh: "无投诉无处分天数", en: "Days without complaints or sanctions" },
  events: { zh: "各类事件规则", en: "Event rules" },
  label: { zh: "名称", en: "Name" },
  warningAt: { zh: "警告起数", en: "Cases for a warning" },
  exclusionAt: { zh: "清出起数", en: "Cases for exclusion" },
};

// Keys come from the published JSON: never read an inherited property such as "constructor".
const own = (o: PartNames, k: string): Words | undefined => (Object.hasOwn(o, k) ? o[k] : undefined);

/**
 * Names a numeric path segment from the segment before it (a list's item, or a star grade in the
 * grading policy's per-grade thresholds); `undefined` falls back to "第 N 项".
 */
export type IndexNames = (parent: string, index: number) => Words | undefined;

const itemWords = (i: number): Words => ({ zh: `第 ${i + 1} 项`, en: `item ${i + 1}` });

function fieldWords(path: string, names: PartNames, indexNames?: IndexNames): Words {
  const parts = path.split(".");
  // "events.<type>.…" is named by its event, not by the container.
  const shown = parts[0] === "events" && parts.length > 1 ? parts.slice(1) : parts;
  const words = shown.map((seg, i) => {
    if (/^\d+$/.test(seg)) return indexNames?.(shown[i - 1] ?? "", Number(seg)) ?? itemWords(Number(seg));
    return own(names, seg) ?? own(FIELD_NAMES, seg) ?? { zh: seg, en: seg };
  });
  return { zh: words.map((w) => w.zh).join("·"), en: words.map((w) => w.en).join(" › ") };
}

/**
 * Collects a validator's problems, each worded from the field's path and the rule it broke, so the
 * wording lives here once for both policies.
 */
export function policyProblemList(names: PartNames, indexNames?: IndexNames) {
  const list: PolicyProblem[] = [];
  // Another field named in a problem's text: a dotted path is named as a field is.
  const other = (path: string): Words => fieldWords(path, names, indexNames);
  const add = (code: PolicyProblemCode, field: string, zh: string, en: string, data: Record<string, number | string> = {}) => {
    const f = fieldWords(field, names, indexNames);
    list.push(reason(code, `${f.zh}（${field}）：${zh}`, `${f.en} (${field}): ${en}`, { field, ...data }) as PolicyProblem);
  };
  return {
    list,
    missing: (field: string) => add("policy.missing", field, "缺少这一项", "is missing"),
    text: (field: string, max: number) => add("policy.text", field, `须为不超过 ${max} 个字的非空文字`, `must be non-empty text of at most ${max} characters`, { max }),
    intRange: (field: string, min: number, max: number) =>
      add("policy.int_range", field, `须为 ${min} 至 ${max} 之间的整数`, `must be a whole number from ${min} to ${max}`, { min, max }),
    numRange: (field: string, above: number, max: number) =>
      add("policy.num_range", field, `须为大于 ${above}、不超过 ${max} 的数`, `must be a number above ${above} and at most ${max}`, { above, max }),
    numBetween: (field: string, min: number, max: number) =>
      add("policy.num_range", field, `须为 ${min} 至 ${max} 之间的数`, `must be a number from ${min} to ${max}`, { min, max }),
    share: (field: string) => add("policy.share", field, "须在 0 至 1 之间", "must be between 0 and 1", { min: 0, max: 1 }),
    label: (field: string) => add("policy.label", field, "须有中文和英文名称（zh、en）", "needs a Chinese and an English name (zh, en)"),
    below: (field: string, otherField: string) => {
      const o = other(otherField);
      add("policy.below", field, `不能小于${o.zh}`, `cannot be below ${o.en}`, { other: otherField });
    },
    /** `otherField` is a dotted path; the text names it and gives the path so the head finds it. */
    above: (field: string, otherField: string) => {
      const o = other(otherField);
      add("policy.above", field, `不能大于${o.zh}（${otherField}）`, `cannot be above ${o.en} (${otherField})`, { other: otherField });
    },
    unknownEvent: (field: string) => add("policy.unknown_event", field, "不是已知的事件类型", "is not a known event type"),
    ladder: (field: string, steps: readonly string[], top: string) =>
      add("policy.ladder", field, `须由轻到重列出全部处分各一次（${steps.join("、")}），最重的 ${top} 在最后`, `must list every step once, mildest first (${steps.join(", ")}), with ${top} last`, { top }),
    boolean: (field: string) => add("policy.boolean", field, "须为 true 或 false", "must be true or false"),
    notList: (field: string, max: number) => add("policy.list", field, `须为不超过 ${max} 项的列表`, `must be a list of at most ${max} items`, { max }),
    items: (field: string, min: number, max: number) =>
      add("policy.list", field, `须有 ${min} 至 ${max} 项`, `must have ${min} to ${max} entries`, { min, max }),
    oneOf: (field: string, allowed: readonly string[]) =>
      add("policy.one_of", field, `须为以下之一：${allowed.join("、")}`, `must be one of: ${allowed.join(", ")}`, { allowed: allowed.join(",") }),
    duplicate: (field: string) => add("policy.duplicate", field, "与前面的项重复", "repeats an earlier item"),
    sumZero: (field: string) => add("policy.sum_zero", field, "各项合计须大于 0", "must add up to more than 0"),
    /** The value must be a key of the object at `container` (e.g. an event type the policy defines). */
    unknownRef: (field: string, container: string) => {
      const o = other(container);
      add("policy.unknown_ref", field, `不在${o.zh}（${container}）中`, `is not in ${o.en} (${container})`, { other: container });
    },
  };
}

/** The single problem of a body that is not a JSON object at all. */
export const notAnObject = (): PolicyProblem[] => [
  reason("policy.not_object", "政策内容须为 JSON 对象", "The policy must be a JSON object", { field: "" }) as PolicyProblem,
];
