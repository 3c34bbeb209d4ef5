import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai, yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, fen, fmtTime, label, newIdemKey, options, req } from "../ops/ops-common.tsx";
import { TOOL_CONDITION_LABELS } from "../ops/labels.ts";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { ToolPrice, type ToolRow } from "./ToolCatalogue.tsx";

type Rental = Out<"rentals.list">[number];
type Overdue = Out<"rentals.overdue">[number];
type Condition = Rental["returnCondition"] & string;

interface LendForm {
  workerId?: string;
  toolId?: string;
  dueDate: Dayjs;
  note?: string;
}

const RENTAL_EXPORT: ExportColumn<Rental>[] = [
  { title: "工具", value: (r) => r.toolName },
  { title: "零工", value: (r) => r.workerName },
  { title: "借出时间", value: (r) => fmtTime(r.lentAt) },
  { title: "应还日期", value: (r) => r.dueDate },
  { title: "归还时间", value: (r) => fmtTime(r.returnedAt) },
  { title: "归还状况", value: (r) => label(TOOL_CONDITION_LABELS, r.returnCondition) },
  { title: "租金（元）", value: (r) => r.feeFen / 100 },
  { title: "押金（元）", value: (r) => r.depositFen / 100 },
  { title: "退还押金（元）", value: (r) => (r.depositRefundedFen === null ? null : r.depositRefundedFen / 100) },
];

const OVERDUE_EXPORT: ExportColumn<Overdue>[] = [
  { title: "工具", value: (r) => r.toolName },
  { title: "零工编号", value: (r) => r.workerNo },
  { title: "零工", value: (r) => r.workerName },
  { title: "手机号（脱敏）", value: (r) => r.phoneMasked },
  { title: "借出时间", value: (r) => fmtTime(r.lentAt) },
  { title: "应还日期", value: (r) => r.dueDate },
  { title: "逾期天数", value: (r) => r.daysOverdue },
  { title: "押金（元）", value: (r) => r.depositFen / 100 },
];

function lendable(tool: ToolRow): boolean {
  return tool.active && !tool.out && tool.condition !== "damaged" && tool.condition !== "lost";
}

/** The counter: lend on the left, what is out now (with 归还) below. */
export function LendPanel() {
  const t = useT();
  const [form] = Form.useForm<LendForm>();
  const tools = useQ("tools.list", {});
  const open = useQ("rentals.list", { open: true, limit: 500 });
  const lend = useM("rentals.lend");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const [returning, setReturning] = useState<Rental | null>(null);
  const toolId = Form.useWatch("toolId", form);
  const available = (tools.data ?? []).filter(lendable);
  const tool = (tools.data ?? []).find((x) => x.id === toolId);
  const today = todayShanghai();
  const openRows = open.data ?? [];

  return (
    <div>
      <Card size="small" title="借出工具" style={{ marginBottom: 16 }}>
        {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="lend-error" />}
        <Form<LendForm>
          form={form}
          layout="vertical"
          initialValues={{ dueDate: dayjs(today) }}
          onFinish={(v) => {
            formError.clear();
            lend.mutate(
              { workerId: v.workerId ?? "", toolId: v.toolId ?? "", dueDate: v.dueDate.format("YYYY-MM-DD"), note: v.note || undefined, idempotencyKey: key },
              {
                onSuccess: (row) => {
                  message.success(row.depositFen > 0 ? `已借出，请收取押金 ${fen(row.depositFen)}` : "已借出");
                  form.resetFields();
                  setKey(newIdemKey());
                },
                onError: (e) => formError.show(e),
              },
            );
          }}
        >
          <Space align="start" wrap>
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 340 }}>
              <WorkerPicker autoFocus testId="lend-worker" />
            </Form.Item>
            <Form.Item name="toolId" label="工具" rules={[req("工具", "请选择")]} style={{ width: 260 }}>
              <Select
                data-testid="lend-tool"
                showSearch={{ optionFilterProp: "label" }}
                placeholder={tools.isPending ? "加载中…" : available.length ? "选择在库工具" : "没有可借的工具"}
                loading={tools.isPending}
                options={available.map((x) => ({ value: x.id, label: `${x.name}${x.free ? "（免费）" : `（日租 ${fen(x.dailyFeeFen)}）`}` }))}
              />
            </Form.Item>
            <Form.Item name="dueDate" label="应还日期" rules={[req("应还日期", "请选择")]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < today} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="note" label="备注" rules={[{ max: 200, message: "备注不能超过 200 个字" }]}>
              <Input style={{ width: 200 }} placeholder="可不填" />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={lend.isPending} data-testid="lend-submit">借出</Button>
            </Form.Item>
          </Space>
          {tool && (
            <div>
              <ToolPrice tool={tool} />
              {tool.depositFen > 0 && <Typography.Text type="warning">借出时收取押金 {fen(tool.depositFen)}，归还时按状况退还。</Typography.Text>}
            </div>
          )}
        </Form>
      </Card>

      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>借出中（{openRows.length}）</Typography.Title>
        <ExportButton name="借出中的工具" columns={RENTAL_EXPORT} rows={openRows} />
      </Space>
      <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()} isEmpty={openRows.length === 0} emptyText="目前没有借出的工具">
        <Table<Rental>
          rowKey="id"
          size="middle"
          dataSource={openRows}
          pagination={{ pageSize: 10 }}
          data-testid="open-rentals"
          columns={[
            { title: "工具", dataIndex: "toolName" },
            { title: "零工", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "借出时间", dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: "应还日期", dataIndex: "dueDate", width: 150, render: (v: string) => (v < today ? <span>{v} <Tag color="red">{t("ops.overdue")}</Tag></span> : v) },
            { title: "押金", dataIndex: "depositFen", width: 100, render: (v: number) => (v ? fen(v) : "—") },
            { title: t("common.actions"), width: 90, render: (_, r) => <Button size="small" type="primary" onClick={() => setReturning(r)}>归还</Button> },
          ]}
        />
      </QueryState>
      {returning && <ReturnModal rental={returning} onClose={() => setReturning(null)} />}
    </div>
  );
}

interface ReturnForm {
  condition: Condition;
  refundYuan?: number;
  note?: string;
}

function ReturnModal({ rental, onClose }: { rental: Rental; onClose: () => void }) {
  const [form] = Form.useForm<ReturnForm>();
  const ret = useM("rentals.return");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key] = useState(newIdemKey);
  const deposit = rental.depositFen;
  return (
    <Modal
      open
      title={`归还：${rental.toolName}（${rental.workerName}）`}
      okText="确认归还"
      onOk={() => form.submit()}
      confirmLoading={ret.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<ReturnForm>
        form={form}
        layout="vertical"
        initialValues={{ condition: "good", refundYuan: deposit / 100 }}
        onValuesChange={(changed: Partial<ReturnForm>) => {
          if (changed.condition) form.setFieldValue("refundYuan", changed.condition === "damaged" || changed.condition === "lost" ? 0 : deposit / 100);
        }}
        onFinish={(v) => {
          formError.clear();
          ret.mutate(
            {
              rentalId: rental.id,
              condition: v.condition,
              ...(deposit > 0 ? { depositRefundedFen: yuanToFen(v.refundYuan) ?? 0 } : {}),
              note: v.note || undefined,
              idempotencyKey: key,
            },
            {
              onSuccess: (row) => {
                const parts = ["已归还"];
                if (row.feeFen > 0) parts.push(`应收租金 ${fen(row.feeFen)}`);
                if ((row.depositRefundedFen ?? 0) > 0) parts.push(`退还押金 ${fen(row.depositRefundedFen)}`);
                message.success(parts.join("，"));
                onClose();
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="condition" label="归还时状况" rules={[req("归还时状况", "请选择")]}>
          <Select autoFocus options={options(TOOL_CONDITION_LABELS, "zh")} data-testid="return-condition" />
        </Form.Item>
        {deposit > 0 && (
          <Form.Item
            name="refundYuan"
            label={`退还押金（已收 ${fen(deposit)}）`}
            rules={[req("退还押金"), { type: "number", min: 0, max: deposit / 100, message: `退还押金应在 0 到 ${deposit / 100} 元之间` }]}
          >
            <InputNumber min={0} max={deposit / 100} precision={2} suffix="元" style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注" rules={[{ max: 200, message: "备注不能超过 200 个字" }]}>
          <Input placeholder="如：刃口有缺损" onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OverduePanel({ query }: { query: UseQueryResult<Overdue[], Error> }) {
  const rows = query.data ?? [];
  return (
    <div>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 8 }}>
        <ExportButton name="逾期未还工具" columns={OVERDUE_EXPORT} rows={rows} />
      </div>
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} isEmpty={rows.length === 0} emptyText="没有逾期未还的工具">
        <Table<Overdue>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: "工具", dataIndex: "toolName" },
            { title: "零工编号", dataIndex: "workerNo", width: 110, render: (v: string) => <span className="mono">{v}</span> },
            { title: "零工", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "手机号", dataIndex: "phoneMasked", width: 130 },
            { title: "应还日期", dataIndex: "dueDate", width: 120 },
            { title: "逾期", dataIndex: "daysOverdue", width: 90, render: (v: number) => <Tag color="red">{v} 天</Tag> },
            { title: "押金", dataIndex: "depositFen", width: 100, render: (v: number) => (v ? fen(v) : "—") },
          ]}
        />
      </QueryState>
    </div>
  );
}

export function RentalHistory() {
  const t = useT();
  const [workerId, setWorkerId] = useState<string | undefined>();
  const q = useQ("rentals.list", { workerId, limit: 500 });
  const rows = q.data ?? [];
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <div style={{ width: 340 }}>
          <WorkerPicker value={workerId} onChange={(id) => setWorkerId(id)} />
        </div>
        <ExportButton name="工具借用记录" columns={RENTAL_EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="没有借用记录">
        <Table<Rental>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          columns={[
            { title: "工具", dataIndex: "toolName" },
            { title: "零工", dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: "借出", dataIndex: "lentAt", width: 150, render: (v: string) => fmtTime(v) },
            { title: "应还", dataIndex: "dueDate", width: 110 },
            { title: "归还", dataIndex: "returnedAt", width: 150, render: (v: string | null) => (v ? fmtTime(v) : <Tag color="orange">借出中</Tag>) },
            { title: "状况", dataIndex: "returnCondition", width: 80, render: (v: string | null) => <EnumTag map={TOOL_CONDITION_LABELS} value={v} lang={t.lang} /> },
            { title: "租金", dataIndex: "feeFen", width: 90, render: (v: number) => fen(v) },
            { title: "押金/退还", width: 150, render: (_, r) => (r.depositFen ? `${fen(r.depositFen)} / ${r.depositRefundedFen === null ? "—" : fen(r.depositRefundedFen)}` : "—") },
          ]}
        />
      </QueryState>
    </div>
  );
}
