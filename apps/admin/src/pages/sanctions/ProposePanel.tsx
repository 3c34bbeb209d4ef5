import type { Reason } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { maxLen, need, newIdemKey } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { LadderSteps, offenceLabel, offenceOptions, ruleText, StepTag } from "./ladder.tsx";

type Proposed = Out<"sanctions.propose">;
type PendingEvent = Out<"sanctions.pendingEvents">[number];

interface ProposeForm {
  workerId?: string;
  offence?: string;
  occurredOn: Dayjs;
  note?: string;
}

/** What the ladder decided: step on the ladder, the rule that fired and the reasons. */
export function ProposalResult({ result }: { result: Proposed }) {
  const t = useT();
  const d = result.decision;
  return (
    <Card size="small" title={t("ops.sanc.resultTitle")} style={{ marginTop: 12 }} data-testid="proposal-result">
      <LadderSteps step={d.step} lang={t.lang} />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t("ops.sanc.step")}><StepTag step={d.step} lang={t.lang} /></Descriptions.Item>
        <Descriptions.Item label={t("ops.sanc.offence")}>{offenceLabel(result.sanction.offence, t.lang)}{t.f("ops.c.paren", { s: result.sanction.occurredOn })}</Descriptions.Item>
        <Descriptions.Item label={t("ops.sanc.rule")} span={2}><span data-testid="rule-fired">{ruleText(d.rule, t.lang)}</span></Descriptions.Item>
        <Descriptions.Item label={t("ops.sanc.expiresOn")}>{d.expiresOn}</Descriptions.Item>
        {d.endDate && <Descriptions.Item label={t("ops.sanc.endDate")}>{d.endDate}</Descriptions.Item>}
        {d.gradeChange !== 0 && <Descriptions.Item label={t("ops.c.stars")}>{t("ops.sanc.starDown")}</Descriptions.Item>}
        {d.mediaExposureEligible && <Descriptions.Item label={t("ops.sanc.exposure")}>{t("ops.sanc.exposureNote")}</Descriptions.Item>}
      </Descriptions>
      <Typography.Text strong>{t("ops.c.basis")}</Typography.Text>
      <Reasons reasons={d.reasons as Reason[]} />
    </Card>
  );
}

export function ProposePanel() {
  const t = useT();
  const [form] = Form.useForm<ProposeForm>();
  const propose = useM("sanctions.propose");
  const pending = useQ("sanctions.pendingEvents", { limit: 200 });
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const [result, setResult] = useState<Proposed | null>(null);
  const today = todayShanghai();

  function submit(input: { workerId: string; conductEventId?: string; offence?: string; occurredOn?: string; note?: string }) {
    formError.clear();
    propose.mutate(
      { ...input, idempotencyKey: key },
      {
        onSuccess: (r) => {
          setResult(r);
          message.success(t("ops.sanc.proposed"));
          form.resetFields();
          setKey(newIdemKey());
        },
        onError: (e) => formError.show(e),
      },
    );
  }

  const events = pending.data ?? [];
  return (
    <div>
      <Card size="small" title={t("ops.sanc.pendingTitle")} style={{ marginBottom: 12 }}>
        <QueryState isPending={pending.isPending} error={pending.error} onRetry={() => void pending.refetch()} isEmpty={events.length === 0} emptyText={t("ops.sanc.pendingEmpty")}>
          <Table<PendingEvent>
            rowKey="id"
            size="small"
            dataSource={events}
            pagination={{ pageSize: 5 }}
            columns={[
              { title: t("ops.worker"), render: (_, e) => <span><Typography.Text>{e.workerName}</Typography.Text> <span className="mono">{e.workerNo}</span></span> },
              { title: t("ops.sanc.offence"), dataIndex: "kind", render: (v: string) => offenceLabel(v, t.lang) },
              { title: t("ops.c.date"), dataIndex: "occurredOn", width: 110 },
              { title: t("ops.c.note"), dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
              {
                title: t("common.actions"),
                width: 110,
                render: (_, e) => (
                  <Button size="small" loading={propose.isPending} onClick={() => submit({ workerId: e.workerId, conductEventId: e.id })}>
                    {t("ops.sanc.proposeLadder")}
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Card size="small" title={t("ops.sanc.formTitle")}>
        {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="propose-error" />}
        <Form<ProposeForm>
          form={form}
          layout="vertical"
          initialValues={{ occurredOn: dayjs(today) }}
          onFinish={(v) => submit({ workerId: v.workerId ?? "", offence: v.offence, occurredOn: v.occurredOn.format("YYYY-MM-DD"), note: v.note || undefined })}
        >
          <Space align="start" wrap>
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 320 }}>
              <WorkerPicker testId="sanction-worker" />
            </Form.Item>
            <Form.Item name="offence" label={t("ops.sanc.offence")} rules={[need(t, t("ops.sanc.offence"), true)]} style={{ width: 260 }}>
              <Select options={offenceOptions(t.lang)} placeholder={t("ops.sanc.offencePick")} data-testid="sanction-offence" />
            </Form.Item>
            <Form.Item name="occurredOn" label={t("ops.sanc.occurredOn")} rules={[need(t, t("ops.sanc.occurredOn"), true)]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t("ops.sanc.situation")} rules={[maxLen(t, t("ops.sanc.situation"), 500)]}>
            <Input.TextArea rows={2} placeholder={t("ops.sanc.situationPh")} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="propose-submit">{t("ops.sanc.propose")}</Button>
        </Form>
      </Card>
      {result && <ProposalResult result={result} />}
    </div>
  );
}
