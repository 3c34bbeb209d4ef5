import type { Reason } from "@lingong/core";
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { QueryState } from "../components/QueryState.tsx";
import { Reasons } from "../components/Reasons.tsx";
import { trpcClient, useQ } from "../lib/api.ts";
import { shanghaiDateTime, starText } from "../lib/display.ts";
import { errorInfo } from "../lib/errors.ts";
import { useCan } from "../lib/session.ts";
import { useQueryClient } from "@tanstack/react-query";

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

const STATUS: Record<string, { zh: string; color: string }> = {
  proposed: { zh: "待审批", color: "orange" },
  approved: { zh: "已批准", color: "green" },
  rejected: { zh: "已驳回", color: "red" },
  superseded: { zh: "已作废", color: "default" },
};

/** Star grade reviews (M3): proposals with reasons; the head approves or rejects one level at a time. */
export default function GradesPage() {
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
      message.success(approve ? `已批准：${r.workerName} ${starText(r.toGrade)}` : "已驳回");
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err).message);
      await qc.invalidateQueries();
    }
  }

  async function batch() {
    try {
      const res = (await trpcClient.mutation("grades.reviewDue", { everyDays: 90, limit: 50, idempotencyKey: crypto.randomUUID() })) as { count: number };
      message.success(`已为 ${res.count} 名到期零工生成评定`);
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err).message);
    }
  }

  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>星级评定</h1>
        <Space>
          <Segmented value={status} onChange={(v) => setStatus(v as Review["status"])} options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.zh }))} />
          {canBatch && <Button onClick={() => void batch()}>为到期零工生成评定</Button>}
        </Space>
      </Space>
      {!canApprove && status === "proposed" && <Alert type="info" showIcon title="评定结果须由负责人审批后生效；星级每次只升降一级（M3）。" style={{ marginBottom: 12 }} />}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={`没有${STATUS[status]?.zh ?? ""}的评定`}>
        <Table<Review>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "零工", render: (_, r) => <Link to={`/workers/${r.workerId}`}><Typography.Text>{r.workerName}</Typography.Text> <span className="mono">{r.workerNo}</span></Link> },
            { title: "星级变化", width: 240, render: (_, r) => <span style={{ whiteSpace: "nowrap" }} data-testid={`change-${r.workerNo}`}>{starText(r.fromGrade)} → <strong>{starText(r.toGrade)}</strong></span> },
            { title: "依据", render: (_, r) => <Reasons reasons={r.reasons} /> },
            { title: "提出", width: 150, render: (_, r) => `${r.proposedByName} ${shanghaiDateTime(r.proposedAt).slice(0, 10)}` },
            { title: "状态", width: 90, render: (_, r) => <Tag color={STATUS[r.status]?.color}>{STATUS[r.status]?.zh}</Tag> },
            ...(canApprove && status === "proposed"
              ? [{
                  title: "审批",
                  key: "decide",
                  width: 260,
                  render: (_: unknown, r: Review) => (
                    <Space orientation="vertical" size={4}>
                      <Input size="small" placeholder="审批意见（可选）" value={notes[r.id] ?? ""} onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })} />
                      <Space>
                        <Button size="small" type="primary" onClick={() => void decide(r, true)} data-testid={`approve-${r.workerNo}`}>批准</Button>
                        <Popconfirm title="驳回该评定？" okText="驳回" cancelText="取消" onConfirm={() => void decide(r, false)}>
                          <Button size="small" danger>驳回</Button>
                        </Popconfirm>
                      </Space>
                    </Space>
                  ),
                }]
              : [{ title: "审批意见", key: "note", render: (_: unknown, r: Review) => r.decisionNote ?? "" }]),
          ]}
        />
      </QueryState>
    </div>
  );
}
