import { Alert, Typography } from "antd";
import { Link } from "react-router";
import { useQ } from "../../lib/api.ts";
import { useT } from "../../i18n/index.tsx";
import { consentText, CURRENT_CONSENT } from "../../lib/consent.ts";
import { useCan } from "../../lib/session.ts";

export interface Consent {
  version: string;
  text: string;
}

/** The consent text (in the current language) and version recorded with a registration (PIPL 14, 29). */
export function useConsent(): { data: Consent; error: null; isPending: false } {
  const t = useT();
  return { data: { version: CURRENT_CONSENT.version, text: consentText(CURRENT_CONSENT, t.lang) }, error: null, isPending: false };
}

/**
 * The market's townships as select options: from `townships.list` where the API offers it to the
 * role, else from `analytics.markets` (heads); empty otherwise (the field is optional).
 */
export function useTownshipOptions() {
  const viaList = useCan("townships.list");
  const viaAnalytics = useCan("analytics.markets");
  const list = useQ("townships.list", undefined, { staleTime: 5 * 60_000, enabled: viaList });
  const markets = useQ("analytics.markets", undefined, { staleTime: 5 * 60_000, enabled: !viaList && viaAnalytics });
  const fromList = (Array.isArray(list.data) ? list.data : []) as { id: string; name: string }[];
  const fromMarkets = ((markets.data as { townships?: { id: string; name: string }[] } | undefined)?.townships ?? []);
  const rows = viaList ? fromList : fromMarkets;
  const q = viaList ? list : markets;
  return { options: rows.map((r) => ({ value: r.id, label: r.name })), isPending: (viaList || viaAnalytics) && q.isPending, error: q.error };
}

/** A worker row as lists show it (masked fields only). */
export interface WorkerRow {
  id: string;
  workerNo: string;
  name: string;
  gender?: string | null;
  age?: number | null;
  idNumberMasked?: string | null;
  phoneMasked?: string | null;
  stars: number;
  status: string;
  trades?: { code: string; zh?: string; skillGrade: string }[];
  townshipId?: string | null;
}

/** Search results come either as an array or as `{ items }`. */
export function rowsOf<T>(data: unknown): T[] {
  if (Array.isArray(data)) return data as T[];
  if (data && typeof data === "object") {
    const d = data as { items?: unknown; rows?: unknown };
    if (Array.isArray(d.items)) return d.items as T[];
    if (Array.isArray(d.rows)) return d.rows as T[];
  }
  return [];
}

export function DuplicateWarning({ result }: { result: unknown }) {
  const t = useT();
  const rows = rowsOf<WorkerRow>(result);
  if (rows.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="duplicate-warning"
      title={t("reg.dupTitle")}
      description={
        <span>
          {rows.map((w) => (
            <Link key={w.id} to={`/workers/${w.id}`} style={{ marginRight: 12 }}>
              <Typography.Text>{w.name}</Typography.Text>（{w.workerNo}）
            </Link>
          ))}
          {t("reg.dupHint")}
        </span>
      }
    />
  );
}

export const STATUS_LABELS: Record<string, { zh: string; en: string; color: string }> = {
  active: { zh: "正常", en: "Active", color: "green" },
  probation: { zh: "候场查看", en: "On probation", color: "orange" },
  expelled: { zh: "已逐出市场", en: "Expelled", color: "red" },
  deregistered: { zh: "已注销", en: "Deregistered", color: "default" },
};

export type WorkerStatus = "active" | "probation" | "expelled" | "deregistered";
