import { Col, Row, Typography } from "antd";
import { useEffect, useState } from "react";
import type { AnalyticsFilterInput } from "../api-types.ts";
import type { DrillRequest } from "../components/Drilldown.tsx";
import { translator, useLang } from "../i18n.ts";
import { ComplaintsView, PlacementView, SupplyDemandView } from "./ChartViews.tsx";
import { OverviewView } from "./Overview.tsx";

const REFRESH_MS = 60_000;

/** 数据大屏: the bureau's display wall. Dark, no controls, every query refetched each minute. */
export function BigScreen({ filter, onDrill }: { filter: AnalyticsFilterInput; onDrill(r: DrillRequest): void }) {
  const { lang } = useLang();
  const t = translator(lang);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), REFRESH_MS);
    return () => clearInterval(id);
  }, []);
  const props = { filter, onDrill, dark: true, refetchInterval: REFRESH_MS, height: 260 } as const;
  return (
    <div className="big-screen" data-view="big-screen">
      <Typography.Text style={{ color: "#8fb3ff" }}>
        {now.toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })} · {t("refreshing")}
      </Typography.Text>
      <OverviewView filter={filter} dark refetchInterval={REFRESH_MS} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}><SupplyDemandView {...props} /></Col>
        <Col xs={24} lg={6}><PlacementView {...props} /></Col>
        <Col xs={24} lg={6}><ComplaintsView {...props} /></Col>
      </Row>
    </div>
  );
}
