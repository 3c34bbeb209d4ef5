import { Alert, App, Button, Col, Form, Input, Modal, Radio, Rate, Row, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { QueryState } from "../components/QueryState.tsx";
import { Reasons } from "../components/Reasons.tsx";
import { useT } from "../i18n/index.tsx";
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
  const t = useT();
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
      message.error(errorInfo(err, t.lang).message);
    }
  }

  return (
    <div>
      <h1 className="page-title">{t("nav.followups")}</h1>
      {proposal && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setProposal(null) }}
          style={{ marginBottom: 12 }}
          data-testid="grade-proposal"
          title={<span>{t("desk.fu.proposed")}<Typography.Text>{proposal.worker.workerName}</Typography.Text> {starText(proposal.p.review.fromGrade, t.lang)} → {starText(proposal.p.review.toGrade, t.lang)}{t("desk.fu.pending")}</span>}
          description={<Reasons reasons={proposal.p.reasons} />}
        />
      )}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("desk.fu.empty")}>
        <Table<Due>
          rowKey="dispatchId"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("ops.worker"), render: (_, d) => <Link to={`/workers/${d.workerId}`}><Typography.Text>{d.workerName}</Typography.Text> <span className="mono">{d.workerNo}</span></Link> },
            { title: t("desk.employer"), render: (_, d) => <Typography.Text>{d.employerName}</Typography.Text> },
            { title: t("desk.emp.contact"), render: (_, d) => <span>{d.contactName} <span className="mono">{d.contactPhoneMasked}</span></span> },
            { title: t("desk.trade"), dataIndex: "tradeCode", render: (v: string) => tradeLabel(v, t.lang) },
            { title: t("desk.fu.completed"), dataIndex: "daysSinceCompletion", render: (v: number) => (v === 0 ? <Tag color="green">{t("desk.fu.today")}</Tag> : <Tag color={v > 3 ? "red" : "orange"}>{t.f("desk.fu.daysAgo", { n: v })}</Tag>) },
            { title: t("common.actions"), render: (_, d) => <Button type="primary" onClick={() => setCurrent(d)} data-testid={`followup-${d.workerNo}`}>{t("desk.fu.rate")}</Button> },
          ]}
        />
      </QueryState>
      <FollowupModal due={current} onClose={() => setCurrent(null)} onSaved={(d) => { setCurrent(null); if (canPropose) void propose(d); }} />
    </div>
  );
}

function FollowupModal({ due, onClose, onSaved }: { due: Due | null; onClose: () => void; onSaved: (d: Due) => void }) {
  const t = useT();
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
    <Modal open={due !== null} title={due ? t.f("desk.fu.title", { employer: due.employerName, worker: due.workerName }) : ""} onCancel={onClose} onOk={() => form.submit()} okText={t("desk.fu.ok")} confirmLoading={busy} destroyOnHidden width={560}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ channel: "phone", attitude: 5, quality: 5, satisfied: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="channel" label={t("desk.fu.channel")}>
          <Radio.Group optionType="button" options={[{ value: "phone", label: t("desk.fu.phone") }, { value: "site", label: t("desk.fu.site") }]} />
        </Form.Item>
        <Row>
          <Col span={12}>
            <Form.Item name="attitude" label={t("desk.fu.attitude")} rules={[{ required: true, message: t("desk.fu.attitudeRequired") }]}><Rate /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="quality" label={t("desk.fu.quality")} rules={[{ required: true, message: t("desk.fu.qualityRequired") }]}><Rate /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="satisfied" label={t("desk.fu.satisfied")}>
          <Radio.Group options={[{ value: true, label: t("arc.satisfied") }, { value: false, label: t("arc.unsatisfied") }]} />
        </Form.Item>
        <Form.Item name="comment" label={t("desk.fu.notes")}>
          <Input.TextArea rows={3} maxLength={500} autoFocus placeholder={t("desk.fu.notesPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
