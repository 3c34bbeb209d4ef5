import type { Reason } from "@lingong/core";
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { QueryState } from "../components/QueryState.tsx";
import { Reasons } from "../components/Reasons.tsx";
import { useT } from "../i18n/index.tsx";
import { trpcClient, useQ } from "../lib/api.ts";
import { shanghaiDateTime, starText } from "../lib/display.ts";
import { errorInfo } from "../lib/errors.ts";
import { useCan } from "../lib/session.ts";
import { useQueryClient } from "@tanstack/react-query";
import { label, options, type Labelled } from "./ops/ops-common.tsx";

interface Review {
  id: string;
  workerId: string;
  workerName: string;
  workerNo: string;
  fromGrade: number;
  toGrade: number;
  reasons: Reason[];
  status: "proposed" | "approved" | "rejected" | "superseded";
  proposedAt: string;
  proposedByName: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

const STATUS: Record<string, Labelled> = {
  proposed: { zh: "待审批", en: "Pending", color: "orange" },
  approved: { zh: "已批准", en: "Approved", color: "green" },
  rejected: { zh: "已驳回", en: "Rejected", color: "red" },
  superseded: { zh: "已作废", en: "Superseded", color: "default" },
};

/** Star grade reviews (M3): proposals with reasons; the head approves or rejects one level at a time. */
export default function GradesPage() {
  const t = useT();
  const [status, setStatus] = useState<Review["status"]>("proposed");
  const q = useQ("grades.list", { status, limit: 200 });
  const rows = (Array.isArray(q.data) ? q.data : []) as Review[];
  const canApprove = useCan("grades.approve");
  const canBatch = useCan("grades.reviewDue");
  const [notes, setNotes] = useState<Record<string, string>>({});
  const { message } = App.useApp();
  const qc = useQueryClient();

  async function decide(r: Review, approve: boolean) {
    try {
      await trpcClient.mutation("grades.approve", { reviewId: r.id, approve, note: notes[r.id]?.trim() || undefined, idempotencyKey: `${r.id}-${approve ? "a" : "r"}` });
      message.success(approve ? t.f("desk.g.approved", { name: r.workerName, stars: starText(r.toGrade, t.lang) }) : t("desk.g.rejected"));
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err, t.lang).message);
      await qc.invalidateQueries();
    }
  }

  async function batch() {
    try {
      const res = (await trpcClient.mutation("grades.reviewDue", { everyDays: 90, limit: 50, idempotencyKey: crypto.randomUUID() })) as { count: number };
      message.success(t.f("desk.g.batchDone", { n: res.count }));
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err, t.lang).message);
    }
  }

  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>{t("nav.grades")}</h1>
        <Space>
          <Segmented value={status} onChange={(v) => setStatus(v as Review["status"])} options={options(STATUS, t.lang)} />
          {canBatch && <Button onClick={() => void batch()}>{t("desk.g.batch")}</Button>}
        </Space>
      </Space>
      {!canApprove && status === "proposed" && <Alert type="info" showIcon title={t("desk.g.headApproves")} style={{ marginBottom: 12 }} />}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t.f("desk.g.empty", { status: label(STATUS, status, t.lang) })}>
        <Table<Review>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("ops.worker"), render: (_, r) => <Link to={`/workers/${r.workerId}`}><Typography.Text>{r.workerName}</Typography.Text> <span className="mono">{r.workerNo}</span></Link> },
            { title: t("desk.g.change"), width: 240, render: (_, r) => <span style={{ whiteSpace: "nowrap" }} data-testid={`change-${r.workerNo}`}>{starText(r.fromGrade, t.lang)} → <strong>{starText(r.toGrade, t.lang)}</strong></span> },
            { title: t("desk.g.basis"), render: (_, r) => <Reasons reasons={r.reasons} /> },
            { title: t("desk.g.proposedBy"), width: 150, render: (_, r) => `${r.proposedByName} ${shanghaiDateTime(r.proposedAt).slice(0, 10)}` },
            { title: t("common.status"), width: 100, render: (_, r) => <Tag color={STATUS[r.status]?.color}>{label(STATUS, r.status, t.lang)}</Tag> },
            ...(canApprove && status === "proposed"
              ? [{
                  title: t("desk.g.decide"),
                  key: "decide",
                  width: 260,
                  render: (_: unknown, r: Review) => (
                    <Space orientation="vertical" size={4}>
                      <Input size="small" placeholder={t("desk.g.notePlaceholder")} value={notes[r.id] ?? ""} onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })} />
                      <Space>
                        <Button size="small" type="primary" onClick={() => void decide(r, true)} data-testid={`approve-${r.workerNo}`}>{t("desk.g.approve")}</Button>
                        <Popconfirm title={t("desk.g.rejectConfirm")} okText={t("desk.g.reject")} cancelText={t("common.cancel")} onConfirm={() => void decide(r, false)}>
                          <Button size="small" danger>{t("desk.g.reject")}</Button>
                        </Popconfirm>
                      </Space>
                    </Space>
                  ),
                }]
              : [{ title: t("desk.g.decisionNote"), key: "note", render: (_: unknown, r: Review) => r.decisionNote ?? "" }]),
          ]}
        />
      </QueryState>
    </div>
  );
}
