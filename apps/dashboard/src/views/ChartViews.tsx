import { useQuery } from "@tanstack/react-query";
import { Col, Row } from "antd";
import { METRIC_DEFINITIONS } from "@lingong/core";
import type { AnalyticsFilterInput } from "../api-types.ts";
import { buildComplaintsOption, buildResolutionOption } from "../charts/complaints.ts";
import { buildCostOption, buildServicesOption, buildTrainingOption } from "../charts/monthly.ts";
import { buildPlacementTrendOption, buildRateBarOption } from "../charts/placement.ts";
import { buildStarMovementOption, buildStarsOption, starLabel } from "../charts/stars.ts";
import { buildRatioOption, buildSupplyDemandOption } from "../charts/supply-demand.ts";
import { tradeLabel } from "../charts/common.ts";
import { buildWagesOption } from "../charts/wages.ts";
import { EChart } from "../components/EChart.tsx";
import type { DrillRequest } from "../components/Drilldown.tsx";
import { translator, useLang } from "../i18n.ts";
import { useTRPC } from "../trpc.ts";

export interface ViewProps {
  filter: AnalyticsFilterInput;
  onDrill(req: DrillRequest): void;
  dark?: boolean;
  refetchInterval?: number | false;
  height?: number;
}

function useView() {
  const { lang } = useLang();
  return { lang, t: translator(lang), trpc: useTRPC() };
}

const halfOf = (dark?: boolean) => (dark ? { span: 24 } : { xs: 24, lg: 12 });

export function SupplyDemandView({ filter, onDrill, dark, refetchInterval, height }: ViewProps) {
  const { lang, t, trpc } = useView();
  const half = halfOf(dark);
  const q = useQuery({ ...trpc.analytics.supplyDemand.queryOptions(filter), refetchInterval: refetchInterval ?? false });
  const def = METRIC_DEFINITIONS.demandSupplyRatio[lang];
  return (
    <Row gutter={[12, 12]} data-view="supplyDemand">
      <Col {...half}>
        <EChart id="supply-demand" title={`${t("openings")} / ${t("seekers")}`} definition={def} dark={dark} height={height} loading={q.isLoading}
          option={q.data ? buildSupplyDemandOption(q.data, t) : null}
          onClick={(c) => onDrill({ kind: c.seriesId === "openings" ? "openings" : "placements", month: c.name, title: c.name })} />
      </Col>
      <Col {...half}>
        <EChart id="demand-supply-ratio" title={t("ratio")} definition={def} dark={dark} height={height} loading={q.isLoading}
          option={q.data ? buildRatioOption(q.data, t) : null}
          onClick={(c) => { const r = q.data?.ratio[c.dataIndex]; if (r) onDrill({ kind: "openings", trade: r.trade, title: tradeLabel(r.trade, t) }); }} />
      </Col>
    </Row>
  );
}

export function PlacementView({ filter, onDrill, dark, refetchInterval, height }: ViewProps) {
  const { lang, t, trpc } = useView();
  const half = halfOf(dark);
  const q = useQuery({ ...trpc.analytics.placement.queryOptions(filter), refetchInterval: refetchInterval ?? false });
  const def = METRIC_DEFINITIONS.placementRate[lang];
  const d = q.data;
  return (
    <Row gutter={[12, 12]} data-view="placement">
      <Col {...half}>
        <EChart id="placement-month" title={t("byMonth")} definition={def} dark={dark} height={height} loading={q.isLoading}
          option={d ? buildPlacementTrendOption(d, t) : null} onClick={(c) => onDrill({ kind: "placements", month: c.name, title: c.name })} />
      </Col>
      {dark ? null : (
        <>
          <Col {...half}>
            <EChart id="placement-township" title={`${t("rate")} · ${t("byTownship")}`} definition={def} loading={q.isLoading}
              option={d ? buildRateBarOption(d.byTownship, t) : null}
              onClick={(c) => { const r = d?.byTownship[c.dataIndex]; if (r) onDrill({ kind: "placements", townshipId: /^0{8}-/.test(r.key) ? undefined : r.key, title: r.label }); }} />
          </Col>
          <Col {...half}>
            <EChart id="placement-trade" title={`${t("rate")} · ${t("byTrade")}`} definition={def} loading={q.isLoading}
              option={d ? buildRateBarOption(d.byTrade, t, (r) => tradeLabel(r.key, t)) : null}
              onClick={(c) => { const r = d?.byTrade[c.dataIndex]; if (r) onDrill({ kind: "placements", trade: r.key, title: tradeLabel(r.key, t) }); }} />
          </Col>
          <Col {...half}>
            <EChart id="placement-stars" title={`${t("rate")} · ${t("byStars")}`} definition={def} loading={q.isLoading}
              option={d ? buildRateBarOption(d.byStars, t, (r) => starLabel(Number(r.key), t)) : null}
              onClick={(c) => { const r = d?.byStars[c.dataIndex]; if (r) onDrill({ kind: "placements", stars: Number(r.key), title: starLabel(Number(r.key), t) }); }} />
          </Col>
        </>
      )}
    </Row>
  );
}

export function ComplaintsView({ filter, onDrill, dark, refetchInterval, height }: ViewProps) {
  const { lang, t, trpc } = useView();
  const half = halfOf(dark);
  const q = useQuery({ ...trpc.analytics.complaints.queryOptions(filter), refetchInterval: refetchInterval ?? false });
  return (
    <Row gutter={[12, 12]} data-view="complaints">
      <Col {...half}>
        <EChart id="complaints-trend" title={t("complaints")} definition={METRIC_DEFINITIONS.complaintsPer100Jobs[lang]} dark={dark} height={height} loading={q.isLoading}
          option={q.data ? buildComplaintsOption(q.data, t) : null}
          onClick={(c) => onDrill({ kind: "complaints", month: c.name, category: c.seriesId === "per100" ? undefined : c.seriesId, title: c.name })} />
      </Col>
      {dark ? null : (
        <Col {...half}>
          <EChart id="complaints-resolution" title={t("resolution")} definition={t("defResolution")} loading={q.isLoading}
            option={q.data ? buildResolutionOption(q.data, t) : null}
            onClick={(c) => { const r = q.data?.resolution[c.dataIndex]; if (r) onDrill({ kind: "complaints", category: r.category, title: t(r.category) }); }} />
        </Col>
      )}
    </Row>
  );
}

export function StarsView({ filter, onDrill, dark, height }: ViewProps) {
  const { t, trpc } = useView();
  const half = halfOf(dark);
  const q = useQuery(trpc.analytics.stars.queryOptions(filter));
  return (
    <Row gutter={[12, 12]} data-view="stars">
      <Col {...half}>
        <EChart id="stars-distribution" title={t("starDist")} definition={t("defStars")} dark={dark} height={height} loading={q.isLoading}
          option={q.data ? buildStarsOption(q.data, t) : null}
          onClick={(c) => onDrill({ kind: "placements", stars: c.dataIndex, title: c.name })} />
      </Col>
      <Col {...half}>
        <EChart id="stars-movement" title={t("starMove")} definition={t("defStars")} dark={dark} height={height} loading={q.isLoading}
          option={q.data ? buildStarMovementOption(q.data, t) : null} />
      </Col>
    </Row>
  );
}

export function WagesView({ filter, onDrill, dark, height }: ViewProps) {
  const { lang, t, trpc } = useView();
  const q = useQuery(trpc.analytics.wages.queryOptions(filter));
  return (
    <div data-view="wages">
      <EChart id="wages" title={t("wages")} definition={METRIC_DEFINITIONS.wageToGuidanceRatio[lang]} dark={dark} height={height} loading={q.isLoading}
        option={q.data ? buildWagesOption(q.data, t) : null}
        onClick={(c) => { const r = q.data?.trades[c.dataIndex]; if (r) onDrill({ kind: "placements", trade: r.trade, title: tradeLabel(r.trade, t) }); }} />
    </div>
  );
}

export function ActivityView({ filter, dark, height }: ViewProps) {
  const { t, trpc } = useView();
  const half = halfOf(dark);
  const tr = useQuery(trpc.analytics.training.queryOptions(filter));
  const sv = useQuery(trpc.analytics.services.queryOptions(filter));
  const cost = useQuery(trpc.analytics.costPerPlacement.queryOptions(filter));
  return (
    <Row gutter={[12, 12]} data-view="activity">
      <Col {...half}>
        <EChart id="training" title={t("training")} definition={t("defTraining")} dark={dark} height={height} loading={tr.isLoading} option={tr.data ? buildTrainingOption(tr.data, t) : null} />
      </Col>
      <Col {...half}>
        <EChart id="services" title={t("services")} definition={t("defServices")} dark={dark} height={height} loading={sv.isLoading} option={sv.data ? buildServicesOption(sv.data, t) : null} />
      </Col>
      <Col {...half}>
        <EChart id="cost" title={t("cost")} definition={t("defCost")} dark={dark} height={height} loading={cost.isLoading} option={cost.data ? buildCostOption(cost.data, t) : null} />
      </Col>
    </Row>
  );
}
