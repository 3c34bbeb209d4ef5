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
import { newIdemKey, req } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { LadderSteps, OFFENCE_OPTIONS, offenceLabel, ruleText, StepTag } from "./ladder.tsx";

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
    <Card size="small" title="处分提议已提交，待负责人审批" style={{ marginTop: 12 }} data-testid="proposal-result">
      <LadderSteps step={d.step} lang={t.lang} />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label="处分档次"><StepTag step={d.step} lang={t.lang} /></Descriptions.Item>
        <Descriptions.Item label="违规事项">{offenceLabel(result.sanction.offence, t.lang)}（{result.sanction.occurredOn}）</Descriptions.Item>
        <Descriptions.Item label="适用规则" span={2}><span data-testid="rule-fired">{ruleText(d.rule, t.lang)}</span></Descriptions.Item>
        <Descriptions.Item label="有效期至">{d.expiresOn}</Descriptions.Item>
        {d.endDate && <Descriptions.Item label="候场查看至">{d.endDate}</Descriptions.Item>}
        {d.gradeChange !== 0 && <Descriptions.Item label="星级">批准后降低一星</Descriptions.Item>}
        {d.mediaExposureEligible && <Descriptions.Item label="曝光">可另行决定曝光（须有法律依据和期限）</Descriptions.Item>}
      </Descriptions>
      <Typography.Text strong>依据</Typography.Text>
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
          message.success("处分提议已提交");
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
      <Card size="small" title="待处理的违规记录（爽约、投诉成立等）" style={{ marginBottom: 12 }}>
        <QueryState isPending={pending.isPending} error={pending.error} onRetry={() => void pending.refetch()} isEmpty={events.length === 0} emptyText="没有待处理的违规记录">
          <Table<PendingEvent>
            rowKey="id"
            size="small"
            dataSource={events}
            pagination={{ pageSize: 5 }}
            columns={[
              { title: "零工", render: (_, e) => <span><Typography.Text>{e.workerName}</Typography.Text> <span className="mono">{e.workerNo}</span></span> },
              { title: "违规事项", dataIndex: "kind", render: (v: string) => offenceLabel(v, t.lang) },
              { title: "日期", dataIndex: "occurredOn", width: 110 },
              { title: "说明", dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
              {
                title: t("common.actions"),
                width: 110,
                render: (_, e) => (
                  <Button size="small" loading={propose.isPending} onClick={() => submit({ workerId: e.workerId, conductEventId: e.id })}>
                    按阶梯提议
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <Card size="small" title="登记违规并提议处分">
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
            <Form.Item name="offence" label="违规事项" rules={[req("违规事项", "请选择")]} style={{ width: 260 }}>
              <Select options={OFFENCE_OPTIONS} placeholder="选择违规事项" data-testid="sanction-offence" />
            </Form.Item>
            <Form.Item name="occurredOn" label="违规日期" rules={[req("违规日期", "请选择")]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="情况说明" rules={[{ max: 500, message: "情况说明不能超过 500 个字" }]}>
            <Input.TextArea rows={2} placeholder="经过、证据、当事人陈述" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="propose-submit">提议处分</Button>
        </Form>
      </Card>
      {result && <ProposalResult result={result} />}
    </div>
  );
}
