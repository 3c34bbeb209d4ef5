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
import { EnumTag, fmtTime, label, newIdemKey, options } from "../ops/ops-common.tsx";
import { APPEAL_STATUS_LABELS, SANCTION_STATUS_LABELS } from "../ops/labels.ts";
import { LadderSteps, offenceLabel, ruleText, stepLabel, StepTag } from "./ladder.tsx";

type Sanction = Out<"sanctions.list">[number];
type Action = { kind: "approve" | "appeal" | "decideAppeal"; s: Sanction };

const EXPORT: ExportColumn<Sanction>[] = [
  { title: "零工编号", value: (r) => r.workerNo },
  { title: "零工", value: (r) => r.workerName },
  { title: "违规事项", value: (r) => offenceLabel(r.offence) },
  { title: "违规日期", value: (r) => r.occurredOn },
  { title: "处分档次", value: (r) => stepLabel(r.step) },
  { title: "适用规则", value: (r) => ruleText(r.rule) },
  { title: "状态", value: (r) => label(SANCTION_STATUS_LABELS, r.status) },
  { title: "生效日期", value: (r) => r.effectiveOn ?? "" },
  { title: "申诉", value: (r) => label(APPEAL_STATUS_LABELS, r.appealStatus) },
  { title: "提议人", value: (r) => r.proposedByName },
];

/** The decision trail of one sanction: proposal, approval, appeal and its decision (nothing deleted). */
function History({ s }: { s: Sanction }) {
  const t = useT();
  const items = [
    { color: "blue", content: `${fmtTime(s.proposedAt)} ${s.proposedByName} 提议：${stepLabel(s.step)}${s.note ? `（${s.note}）` : ""}` },
    ...(s.decidedAt ? [{ color: s.status === "rejected" ? "gray" : "red", content: `${fmtTime(s.decidedAt)} 负责人${s.status === "rejected" ? "不予批准" : "批准"}${s.effectiveOn ? `，${s.effectiveOn} 起生效` : ""}${s.decisionNote ? `：${s.decisionNote}` : ""}` }] : []),
    ...(s.appealedAt ? [{ color: "orange", content: `${fmtTime(s.appealedAt)} 零工申诉：${s.appealGrounds ?? ""}` }] : []),
    ...(s.appealDecidedAt ? [{ color: s.appealStatus === "upheld" ? "green" : "gray", content: `${fmtTime(s.appealDecidedAt)} ${label(APPEAL_STATUS_LABELS, s.appealStatus)}${s.status === "reversed" ? "，处分撤销（记录保留）" : ""}：${s.appealDecisionNote ?? ""}` }] : []),
  ];
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
      <div>
        <LadderSteps step={s.step} lang={t.lang} />
        <Typography.Paragraph style={{ marginTop: 8 }}>适用规则：{ruleText(s.rule, t.lang)}</Typography.Paragraph>
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
          <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={setStatus} options={options(SANCTION_STATUS_LABELS, t.lang)} />
          <Radio.Group value={appealPending} onChange={(e) => setAppealPending(e.target.value as boolean)} optionType="button"
            options={[{ value: false, label: "全部" }, { value: true, label: "待裁决申诉" }]} />
        </Space>
        <ExportButton name="处分记录" columns={EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="没有处分记录">
        <Table<Sanction>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          expandable={{ expandedRowRender: (s) => <History s={s} /> }}
          data-testid="sanction-list"
          columns={[
            { title: "零工", render: (_, s) => <span><Typography.Text>{s.workerName}</Typography.Text><br /><span className="mono" style={{ color: "#888" }}>{s.workerNo}</span></span> },
            { title: "违规事项", render: (_, s) => <span>{offenceLabel(s.offence, t.lang)}<br /><span style={{ color: "#888" }}>{s.occurredOn}</span></span> },
            { title: "处分档次", dataIndex: "step", width: 130, render: (v: string) => <StepTag step={v} lang={t.lang} /> },
            { title: "适用规则", dataIndex: "rule", render: (v: string) => ruleText(v, t.lang) },
            { title: "状态", width: 180, render: (_, s) => <Space size={2} wrap><EnumTag map={SANCTION_STATUS_LABELS} value={s.status} lang={t.lang} /><EnumTag map={APPEAL_STATUS_LABELS} value={s.appealStatus} lang={t.lang} /></Space> },
            {
              title: t("common.actions"),
              width: 120,
              render: (_, s) => (
                <Space orientation="vertical" size={4}>
                  {mayApprove && s.status === "proposed" && <Button size="small" type="primary" onClick={() => setAction({ kind: "approve", s })}>审批</Button>}
                  {mayAppeal && s.status === "approved" && !s.appealStatus && <Button size="small" onClick={() => setAction({ kind: "appeal", s })}>登记申诉</Button>}
                  {mayDecide && s.appealStatus === "pending" && <Button size="small" type="primary" onClick={() => setAction({ kind: "decideAppeal", s })}>裁决申诉</Button>}
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

const TITLES = { approve: "审批处分", appeal: "登记申诉", decideAppeal: "裁决申诉" } as const;

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
  const textLabel = kind === "appeal" ? "申诉理由" : kind === "decideAppeal" ? "裁决意见" : "审批意见";
  return (
    <Modal open title={`${TITLES[kind]}：${s.workerName}`} okText="提交" onOk={() => form.submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={640}>
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="违规事项">{offenceLabel(s.offence, t.lang)}（{s.occurredOn}）</Descriptions.Item>
        <Descriptions.Item label="处分档次"><StepTag step={s.step} lang={t.lang} /></Descriptions.Item>
        <Descriptions.Item label="适用规则" span={2}>{ruleText(s.rule, t.lang)}</Descriptions.Item>
        {s.appealGrounds && <Descriptions.Item label="申诉理由" span={2}><Typography.Text>{s.appealGrounds}</Typography.Text></Descriptions.Item>}
      </Descriptions>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<ActionForm>
        form={form}
        layout="vertical"
        initialValues={{ yes: true }}
        onFinish={(v) => {
          formError.clear();
          const text = v.text?.trim() || undefined;
          if (kind === "approve") approve.mutate({ sanctionId: s.id, approve: v.yes, note: text, idempotencyKey: key }, done(v.yes ? "处分已批准生效" : "已不予批准"));
          else if (kind === "appeal") appeal.mutate({ sanctionId: s.id, grounds: text ?? "", idempotencyKey: key }, done("申诉已登记，待负责人裁决"));
          else decide.mutate({ sanctionId: s.id, upheld: v.yes, note: text ?? "", idempotencyKey: key }, done(v.yes ? "申诉成立，处分已撤销（记录保留）" : "申诉已驳回"));
        }}
      >
        {kind !== "appeal" && (
          <Form.Item name="yes" label="决定">
            <Radio.Group optionType="button" buttonStyle="solid"
              options={kind === "approve" ? [{ value: true, label: "批准" }, { value: false, label: "不予批准" }] : [{ value: true, label: "申诉成立（撤销处分）" }, { value: false, label: "驳回申诉" }]} />
          </Form.Item>
        )}
        <Form.Item name="text" label={textLabel}
          rules={[...(kind === "approve" ? [] : [{ required: true, whitespace: true, message: `请填写${textLabel}` }]), { max: kind === "appeal" ? 1000 : 500, message: `${textLabel}过长` }]}>
          <Input.TextArea autoFocus rows={3} onPressEnter={(e) => { if (!e.shiftKey) { e.preventDefault(); form.submit(); } }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
