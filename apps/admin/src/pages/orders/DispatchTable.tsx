import { formatFen } from "@lingong/core";
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import { shanghaiDateTime, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useT } from "../../i18n/index.tsx";
import { label } from "../ops/ops-common.tsx";
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
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const byOrder = useQ("dispatches.listByOrder", { orderId: orderId ?? "" }, { enabled: orderId !== undefined });
  const today = useQ("dispatches.today", day ? { day } : undefined, { enabled: orderId === undefined, refetchInterval: 60_000 });
  const q = orderId !== undefined ? byOrder : today;
  const rows = (Array.isArray(q.data) ? q.data : []) as DispatchRow[];

  async function act(action: "start" | "complete" | "noShow" | "confirmPaid", d: DispatchRow) {
    try {
      await trpcClient.mutation(`dispatches.${action}`, { dispatchId: d.id, idempotencyKey: `${d.id}-${action}` });
      message.success(t(({ start: "desk.d.started", complete: "desk.d.completed", noShow: "desk.d.noShown", confirmPaid: "desk.d.paidConfirmed" } as const)[action]));
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err, t.lang).message);
    }
  }

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      <Table<DispatchRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        locale={{ emptyText: orderId ? t("desk.d.noneOnOrder") : t("desk.d.noneToday") }}
        columns={[
          ...(showOrder ? [
            { title: t("desk.d.order"), key: "order", width: 100, render: (_: unknown, d: DispatchRow) => <Link to={`/orders/${d.orderId}`} className="mono">{d.orderNo}</Link> },
            { title: t("desk.employer"), key: "employer", ellipsis: true, render: (_: unknown, d: DispatchRow) => <Typography.Text>{d.employerName}</Typography.Text> },
            { title: t("desk.trade"), key: "trade", width: 90, render: (_: unknown, d: DispatchRow) => tradeLabel(d.tradeCode, t.lang) },
            { title: t("desk.place"), key: "place", ellipsis: true, render: (_: unknown, d: DispatchRow) => d.place },
          ] : []),
          { title: t("desk.d.worker"), key: "worker", width: 170, render: (_, d) => <Link to={`/workers/${d.workerId}`}><Typography.Text>{d.workerName}</Typography.Text> <span className="mono">{d.workerNo}</span></Link> },
          { title: t("desk.time"), key: "time", width: 170, render: (_, d) => `${hhmm(d.startsAt)} – ${hhmm(d.endsAt).slice(6)}` },
          { title: t("desk.d.wage"), key: "wage", width: 90, render: (_, d) => formatFen(d.agreedWageFen) },
          { title: t("common.status"), key: "status", width: 170, render: (_, d) => (
            <Space size={4}>
              <Tag color={DISPATCH_STATUS[d.status]?.color}>{label(DISPATCH_STATUS, d.status, t.lang)}</Tag>
              {d.paidConfirmedAt && <Tag color="green">{t("desk.d.paid")}</Tag>}
              {d.arrearsSuspected && <Tag color="red">{t("desk.d.arrears")}</Tag>}
            </Space>
          ) },
          { title: t("common.actions"), key: "actions", width: 200, render: (_, d) => (
            <Space size={4} wrap>
              {d.status === "assigned" && <Button size="small" type="primary" onClick={() => void act("start", d)} data-testid={`start-${d.workerNo}`}>{t("desk.d.start")}</Button>}
              {d.status === "assigned" && (
                <Popconfirm title={t("desk.d.noShowConfirm")} okText={t("desk.confirm")} cancelText={t("common.cancel")} onConfirm={() => void act("noShow", d)}>
                  <Button size="small" danger>{t("desk.d.noShow")}</Button>
                </Popconfirm>
              )}
              {d.status === "started" && <Button size="small" type="primary" onClick={() => void act("complete", d)} data-testid={`complete-${d.workerNo}`}>{t("desk.d.complete")}</Button>}
              {(d.status === "completed" || d.status === "started") && !d.paidConfirmedAt && <Button size="small" onClick={() => void act("confirmPaid", d)} data-testid={`paid-${d.workerNo}`}>{t("desk.d.paid")}</Button>}
            </Space>
          ) },
        ]}
      />
    </QueryState>
  );
}
