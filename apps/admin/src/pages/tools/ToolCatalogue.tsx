import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { useCan } from "../../lib/session.ts";
import { EnumTag, fen, label, maxLen, need, newIdemKey, options, type Tr } from "../ops/ops-common.tsx";
import { TOOL_CONDITION_LABELS, TOOL_KIND_LABELS } from "../ops/labels.ts";

export type ToolRow = Out<"tools.list">[number];

const exportColumns = (t: Tr): ExportColumn<ToolRow>[] => [
  { title: t("ops.tool.tool"), value: (r) => r.name },
  { title: t("ops.c.category"), value: (r) => label(TOOL_KIND_LABELS, r.kind, t.lang) },
  { title: t("ops.c.fee"), value: (r) => t(r.free ? "ops.c.free" : "ops.c.paid") },
  { title: t("ops.tool.dailyFeeYuan"), value: (r) => r.dailyFeeFen / 100 },
  { title: t("ops.tool.depositYuan"), value: (r) => r.depositFen / 100 },
  { title: t("ops.tool.condition"), value: (r) => label(TOOL_CONDITION_LABELS, r.condition, t.lang) },
  { title: t("ops.tool.lentTo"), value: (r) => r.borrowerName ?? "" },
  { title: t("ops.tool.dueDate"), value: (r) => r.dueDate ?? "" },
];

interface NewToolForm {
  name: string;
  kind: string;
  free: boolean;
  dailyFeeYuan?: number;
  depositYuan?: number;
}

/** Pricing of a tool as the counter reads it. */
export function ToolPrice({ tool }: { tool: Pick<ToolRow, "free" | "dailyFeeFen" | "depositFen"> }) {
  const t = useT();
  return (
    <span>
      {tool.free ? <Tag color="green">{t("ops.c.free")}</Tag> : <Tag color="blue">{t.f("ops.tool.perDay", { fee: fen(tool.dailyFeeFen) })}</Tag>}
      {tool.depositFen > 0 && <Tag>{t.f("ops.tool.depositTag", { fee: fen(tool.depositFen) })}</Tag>}
    </span>
  );
}

export function ToolCatalogue() {
  const t = useT();
  const q = useQ("tools.list", { includeInactive: true });
  const mayCreate = useCan("tools.create");
  const rows = q.data ?? [];
  return (
    <div>
      {mayCreate && <NewTool />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name={t("ops.tools.catalogue")} columns={exportColumns(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("ops.tool.empty")}>
        <Table<ToolRow>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.tool.total", { n }) }}
          columns={[
            { title: t("ops.tool.tool"), dataIndex: "name", render: (v: string, r) => <Typography.Text delete={!r.active}>{v}</Typography.Text> },
            { title: t("ops.c.category"), dataIndex: "kind", width: 110, render: (v: string) => label(TOOL_KIND_LABELS, v, t.lang) },
            { title: t("ops.c.fee"), width: 200, render: (_, r) => <ToolPrice tool={r} /> },
            { title: t("ops.tool.condition"), dataIndex: "condition", width: 90, render: (v: string) => <EnumTag map={TOOL_CONDITION_LABELS} value={v} lang={t.lang} /> },
            {
              title: t("ops.tool.inStock"),
              width: 220,
              render: (_, r) => (r.out ? <span><Tag color="orange">{t("ops.tool.lentOut")}</Tag>{r.borrowerName}{t.f("ops.tool.dueParen", { d: r.dueDate ?? "" })}</span> : <Tag color="green">{t("ops.tool.inStock")}</Tag>),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}

function NewTool() {
  const t = useT();
  const [form] = Form.useForm<NewToolForm>();
  const free = Form.useWatch("free", form) ?? true;
  const create = useM("tools.create");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title={t("ops.tool.newTitle")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<NewToolForm>
        form={form}
        layout="inline"
        initialValues={{ kind: "hand", free: true, dailyFeeYuan: 0, depositYuan: 0 }}
        onFinish={(v) => {
          formError.clear();
          create.mutate(
            { name: v.name, kind: v.kind as ToolRow["kind"], free: v.free, dailyFeeFen: v.free ? 0 : (yuanToFen(v.dailyFeeYuan) ?? 0), depositFen: yuanToFen(v.depositYuan) ?? 0, idempotencyKey: key },
            {
              onSuccess: (row) => {
                message.success(t.f("ops.c.registeredName", { name: row.name }));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="name" label={t("ops.tool.name")} rules={[need(t, t("ops.tool.nameFull")), maxLen(t, t("ops.tool.nameFull"), 50)]}>
          <Input placeholder={t("ops.tool.namePh")} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label={t("ops.c.category")} rules={[need(t, t("ops.c.category"), true)]}>
          <Select style={{ width: 120 }} options={options(TOOL_KIND_LABELS, t.lang)} />
        </Form.Item>
        <Form.Item name="free" label={t("ops.c.free")} valuePropName="checked">
          <Switch checkedChildren={t("ops.c.free")} unCheckedChildren={t("ops.c.paid")} />
        </Form.Item>
        {!free && (
          <Form.Item name="dailyFeeYuan" label={t("ops.tool.dailyFee")} rules={[need(t, t("ops.tool.dailyFee")), { type: "number", min: 0, message: t.f("ops.c.nonNegative", { name: t("ops.tool.dailyFee") }) }]}>
            <InputNumber min={0} step={1} precision={2} suffix={t("ops.c.yuan")} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="depositYuan" label={t("ops.c.deposit")} rules={[{ type: "number", min: 0, message: t.f("ops.c.nonNegative", { name: t("ops.c.deposit") }) }]}>
          <InputNumber min={0} step={10} precision={2} suffix={t("ops.c.yuan")} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t("ops.c.register")}</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
