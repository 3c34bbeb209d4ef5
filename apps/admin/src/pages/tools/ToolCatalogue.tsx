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
import { EnumTag, fen, label, newIdemKey, options, req } from "../ops/ops-common.tsx";
import { TOOL_CONDITION_LABELS, TOOL_KIND_LABELS } from "../ops/labels.ts";

export type ToolRow = Out<"tools.list">[number];

const EXPORT: ExportColumn<ToolRow>[] = [
  { title: "工具", value: (r) => r.name },
  { title: "类别", value: (r) => label(TOOL_KIND_LABELS, r.kind) },
  { title: "收费", value: (r) => (r.free ? "免费" : "收费") },
  { title: "日租金（元）", value: (r) => r.dailyFeeFen / 100 },
  { title: "押金（元）", value: (r) => r.depositFen / 100 },
  { title: "状况", value: (r) => label(TOOL_CONDITION_LABELS, r.condition) },
  { title: "借出给", value: (r) => r.borrowerName ?? "" },
  { title: "应还日期", value: (r) => r.dueDate ?? "" },
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
  return (
    <span>
      {tool.free ? <Tag color="green">免费</Tag> : <Tag color="blue">日租 {fen(tool.dailyFeeFen)}</Tag>}
      {tool.depositFen > 0 && <Tag>押金 {fen(tool.depositFen)}</Tag>}
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
        <ExportButton name="工具目录" columns={EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有登记工具">
        <Table<ToolRow>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          columns={[
            { title: "工具", dataIndex: "name", render: (v: string, r) => <Typography.Text delete={!r.active}>{v}</Typography.Text> },
            { title: "类别", dataIndex: "kind", width: 110, render: (v: string) => label(TOOL_KIND_LABELS, v, t.lang) },
            { title: "收费", width: 200, render: (_, r) => <ToolPrice tool={r} /> },
            { title: "状况", dataIndex: "condition", width: 90, render: (v: string) => <EnumTag map={TOOL_CONDITION_LABELS} value={v} lang={t.lang} /> },
            {
              title: "在库",
              width: 220,
              render: (_, r) => (r.out ? <span><Tag color="orange">已借出</Tag>{r.borrowerName}（应还 {r.dueDate}）</span> : <Tag color="green">在库</Tag>),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}

function NewTool() {
  const [form] = Form.useForm<NewToolForm>();
  const free = Form.useWatch("free", form) ?? true;
  const create = useM("tools.create");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title="登记新工具">
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
                message.success(`已登记：${row.name}`);
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="name" label="名称" rules={[req("工具名称"), { max: 50, message: "工具名称不能超过 50 个字" }]}>
          <Input placeholder="如：铁锹、电锤" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[req("类别", "请选择")]}>
          <Select style={{ width: 120 }} options={options(TOOL_KIND_LABELS, "zh")} />
        </Form.Item>
        <Form.Item name="free" label="免费" valuePropName="checked">
          <Switch checkedChildren="免费" unCheckedChildren="收费" />
        </Form.Item>
        {!free && (
          <Form.Item name="dailyFeeYuan" label="日租金" rules={[req("日租金"), { type: "number", min: 0, message: "日租金不能为负" }]}>
            <InputNumber min={0} step={1} precision={2} suffix="元" style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="depositYuan" label="押金" rules={[{ type: "number", min: 0, message: "押金不能为负" }]}>
          <InputNumber min={0} step={10} precision={2} suffix="元" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>登记</Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
