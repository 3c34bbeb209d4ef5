import type { DiscriminationFinding } from "@lingong/core";
import { Alert, Typography } from "antd";
import { useT } from "../i18n/index.tsx";

/** Splits text into plain and flagged parts by the findings' offsets (overlaps merged). */
export function markFindings(text: string, findings: readonly Pick<DiscriminationFinding, "index" | "match">[]): { text: string; flagged: boolean }[] {
  const spans = findings
    .map((f) => [f.index, f.index + f.match.length] as const)
    .filter(([a, b]) => a >= 0 && b <= text.length && b > a)
    .sort((x, y) => x[0] - y[0]);
  const parts: { text: string; flagged: boolean }[] = [];
  let pos = 0;
  for (const [a, b] of spans) {
    if (b <= pos) continue;
    const start = Math.max(a, pos);
    if (start > pos) parts.push({ text: text.slice(pos, start), flagged: false });
    parts.push({ text: text.slice(start, b), flagged: true });
    pos = b;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), flagged: false });
  return parts;
}

/** The requirements text with flagged words marked, and each finding with its legal basis. */
export function FindingsPanel({ text, findings }: { text: string; findings: readonly DiscriminationFinding[] }) {
  const t = useT();
  if (findings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="discrimination-findings"
      title={t.f("desk.findings", { n: findings.length })}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 6 }}>
            {markFindings(text, findings).map((p, i) => (p.flagged ? <mark key={i} style={{ background: "#ffd6d6" }}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
          </Typography.Paragraph>
          <ul className="reason-list">
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>
                “{f.match}”{t.lang === "en" ? ": " : "："}{t.pick(f)}
                {t.lang === "en" ? (f.lawEn ? <Typography.Text type="secondary"> ({f.lawEn})</Typography.Text> : null) : f.law ? <Typography.Text type="secondary">（{f.law}）</Typography.Text> : null}
              </li>
            ))}
          </ul>
        </div>
      }
    />
  );
}
