import type { Reason } from "@lingong/core";
import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Timeline, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, fmtTime, label, need, newIdemKey, options, type Tr } from "../ops/ops-common.tsx";
import { APPEAL_STATUS_LABELS, SANCTION_STATUS_LABELS } from "../ops/labels.ts";
import { LadderSteps, offenceLabel, ruleText, stepLabel, StepTag } from "./ladder.tsx";

type Sanction = Out<"sanctions.list">[number];
type Action = { kind: "approve" | "appeal" | "decideAppeal"; s: Sanction };

const exportColumns = (t: Tr): ExportColumn<Sanction>[] => [
  { title: t("ops.c.workerNo"), value: (r) => r.workerNo },
  { title: t("ops.worker"), value: (r) => r.workerName },
  { title: t("ops.sanc.offence"), value: (r) => offenceLabel(r.offence, t.lang) },
  { title: t("ops.sanc.occurredOn"), value: (r) => r.occurredOn },
  { title: t("ops.sanc.step"), value: (r) => stepLabel(r.step, t.lang) },
  { title: t("ops.sanc.rule"), value: (r) => ruleText(r.rule, t.lang) },
  { title: t("common.status"), value: (r) => label(SANCTION_STATUS_LABELS, r.status, t.lang) },
  { title: t("ops.sanc.effectiveOn"), value: (r) => r.effectiveOn ?? "" },
  { title: t("ops.sanc.appeal"), value: (r) => label(APPEAL_STATUS_LABELS, r.appealStatus, t.lang) },
  { title: t("ops.sanc.proposedBy"), value: (r) => r.proposedByName },
];

/** The decision trail of one sanction: proposal, approval, appeal and its decision (nothing deleted). */
function History({ s }: { s: Sanction }) {
  const t = useT();
  const items = [
    { color: "blue", content: `${t.f("ops.sanc.hist.proposed", { at: fmtTime(s.proposedAt), by: s.proposedByName, step: stepLabel(s.step, t.lang) })}${s.note ? t.f("ops.c.paren", { s: s.note }) : ""}` },
    ...(s.decidedAt ? [{ color: s.status === "rejected" ? "gray" : "red", content: `${t.f(s.status === "rejected" ? "ops.sanc.hist.rejected" : "ops.sanc.hist.approved", { at: fmtTime(s.decidedAt) })}${s.effectiveOn ? t.f("ops.sanc.hist.effective", { d: s.effectiveOn }) : ""}${s.decisionNote ? t.f("ops.c.colon", { s: s.decisionNote }) : ""}` }] : []),
    ...(s.appealedAt ? [{ color: "orange", content: t.f("ops.sanc.hist.appealed", { at: fmtTime(s.appealedAt), g: s.appealGrounds ?? "" }) }] : []),
    ...(s.appealDecidedAt ? [{ color: s.appealStatus === "upheld" ? "green" : "gray", content: `${fmtTime(s.appealDecidedAt)} ${label(APPEAL_STATUS_LABELS, s.appealStatus, t.lang)}${s.status === "reversed" ? t("ops.sanc.hist.reversed") : ""}${t.f("ops.c.colon", { s: s.appealDecisionNote ?? "" })}` }] : []),
  ];
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
      <div>
        <LadderSteps step={s.step} lang={t.lang} />
        <Typography.Paragraph style={{ marginTop: 8 }}>{t.f("ops.sanc.ruleLine", { r: ruleText(s.rule, t.lang) })}</Typography.Paragraph>
        <Reasons reasons={s.reasons as Reason[]} />
      </div>
      <Timeline items={items} />
    </div>
  );
}

export function SanctionList() {
  const t = useT();
  const [status, setStatus] = useState<Sanction["status"] | undefined>();
  const [appealPending, setAppealPending] = useState(false);
  const q = useQ("sanctions.list", { status, appealPending: appealPending || undefined, limit: 500 });
  const mayApprove = useCan("sanctions.approve");
  const mayAppeal = useCan("sanctions.appeal");
  const mayDecide = useCan("sanctions.decideAppeal");
  const [action, setAction] = useState<Action | null>(null);
  const rows = q.data ?? [];
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Space wrap>
          <Select allowClear placeholder={t("ops.sanc.allStatus")} style={{ width: 140 }} value={status} onChange={setStatus} options={options(SANCTION_STATUS_LABELS, t.lang)} />
          <Radio.Group value={appealPending} onChange={(e) => setAppealPending(e.target.value as boolean)} optionType="button"
            options={[{ value: false, label: t("ops.c.all") }, { value: true, label: t("ops.sanc.appealPending") }]} />
        </Space>
        <ExportButton name={t("ops.sanc.listExport")} columns={exportColumns(t)} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("ops.sanc.listEmpty")}>
        <Table<Sanction>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          expandable={{ expandedRowRender: (s) => <History s={s} /> }}
          data-testid="sanction-list"
          columns={[
            { title: t("ops.worker"), render: (_, s) => <span><Typography.Text>{s.workerName}</Typography.Text><br /><span className="mono" style={{ color: "#888" }}>{s.workerNo}</span></span> },
            { title: t("ops.sanc.offence"), render: (_, s) => <span>{offenceLabel(s.offence, t.lang)}<br /><span style={{ color: "#888" }}>{s.occurredOn}</span></span> },
            { title: t("ops.sanc.step"), dataIndex: "step", width: 130, render: (v: string) => <StepTag step={v} lang={t.lang} /> },
            { title: t("ops.sanc.rule"), dataIndex: "rule", render: (v: string) => ruleText(v, t.lang) },
            { title: t("common.status"), width: 180, render: (_, s) => <Space size={2} wrap><EnumTag map={SANCTION_STATUS_LABELS} value={s.status} lang={t.lang} /><EnumTag map={APPEAL_STATUS_LABELS} value={s.appealStatus} lang={t.lang} /></Space> },
            {
              title: t("common.actions"),
              width: 120,
              render: (_, s) => (
                <Space orientation="vertical" size={4}>
                  {mayApprove && s.status === "proposed" && <Button size="small" type="primary" onClick={() => setAction({ kind: "approve", s })}>{t("ops.sanc.approve")}</Button>}
                  {mayAppeal && s.status === "approved" && !s.appealStatus && <Button size="small" onClick={() => setAction({ kind: "appeal", s })}>{t("ops.sanc.registerAppeal")}</Button>}
                  {mayDecide && s.appealStatus === "pending" && <Button size="small" type="primary" onClick={() => setAction({ kind: "decideAppeal", s })}>{t("ops.sanc.decideAppeal")}</Button>}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      {action && <ActionModal action={action} onClose={() => setAction(null)} />}
    </div>
  );
}

interface ActionForm {
  yes: boolean;
  text?: string;
}

const TITLES = { approve: "ops.sanc.title.approve", appeal: "ops.sanc.registerAppeal", decideAppeal: "ops.sanc.decideAppeal" } as const;

function ActionModal({ action, onClose }: { action: Action; onClose: () => void }) {
  const t = useT();
  const { kind, s } = action;
  const [form] = Form.useForm<ActionForm>();
  const approve = useM("sanctions.approve");
  const appeal = useM("sanctions.appeal");
  const decide = useM("sanctions.decideAppeal");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key] = useState(newIdemKey);
  const busy = approve.isPending || appeal.isPending || decide.isPending;
  const done = (text: string) => ({ onSuccess: () => { message.success(text); onClose(); }, onError: (e: unknown) => formError.show(e) });
  const textLabel = t(kind === "appeal" ? "ops.sanc.grounds" : kind === "decideAppeal" ? "ops.sanc.decisionNote" : "ops.sanc.approvalNote");
  return (
    <Modal open title={t.f("ops.c.titled", { a: t(TITLES[kind]), b: s.workerName })} okText={t("common.submit")} onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={640}>
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t("ops.sanc.offence")}>{offenceLabel(s.offence, t.lang)}{t.f("ops.c.paren", { s: s.occurredOn })}</Descriptions.Item>
        <Descriptions.Item label={t("ops.sanc.step")}><StepTag step={s.step} lang={t.lang} /></Descriptions.Item>
        <Descriptions.Item label={t("ops.sanc.rule")} span={2}>{ruleText(s.rule, t.lang)}</Descriptions.Item>
        {s.appealGrounds && <Descriptions.Item label={t("ops.sanc.grounds")} span={2}><Typography.Text>{s.appealGrounds}</Typography.Text></Descriptions.Item>}
      </Descriptions>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<ActionForm>
        form={form}
        layout="vertical"
        initialValues={{ yes: true }}
        onFinish={(v) => {
          formError.clear();
          const text = v.text?.trim() || undefined;
          if (kind === "approve") approve.mutate({ sanctionId: s.id, approve: v.yes, note: text, idempotencyKey: key }, done(t(v.yes ? "ops.sanc.done.approved" : "ops.sanc.done.rejected")));
          else if (kind === "appeal") appeal.mutate({ sanctionId: s.id, grounds: text ?? "", idempotencyKey: key }, done(t("ops.sanc.done.appealed")));
          else decide.mutate({ sanctionId: s.id, upheld: v.yes, note: text ?? "", idempotencyKey: key }, done(t(v.yes ? "ops.sanc.done.upheld" : "ops.sanc.done.dismissed")));
        }}
      >
        {kind !== "appeal" && (
          <Form.Item name="yes" label={t("ops.sanc.decision")}>
            <Radio.Group optionType="button" buttonStyle="solid"
              options={kind === "approve" ? [{ value: true, label: t("ops.sanc.approveYes") }, { value: false, label: t("ops.sanc.approveNo") }] : [{ value: true, label: t("ops.sanc.upheld") }, { value: false, label: t("ops.sanc.dismiss") }]} />
          </Form.Item>
        )}
        <Form.Item name="text" label={textLabel}
          rules={[...(kind === "approve" ? [] : [{ ...need(t, textLabel), whitespace: true }]), { max: kind === "appeal" ? 1000 : 500, message: t.f("ops.v.long", { name: textLabel }) }]}>
          <Input.TextArea autoFocus rows={3} onPressEnter={(e) => { if (!e.shiftKey) { e.preventDefault(); form.submit(); } }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
