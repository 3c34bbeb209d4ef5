/** Steps of the worker penalty ladder (M8), from mildest to most severe. */
export type SanctionStep = "criticism" | "yellow_card" | "star_demotion" | "probation" | "expulsion";

/** Every ladder step, mildest first; a policy's ladder orders all of them and its maps key them all. */
export const SANCTION_STEPS: readonly SanctionStep[] = ["criticism", "yellow_card", "star_demotion", "probation", "expulsion"];

/** Recorded worker offences that drive the ladder (M8, R10). Counties may add their own keys to `events`. */
export type WorkerOffence = "no_show" | "late_cancellation" | "upheld_complaint" | "malicious_work" | "wage_fraud";

export interface SanctionEventRule {
  label: { zh: string; en: string };
  /** Step of a first offence (no active sanction). */
  startStep: SanctionStep;
  /**
   * May this event jump steps (start above, or escalate past, the next step)? Without it the
   * ladder is climbed one step at a time from the first step, whatever `startStep` says.
   */
  allowSkip: boolean;
}

export interface SanctionPolicy {
  version: string;
  /** Order of the ladder; the last step is the top. */
  ladder: readonly SanctionStep[];
  labels: Record<SanctionStep, { zh: string; en: string }>;
  events: Record<string, SanctionEventRule>;
  /** A sanction stops counting (for escalation and standing) this many days after its date. */
  expiryDays: Record<SanctionStep, number>;
  /** Length of 候场查看: the worker may wait in the hall but is not dispatched until the end date. */
  probationDays: number;
  /** Star change the step carries when imposed (replayed as `sanction_demotion`). */
  gradeChange: Record<SanctionStep, 0 | -1>;
  /**
   * Media exposure (曝光) is a SEPARATE decision needing its own legal basis, proportionality and an
   * expiry (PIPL Art 25; 国办发〔2020〕49号); this only says when it may be considered.
   */
  mediaExposure: { events: string[]; minStep: SanctionStep };
}

/**
 * Qinshui's ladder (运营方案 五.8): 内部通报批评 → 黄牌警告 → 降低星级 → 候场查看 → 逐出市场.
 * Expiry periods are the operator's starting values; expulsion lasts three years so a worker can
 * repair their record (信用修复) rather than being excluded for life.
 */
export const DEFAULT_SANCTION_POLICY: SanctionPolicy = {
  version: "qinshui-2023.1",
  ladder: ["criticism", "yellow_card", "star_demotion", "probation", "expulsion"],
  labels: {
    criticism: { zh: "内部通报批评", en: "Internal criticism" },
    yellow_card: { zh: "黄牌警告", en: "Yellow-card warning" },
    star_demotion: { zh: "降低星级", en: "Star demotion" },
    probation: { zh: "候场查看", en: "Probation in the waiting area" },
    expulsion: { zh: "逐出市场", en: "Expulsion from the market" },
  },
  events: {
    no_show: { label: { zh: "无故爽约（未到岗）", en: "No-show" }, startStep: "criticism", allowSkip: false },
    late_cancellation: { label: { zh: "临时取消（开工前不足约定时间）", en: "Late cancellation" }, startStep: "criticism", allowSkip: false },
    upheld_complaint: { label: { zh: "投诉经核实成立", en: "Upheld complaint" }, startStep: "criticism", allowSkip: false },
    malicious_work: { label: { zh: "恶意施工", en: "Malicious work" }, startStep: "star_demotion", allowSkip: true },
    wage_fraud: { label: { zh: "骗取劳务报酬", en: "Wage fraud" }, startStep: "probation", allowSkip: true },
  },
  expiryDays: { criticism: 90, yellow_card: 180, star_demotion: 365, probation: 365, expulsion: 1095 },
  probationDays: 30,
  gradeChange: { criticism: 0, yellow_card: 0, star_demotion: -1, probation: 0, expulsion: 0 },
  mediaExposure: { events: ["malicious_work", "wage_fraud"], minStep: "star_demotion" },
};
