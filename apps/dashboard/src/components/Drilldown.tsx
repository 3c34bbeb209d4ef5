import { useQuery } from "@tanstack/react-query";
import { Alert, Drawer, Table } from "antd";
import type { AnalyticsFilterInput, DrilldownData, DrilldownInput } from "../api-types.ts";
import { tradeLabel } from "../charts/common.ts";
import { translator, useLang } from "../i18n.ts";
import { useTRPC } from "../trpc.ts";

export type DrillRequest = Omit<DrilldownInput, "filter" | "limit"> & { title: string };

/** The list behind a clicked bar or point (analytics.drilldown), in a drawer. */
export function Drilldown({ filter, request, onClose }: { filter: AnalyticsFilterInput; request: DrillRequest | null; onClose(): void }) {
  const trpc = useTRPC();
  const { lang } = useLang();
  const t = translator(lang);
  const { title, ...rest } = request ?? { title: "", kind: "placements" as const };
  const q = useQuery({ ...trpc.analytics.drilldown.queryOptions({ filter, ...rest, limit: 200 }), enabled: request !== null });
  const data: DrilldownData | undefined = q.data;
  return (
    <Drawer open={request !== null} onClose={onClose} title={`${t("drilldown")} · ${title}`} size="large" destroyOnHidden>
      {data?.truncated ? <Alert type="info" title={t("truncated")} style={{ marginBottom: 8 }} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t("date"), dataIndex: "date", render: (d: string) => d.slice(0, 10) },
          { title: t("market"), dataIndex: "market" },
          { title: t("trade"), dataIndex: "trade", render: (c: string | null) => (c ? tradeLabel(c, t) : "—") },
          { title: t("who"), dataIndex: "who" },
          { title: t("detail"), dataIndex: "detail", render: (d: string) => t(d) },
          { title: t("status"), dataIndex: "status" },
          { title: t("amount"), dataIndex: "amountFen", render: (f: number | null) => (f === null ? "—" : `¥${(f / 100).toFixed(2)}`) },
        ]}
      />
    </Drawer>
  );
}
