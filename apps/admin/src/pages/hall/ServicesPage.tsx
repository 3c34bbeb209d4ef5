import { shanghaiMonth } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space, Statistic, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { In, Out } from "../../lib/api-types.ts";
import { todayShanghai, yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { fen, label, maxLen, need, newIdemKey, options, PageHead, type Labelled, type Tr } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";

type Entry = Out<"services.list">[number];
type Kind = In<"services.log">["kind"];

export const SERVICE_KIND_LABELS: Record<string, Labelled> = {
  meal: { zh: "低价用餐", en: "Meal" },
  midday_rest: { zh: "午间休息", en: "Midday rest" },
  water: { zh: "饮水", en: "Water" },
  other: { zh: "其他", en: "Other" },
};

const exportColumns = (t: Tr): ExportColumn<Entry>[] => [
  { title: t("ops.c.date"), value: (r) => r.servedOn },
  { title: t("hall.svc.kind"), value: (r) => label(SERVICE_KIND_LABELS, r.kind, t.lang) },
  { title: t("ops.worker"), value: (r) => r.workerName ?? "" },
  { title: t("hall.svc.count"), value: (r) => r.count },
  { title: t("hall.svc.feeYuan"), value: (r) => r.feeFen / 100 },
  { title: t("ops.c.remark"), value: (r) => r.note ?? "" },
];

interface LogForm {
  kind: Kind;
  workerId?: string;
  servedOn: Dayjs;
  count: number;
  feeYuan?: number;
  note?: string;
}

/** R9 services log: low-cost meals and midday rest for workers from far away (and water, other). */
export default function ServicesPage() {
  const t = useT();
  const mayLog = useCan("services.log");
  const [month, setMonth] = useState(() => shanghaiMonth(new Date()));
  const to = dayjs(`${month}-01`).endOf("month").format("YYYY-MM-DD");
  const q = useQ("services.list", { from: `${month}-01`, to, limit: 1000 });
  const sum = useQ("services.monthly", { month });
  const rows = q.data ?? [];
  return (
    <div>
      <PageHead title={t("nav.services")}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format("YYYY-MM"))} />
      </PageHead>
      {mayLog && <LogService />}
      <QueryState isPending={sum.isPending} error={sum.error}>
        <Space size="large" style={{ margin: "12px 0" }} wrap>
          {Object.keys(SERVICE_KIND_LABELS).map((k) => {
            const s = sum.data?.byKind.find((b) => b.kind === k);
            return <Statistic key={k} title={t.f("hall.svc.monthCount", { kind: label(SERVICE_KIND_LABELS, k, t.lang) })} value={s?.people ?? 0} suffix={s && s.feeFen > 0 ? <small>{fen(s.feeFen)}</small> : undefined} />;
          })}
        </Space>
      </QueryState>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 8 }}>
        <ExportButton name={t.f("hall.svc.export", { month })} columns={exportColumns(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t.f("hall.svc.empty", { month })}>
        <Table<Entry> rowKey="id" size="middle" dataSource={rows} pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          columns={[
            { title: t("ops.c.date"), dataIndex: "servedOn", width: 120 },
            { title: t("hall.svc.kind"), dataIndex: "kind", width: 120, render: (v: string) => label(SERVICE_KIND_LABELS, v, t.lang) },
            { title: t("ops.worker"), dataIndex: "workerName", render: (v: string | null) => (v ? <Typography.Text>{v}</Typography.Text> : <Typography.Text type="secondary">{t("hall.svc.bulk")}</Typography.Text>) },
            { title: t("hall.svc.count"), dataIndex: "count", width: 80, align: "right" },
            { title: t("ops.c.fee"), dataIndex: "feeFen", width: 110, align: "right", render: (v: number) => fen(v) },
            { title: t("ops.c.remark"), dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
          ]} />
      </QueryState>
    </div>
  );
}

function LogService() {
  const t = useT();
  const [form] = Form.useForm<LogForm>();
  const log = useM("services.log");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title={t("hall.svc.logTitle")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<LogForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: "meal", servedOn: dayjs(today), count: 1, feeYuan: 0 }}
        onFinish={(v) => {
          formError.clear();
          log.mutate(
            { kind: v.kind, workerId: v.workerId, servedOn: v.servedOn.format("YYYY-MM-DD"), count: v.count, feeFen: yuanToFen(v.feeYuan) ?? 0, note: v.note || undefined, idempotencyKey: key },
            {
              onSuccess: () => {
                message.success(t("ops.c.registered"));
                form.resetFields(["workerId", "note"]);
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="kind" label={t("hall.svc.kind")} style={{ marginBottom: 8 }}>
          <Radio.Group optionType="button" buttonStyle="solid" options={options(SERVICE_KIND_LABELS, t.lang)} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="workerId" label={t("hall.svc.workerOptional")} style={{ width: 340 }}>
            <WorkerPicker autoFocus />
          </Form.Item>
          <Form.Item name="servedOn" label={t("ops.c.date")} rules={[need(t, t("ops.c.date"), true)]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="count" label={t("hall.svc.count")} rules={[need(t, t("hall.svc.count")), { type: "number", min: 1, message: t("hall.svc.countPositive") }]}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="feeYuan" label={t("ops.c.fee")} rules={[{ type: "number", min: 0, message: t.f("ops.c.nonNegative", { name: t("ops.c.fee") }) }]}>
            <InputNumber min={0} precision={2} suffix={t("ops.c.yuan")} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="note" label={t("ops.c.remark")} rules={[maxLen(t, t("ops.c.remark"), 200)]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label=" "><Button type="primary" htmlType="submit" loading={log.isPending}>{t("ops.c.register")}</Button></Form.Item>
        </Space>
      </Form>
    </Card>
  );
}
