import { formatFen } from "@lingong/core";
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import { shanghaiDateTime, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useQueryClient } from "@tanstack/react-query";
import { DISPATCH_STATUS } from "./order-common.ts";

export interface DispatchRow {
  id: string;
  orderId: string;
  orderNo: string;
  tradeCode: string;
  place: string;
  employerName: string;
  workerId: string;
  workerNo: string;
  workerName: string;
  workerPhoneMasked: string | null;
  startsAt: string;
  endsAt: string;
  status: string;
  agreedWageFen: number;
  completedAt: string | null;
  paidConfirmedAt: string | null;
  arrearsSuspected?: boolean;
}

const hhmm = (iso: string) => shanghaiDateTime(iso).slice(5);

/** Dispatch rows with the day's actions: start, complete, no-show, paid confirmation. */
export function DispatchTable({ orderId, day, showOrder = false }: { orderId?: string; day?: string; showOrder?: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const byOrder = useQ("dispatches.listByOrder", { orderId: orderId ?? "" }, { enabled: orderId !== undefined });
  const today = useQ("dispatches.today", day ? { day } : undefined, { enabled: orderId === undefined, refetchInterval: 60_000 });
  const q = orderId !== undefined ? byOrder : today;
  const rows = (Array.isArray(q.data) ? q.data : []) as DispatchRow[];

  async function act(action: "start" | "complete" | "noShow" | "confirmPaid", d: DispatchRow) {
    try {
      await trpcClient.mutation(`dispatches.${action}`, { dispatchId: d.id, idempotencyKey: `${d.id}-${action}` });
      message.success({ start: "已到岗", complete: "已完工", noShow: "已记未到岗", confirmPaid: "已确认工资到账" }[action]);
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err).message);
    }
  }

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      <Table<DispatchRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: orderId ? "尚未派工" : "今天没有派工" }}
        columns={[
          ...(showOrder ? [
            { title: "需求", key: "order", width: 100, render: (_: unknown, d: DispatchRow) => <Link to={`/orders/${d.orderId}`} className="mono">{d.orderNo}</Link> },
            { title: "用工方", key: "employer", ellipsis: true, render: (_: unknown, d: DispatchRow) => <Typography.Text>{d.employerName}</Typography.Text> },
            { title: "工种", key: "trade", width: 90, render: (_: unknown, d: DispatchRow) => tradeLabel(d.tradeCode) },
            { title: "地点", key: "place", ellipsis: true, render: (_: unknown, d: DispatchRow) => d.place },
          ] : []),
          { title: "零工", key: "worker", width: 170, render: (_, d) => <Link to={`/workers/${d.workerId}`}><Typography.Text>{d.workerName}</Typography.Text> <span className="mono">{d.workerNo}</span></Link> },
          { title: "时间", key: "time", width: 170, render: (_, d) => `${hhmm(d.startsAt)} – ${hhmm(d.endsAt).slice(6)}` },
          { title: "工资", key: "wage", width: 90, render: (_, d) => formatFen(d.agreedWageFen) },
          { title: "状态", key: "status", width: 170, render: (_, d) => (
            <Space size={4}>
              <Tag color={DISPATCH_STATUS[d.status]?.color}>{DISPATCH_STATUS[d.status]?.zh ?? d.status}</Tag>
              {d.paidConfirmedAt && <Tag color="green">工资已到账</Tag>}
              {d.arrearsSuspected && <Tag color="red">疑似欠薪</Tag>}
            </Space>
          ) },
          { title: "操作", key: "actions", width: 200, render: (_, d) => (
            <Space size={4} wrap>
              {d.status === "assigned" && <Button size="small" type="primary" onClick={() => void act("start", d)} data-testid={`start-${d.workerNo}`}>到岗</Button>}
              {d.status === "assigned" && (
                <Popconfirm title="确认该零工未到岗？将记入其记录。" okText="确认" cancelText="取消" onConfirm={() => void act("noShow", d)}>
                  <Button size="small" danger>未到岗</Button>
                </Popconfirm>
              )}
              {d.status === "started" && <Button size="small" type="primary" onClick={() => void act("complete", d)} data-testid={`complete-${d.workerNo}`}>完工</Button>}
              {(d.status === "completed" || d.status === "started") && !d.paidConfirmedAt && <Button size="small" onClick={() => void act("confirmPaid", d)} data-testid={`paid-${d.workerNo}`}>工资已到账</Button>}
            </Space>
          ) },
        ]}
      />
    </QueryState>
  );
}
