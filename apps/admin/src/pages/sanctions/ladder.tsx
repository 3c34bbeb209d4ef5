import { DEFAULT_SANCTION_POLICY, type SanctionStep } from "@lingong/core";
import { Steps, Tag } from "antd";

const POLICY = DEFAULT_SANCTION_POLICY;

export function stepLabel(step: string, lang: "zh" | "en" = "zh"): string {
  const l = POLICY.labels[step as SanctionStep];
  return l ? (lang === "en" ? l.en : l.zh) : step;
}

export function offenceLabel(offence: string, lang: "zh" | "en" = "zh"): string {
  const l = POLICY.events[offence]?.label;
  return l ? (lang === "en" ? l.en : l.zh) : offence;
}

export function offenceOptions(lang: "zh" | "en") {
  return Object.entries(POLICY.events).map(([value, e]) => ({ value, label: lang === "en" ? e.label.en : e.label.zh }));
}

const STEP_COLORS: Record<string, string> = { criticism: "default", yellow_card: "gold", star_demotion: "orange", probation: "volcano", expulsion: "red" };

export function StepTag({ step, lang }: { step: string; lang: "zh" | "en" }) {
  return <Tag color={STEP_COLORS[step]}>{stepLabel(step, lang)}</Tag>;
}

/** The rule that fired (`first_offence:no_show`, `escalate_from_active:yellow_card`, …) in words. */
export function ruleText(rule: string, lang: "zh" | "en" = "zh"): string {
  const [kind, arg = ""] = rule.split(":");
  const zh = lang === "zh";
  switch (kind) {
    case "first_offence":
      return zh ? `首次违规（${offenceLabel(arg)}）：从该事项的起始档开始` : `First offence (${offenceLabel(arg, "en")}): the event's starting step`;
    case "escalate_from_active":
      return zh ? `已有有效处分「${stepLabel(arg)}」：逐级上升一档` : `Active sanction "${stepLabel(arg, "en")}": one step up`;
    case "severity_skip":
      return zh ? `情节严重（${offenceLabel(arg)}）：可越级处理` : `Severe (${offenceLabel(arg, "en")}): may skip steps`;
    case "top_of_ladder":
      return zh ? "已处于最高档：维持最高档" : "Already at the top of the ladder";
    default:
      return rule;
  }
}

/** The whole ladder (内部通报批评 → … → 逐出市场) with the proposed step highlighted. */
export function LadderSteps({ step, lang }: { step: string; lang: "zh" | "en" }) {
  const current = POLICY.ladder.indexOf(step as SanctionStep);
  return (
    <Steps
      size="small"
      current={current}
      status={current === POLICY.ladder.length - 1 ? "error" : "process"}
      items={POLICY.ladder.map((s) => ({ title: lang === "en" ? POLICY.labels[s].en : POLICY.labels[s].zh }))}
      data-testid="ladder"
    />
  );
}
