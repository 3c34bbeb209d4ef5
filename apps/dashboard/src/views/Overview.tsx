import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Statistic, Tag, Typography } from "antd";
import { METRIC_DEFINITIONS, formatFen, shanghaiDate } from "@lingong/core";
import type { AnalyticsFilterInput, OverviewData } from "../api-types.ts";
import { translator, useLang } from "../i18n.ts";
import { useTRPC } from "../trpc.ts";

type Card = OverviewData["cards"][number];

const RATIO_KEYS = new Set(["placementRate", "demandSupplyRatio", "wageToGuidanceRatio"]);
/** Shown in % (and changes in percentage points). */
const PERCENT_KEYS = new Set(["placementRate", "wageToGuidanceRatio"]);
/** Cards whose definition comes from core's METRIC_DEFINITIONS. */
const DEFINED_KEYS = ["placementRate", "demandSupplyRatio", "wageToGuidanceRatio"] as const;
const isDefined = (key: string): key is (typeof DEFINED_KEYS)[number] => (DEFINED_KEYS as readonly string[]).includes(key);
const FEN_KEYS = new Set(["avgDayWageFen", "guidanceMidFen"]);

/** A card's value for display: rates in %, 求人倍率 with two decimals, money in yuan. */
export function formatCard(key: string, v: number | null): string {
  if (v === null) return "—";
  if (PERCENT_KEYS.has(key)) return `${(v * 100).toFixed(1)}%`;
  if (key === "demandSupplyRatio") return v.toFixed(2);
  if (FEN_KEYS.has(key)) return formatFen(v);
  return v.toLocaleString("zh-CN");
}

/** Change against the previous month, e.g. "+12", "-3.5%", "—". */
export function formatChange(card: Card): string {
  if (card.value === null || card.previous === null) return "—";
  const d = card.value - card.previous;
  const sign = d > 0 ? "+" : d < 0 ? "-" : "±";
  if (PERCENT_KEYS.has(card.key)) return `${sign}${Math.abs(d * 100).toFixed(1)}pt`;
  if (RATIO_KEYS.has(card.key)) return `${sign}${Math.abs(d).toFixed(2)}`;
  if (FEN_KEYS.has(card.key)) return `${sign}${formatFen(Math.abs(d))}`;
  if (card.previous === 0) return `${sign}${Math.abs(d)}`;
  return `${sign}${Math.abs(d)} (${sign}${Math.abs((d / card.previous) * 100).toFixed(1)}%)`;
}

/**
 * The overview's month is still running when it is today's (Asia/Shanghai) month: its counts cover
 * only the days so far, against the whole previous month, so a leader reading "-88%" on the 4th must
 * be told. Returns the day the figures run to (`YYYY-MM-DD`), or null for a finished month.
 */
export function monthInProgress(month: string, now: Date): string | null {
  const today = shanghaiDate(now);
  return today.slice(0, 7) === month ? today : null;
}

export function OverviewView({ filter, dark, refetchInterval }: { filter: AnalyticsFilterInput; dark?: boolean; refetchInterval?: number | false }) {
  const trpc = useTRPC();
  const { lang } = useLang();
  const t = translator(lang);
  const q = useQuery({ ...trpc.analytics.overview.queryOptions(filter), refetchInterval: refetchInterval ?? false });
  const data = q.data;
  const def = (key: string) => (isDefined(key) ? METRIC_DEFINITIONS[key][lang] : null);
  return (
    <div data-view="overview">
      <Typography.Text type="secondary">
        {data ? `${data.month}（${t("previous")} ${data.previousMonth}）· ${t("openNow")} ${data.openNow.orders} ${t("orders")} / ${data.openNow.headcount} ${t("people")}` : ""}
      </Typography.Text>
      {data && monthInProgress(data.month, new Date()) ? (
        <Tag color="orange" data-testid="month-in-progress" style={{ marginLeft: 8 }}>
          {t("monthInProgress").replace("{date}", monthInProgress(data.month, new Date())!.slice(5))}
        </Tag>
      ) : null}
      <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
        {(data?.cards ?? []).map((c) => (
          <Col key={c.key} xs={12} md={8} lg={6} xl={dark ? 4 : 6}>
            <Card size="small" className={dark ? "kpi dark" : "kpi"} data-card={c.key} title={def(c.key) ? <span title={def(c.key) ?? ""}>{t(c.key)}</span> : t(c.key)}>
              <Statistic value={formatCard(c.key, c.value)} loading={q.isLoading} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("previous")} {formatCard(c.key, c.previous)} · {formatChange(c)}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
