import { Alert, App, Button, Col, Form, Input, Modal, Radio, Rate, Row, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { QueryState } from "../components/QueryState.tsx";
import { Reasons } from "../components/Reasons.tsx";
import { trpcClient, useQ } from "../lib/api.ts";
import { starText, tradeLabel } from "../lib/display.ts";
import { errorInfo } from "../lib/errors.ts";
import { useCan } from "../lib/session.ts";
import { useFormError } from "../lib/use-form-error.ts";
import { useQueryClient } from "@tanstack/react-query";
import type { Reason } from "@lingong/core";

interface Due {
  dispatchId: string;
  workerId: string;
  workerName: string;
  workerNo: string;
  employerName: string;
  contactName: string;
  contactPhoneMasked: string | null;
  orderNo: string;
  tradeCode: string;
  place: string;
  completedAt: string | null;
  daysSinceCompletion: number;
}

interface FollowupForm {
  channel: "phone" | "site";
  attitude: number;
  quality: number;
  satisfied: boolean;
  comment?: string;
}

interface Proposal {
  review: { id: string; fromGrade: number; toGrade: number };
  change: string;
  reasons: Reason[];
}

/** Follow-up visits (R4, M4): due list, rating form, then the grade review proposal with reasons. */
export default function FollowupsPage() {
  const q = useQ("followups.due", { limit: 200 });
  const rows = (Array.isArray(q.data) ? q.data : []) as Due[];
  const [current, setCurrent] = useState<Due | null>(null);
  const [proposal, setProposal] = useState<{ worker: Due; p: Proposal } | null>(null);
  const canPropose = useCan("grades.proposeReview");
  const { message } = App.useApp();

  async function propose(worker: Due) {
    try {
      const p = (await trpcClient.mutation("grades.proposeReview", { workerId: worker.workerId, idempotencyKey: crypto.randomUUID() })) as Proposal;
      setProposal({ worker, p });
    } catch (err) {
      message.error(errorInfo(err).message);
    }
  }

  return (
    <div>
      <h1 className="page-title">跟踪回访</h1>
      {proposal && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setProposal(null) }}
          style={{ marginBottom: 12 }}
          data-testid="grade-proposal"
          title={<span>已提交星级评定：<Typography.Text>{proposal.worker.workerName}</Typography.Text> {starText(proposal.p.review.fromGrade)} → {starText(proposal.p.review.toGrade)}（待负责人审批）</span>}
          description={<Reasons reasons={proposal.p.reasons} />}
        />
      )}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="没有待回访的派工">
        <Table<Due>
          rowKey="dispatchId"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "零工", render: (_, d) => <Link to={`/workers/${d.workerId}`}><Typography.Text>{d.workerName}</Typography.Text> <span className="mono">{d.workerNo}</span></Link> },
            { title: "用工方", render: (_, d) => <Typography.Text>{d.employerName}</Typography.Text> },
            { title: "联系人", render: (_, d) => <span>{d.contactName} <span className="mono">{d.contactPhoneMasked}</span></span> },
            { title: "工种", dataIndex: "tradeCode", render: (v: string) => tradeLabel(v) },
            { title: "完工", dataIndex: "daysSinceCompletion", render: (v: number) => (v === 0 ? <Tag color="green">今天</Tag> : <Tag color={v > 3 ? "red" : "orange"}>{v} 天前</Tag>) },
            { title: "操作", render: (_, d) => <Button type="primary" onClick={() => setCurrent(d)} data-testid={`followup-${d.workerNo}`}>回访评价</Button> },
          ]}
        />
      </QueryState>
      <FollowupModal due={current} onClose={() => setCurrent(null)} onSaved={(d) => { setCurrent(null); if (canPropose) void propose(d); }} />
    </div>
  );
}

function FollowupModal({ due, onClose, onSaved }: { due: Due | null; onClose: () => void; onSaved: (d: Due) => void }) {
  const [form] = Form.useForm<FollowupForm>();
  const formError = useFormError(form);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  async function submit(v: FollowupForm) {
    if (!due) return;
    setBusy(true);
    formError.clear();
    try {
      await trpcClient.mutation("followups.record", { dispatchId: due.dispatchId, ...v, comment: v.comment?.trim() || undefined, idempotencyKey: `${due.dispatchId}-followup` });
      form.resetFields();
      await qc.invalidateQueries();
      onSaved(due);
    } catch (err) {
      formError.show(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={due !== null} title={due ? `回访：${due.employerName} · ${due.workerName}` : ""} onCancel={onClose} onOk={() => form.submit()} okText="保存并提交星级评定" confirmLoading={busy} destroyOnHidden width={560}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ channel: "phone", attitude: 5, quality: 5, satisfied: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="channel" label="回访方式">
          <Radio.Group optionType="button" options={[{ value: "phone", label: "电话" }, { value: "site", label: "现场" }]} />
        </Form.Item>
        <Row>
          <Col span={12}>
            <Form.Item name="attitude" label="服务态度" rules={[{ required: true, message: "请为服务态度评分" }]}><Rate /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="quality" label="工作质量" rules={[{ required: true, message: "请为工作质量评分" }]}><Rate /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="satisfied" label="用工方是否满意">
          <Radio.Group options={[{ value: true, label: "满意" }, { value: false, label: "不满意" }]} />
        </Form.Item>
        <Form.Item name="comment" label="回访记录">
          <Input.TextArea rows={3} maxLength={500} autoFocus placeholder="用工方的评价原话、需要改进的地方" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
