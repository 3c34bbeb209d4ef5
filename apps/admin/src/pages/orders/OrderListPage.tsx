import { formatFen } from "@lingong/core";
import { Button, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import { tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { label, options } from "../ops/ops-common.tsx";
import { rowsOf } from "../workers/worker-common.tsx";
import { ORDER_STATUS, unitName, wageUnitLabel, type OrderView } from "./order-common.ts";

type Tr = ReturnType<typeof useT>;
type Status = "draft" | "published" | "partly_filled" | "filled" | "closed" | "cancelled";

const exportColumns = (t: Tr): ExportColumn<OrderView>[] => [
  { title: t("desk.orderNo"), value: (o) => o.orderNo },
  { title: t("desk.employer"), value: (o) => o.employerName },
  { title: t("desk.trade"), value: (o) => tradeLabel(o.tradeCode, t.lang) },
  { title: t("desk.headcount"), value: (o) => o.headcount },
  { title: t("desk.o.filled"), value: (o) => o.filledCount },
  { title: t("desk.o.startDate"), value: (o) => o.startDate },
  { title: t("desk.o.endDate"), value: (o) => o.endDate },
  { title: t("desk.place"), value: (o) => o.place },
  { title: t("desk.o.wageYuan"), value: (o) => o.wageFen / 100 },
  { title: t("desk.o.unit"), value: (o) => wageUnitLabel(o.wageUnit, t.lang) },
  { title: t("common.status"), value: (o) => label(ORDER_STATUS, o.status, t.lang) },
];

export default function OrderListPage() {
  const t = useT();
  const [status, setStatus] = useState<Status[]>(["draft", "published", "partly_filled"]);
  const [trade, setTrade] = useState<string | undefined>();
  const q = useQ("orders.list", { status: status.length ? status : undefined, tradeCode: trade, limit: 500 });
  const rows = rowsOf<OrderView>(q.data);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>{t("nav.orders")}</h1>
        <Space>
          <Link to="/orders/new"><Button type="primary">{t("desk.o.new")}</Button></Link>
          <ExportButton name={t("nav.orders")} columns={exportColumns(t)} rows={rows} />
        </Space>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<Status[]> mode="multiple" allowClear style={{ minWidth: 320 }} value={status} onChange={setStatus} placeholder={t("desk.allStatuses")}
          options={options(ORDER_STATUS, t.lang) as { value: Status; label: string }[]} data-testid="order-status-filter" />
        <TradeSelect allowClear value={trade} onChange={setTrade} style={{ width: 180 }} placeholder={t("desk.allTrades")} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        <Table<OrderView> rowKey="id" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => t.f("desk.total", { n }) }} locale={{ emptyText: t("desk.o.none") }}
          data-testid="order-list"
          columns={[
            { title: t("desk.orderNo"), dataIndex: "orderNo", width: 120, render: (v: string, o) => <Link className="mono" to={`/orders/${o.id}`}>{v}</Link> },
            { title: t("desk.employer"), dataIndex: "employerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("desk.trade"), dataIndex: "tradeCode", width: 120, render: (v: string) => tradeLabel(v, t.lang) },
            { title: t("desk.headcount"), width: 80, render: (_, o) => `${o.filledCount}/${o.headcount}` },
            { title: t("desk.date"), width: 200, render: (_, o) => (o.startDate === o.endDate ? o.startDate : t.f("desk.range", { a: o.startDate, b: o.endDate })) },
            { title: t("desk.place"), dataIndex: "place" },
            { title: t("desk.wage"), width: 130, render: (_, o) => `${formatFen(o.wageFen)}/${unitName(o.wageUnit, t.lang)}` },
            { title: t("common.status"), dataIndex: "status", width: 100, render: (v: string) => <Tag color={ORDER_STATUS[v]?.color}>{label(ORDER_STATUS, v, t.lang)}</Tag> },
          ]} />
      </QueryState>
    </div>
  );
}
