import { formatFen } from "@lingong/core";
import { Button, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useQ } from "../../lib/api.ts";
import { tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { rowsOf } from "../workers/worker-common.tsx";
import { ORDER_STATUS, WAGE_UNITS, type OrderView } from "./order-common.ts";

type Status = "draft" | "published" | "partly_filled" | "filled" | "closed" | "cancelled";
const unitLabel = (u: string) => WAGE_UNITS.find((x) => x.value === u)?.label ?? "";

const EXPORT: ExportColumn<OrderView>[] = [
  { title: "单号", value: (o) => o.orderNo },
  { title: "用工方", value: (o) => o.employerName },
  { title: "工种", value: (o) => tradeLabel(o.tradeCode) },
  { title: "人数", value: (o) => o.headcount },
  { title: "已到岗", value: (o) => o.filledCount },
  { title: "开始日期", value: (o) => o.startDate },
  { title: "结束日期", value: (o) => o.endDate },
  { title: "地点", value: (o) => o.place },
  { title: "报酬（元）", value: (o) => o.wageFen / 100 },
  { title: "计价单位", value: (o) => unitLabel(o.wageUnit) },
  { title: "状态", value: (o) => ORDER_STATUS[o.status]?.zh ?? o.status },
];

export default function OrderListPage() {
  const [status, setStatus] = useState<Status[]>(["draft", "published", "partly_filled"]);
  const [trade, setTrade] = useState<string | undefined>();
  const q = useQ("orders.list", { status: status.length ? status : undefined, tradeCode: trade, limit: 500 });
  const rows = rowsOf<OrderView>(q.data);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>用工需求</h1>
        <Space>
          <Link to="/orders/new"><Button type="primary">登记用工需求</Button></Link>
          <ExportButton name="用工需求" columns={EXPORT} rows={rows} />
        </Space>
      </Space>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select<Status[]> mode="multiple" allowClear style={{ minWidth: 320 }} value={status} onChange={setStatus} placeholder="全部状态"
          options={Object.entries(ORDER_STATUS).map(([value, s]) => ({ value: value as Status, label: s.zh }))} />
        <TradeSelect allowClear value={trade} onChange={setTrade} style={{ width: 180 }} placeholder="全部工种" />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
        <Table<OrderView> rowKey="id" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }} locale={{ emptyText: "没有符合条件的用工需求" }}
          columns={[
            { title: "单号", dataIndex: "orderNo", width: 120, render: (v: string, o) => <Link className="mono" to={`/orders/${o.id}`}>{v}</Link> },
            { title: "用工方", dataIndex: "employerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "工种", dataIndex: "tradeCode", width: 120, render: (v: string) => tradeLabel(v) },
            { title: "人数", width: 80, render: (_, o) => `${o.filledCount}/${o.headcount}` },
            { title: "日期", width: 200, render: (_, o) => (o.startDate === o.endDate ? o.startDate : `${o.startDate} 至 ${o.endDate}`) },
            { title: "地点", dataIndex: "place" },
            { title: "报酬", width: 130, render: (_, o) => `${formatFen(o.wageFen)}${unitLabel(o.wageUnit).replace("元", "")}` },
            { title: "状态", dataIndex: "status", width: 100, render: (v: string) => <Tag color={ORDER_STATUS[v]?.color}>{ORDER_STATUS[v]?.zh ?? v}</Tag> },
          ]} />
      </QueryState>
    </div>
  );
}
