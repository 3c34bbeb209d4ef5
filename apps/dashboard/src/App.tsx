import { FullscreenExitOutlined, FullscreenOutlined, LogoutOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Space, Spin, Tabs, Typography } from "antd";
import { shanghaiMonth } from "@lingong/core";
import { lazy, Suspense, useState } from "react";
import type { AnalyticsFilterInput } from "./api-types.ts";
import { Drilldown, type DrillRequest } from "./components/Drilldown.tsx";
import { Filters } from "./components/Filters.tsx";
import { translator, useLang } from "./i18n.ts";
import { Login } from "./Login.tsx";
import { useTRPC } from "./trpc.ts";
import { OverviewView } from "./views/Overview.tsx";

// ECharts and the chart views load after sign-in, so the login page stays small.
const BigScreen = lazy(() => import("./views/BigScreen.tsx").then((m) => ({ default: m.BigScreen })));
const views = () => import("./views/ChartViews.tsx");
const SupplyDemandView = lazy(() => views().then((m) => ({ default: m.SupplyDemandView })));
const PlacementView = lazy(() => views().then((m) => ({ default: m.PlacementView })));
const ComplaintsView = lazy(() => views().then((m) => ({ default: m.ComplaintsView })));
const StarsView = lazy(() => views().then((m) => ({ default: m.StarsView })));
const WagesView = lazy(() => views().then((m) => ({ default: m.WagesView })));
const ActivityView = lazy(() => views().then((m) => ({ default: m.ActivityView })));

/** The default period: the twelve months up to the current Asia/Shanghai month. */
export function defaultFilter(now: Date): AnalyticsFilterInput {
  const to = shanghaiMonth(now);
  const i = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 11;
  return { from: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, to };
}

export function App() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { lang, setLang } = useLang();
  const t = translator(lang);
  const me = useQuery({ ...trpc.auth.me.queryOptions(), retry: false });
  const markets = useQuery({ ...trpc.analytics.markets.queryOptions(), enabled: me.isSuccess });
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => qc.clear() }));
  const [filter, setFilter] = useState<AnalyticsFilterInput>(() => {
    const fromUrl = new URLSearchParams(window.location.search);
    const f = defaultFilter(new Date());
    return { from: fromUrl.get("from") ?? f.from, to: fromUrl.get("to") ?? f.to };
  });
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [big, setBig] = useState(() => window.location.hash === "#big");

  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Login onDone={() => void me.refetch()} />;

  const toggleBig = () => {
    const next = !big;
    setBig(next);
    if (next) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen();
  };
  const props = { filter, onDrill: setDrill };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="header">
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
          {t("title")}
          {markets.data?.province
            ? ` · ${t("province")}`
            : markets.data?.markets[0]
              ? ` · ${markets.data.markets[0].name}`
              : ""}
        </Typography.Title>
        <Space>
          <Typography.Text style={{ color: "#cfe0ff" }}>{me.data.user.displayName}</Typography.Text>
          <Button size="small" onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {t("lang")}
          </Button>
          <Button
            size="small"
            icon={big ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
            onClick={toggleBig}
            data-testid="big-screen"
          >
            {big ? t("exitBigScreen") : t("bigScreen")}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} onClick={() => logout.mutate()}>
            {t("logout")}
          </Button>
        </Space>
      </Layout.Header>
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        {big ? (
          <BigScreen filter={filter} onDrill={setDrill} />
        ) : (
          <Layout.Content style={{ padding: 16 }}>
            <Filters value={filter} markets={markets.data} onChange={setFilter} />
            <Tabs
              style={{ marginTop: 8 }}
              destroyOnHidden
              items={[
                { key: "overview", label: t("overview"), children: <OverviewView filter={filter} /> },
                { key: "supplyDemand", label: t("supplyDemand"), children: <SupplyDemandView {...props} /> },
                { key: "placement", label: t("placement"), children: <PlacementView {...props} /> },
                { key: "complaints", label: t("complaints"), children: <ComplaintsView {...props} /> },
                { key: "stars", label: t("stars"), children: <StarsView {...props} /> },
                { key: "wages", label: t("wages"), children: <WagesView {...props} /> },
                {
                  key: "activity",
                  label: `${t("training")} / ${t("services")} / ${t("cost")}`,
                  children: <ActivityView {...props} />,
                },
              ]}
            />
          </Layout.Content>
        )}
      </Suspense>
      <Drilldown filter={filter} request={drill} onClose={() => setDrill(null)} />
    </Layout>
  );
}
