import type { Reason } from "@lingong/core";
import { useT } from "../i18n/index.tsx";

/** A rule's reasons as a list, in the current language. */
export function Reasons({ reasons }: { reasons: readonly Pick<Reason, "zh" | "en" | "code">[] | null | undefined }) {
  const t = useT();
  if (!reasons || reasons.length === 0) return null;
  return (
    <ul className="reason-list">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`}>{t.pick(r)}</li>
      ))}
    </ul>
  );
}
