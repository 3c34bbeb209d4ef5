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
import { EnumTag, fen, fmtTime, label, maxLen, need, newIdemKey, options, type Tr } from "../ops/ops-common.tsx";
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

const rentalExport = (t: Tr): ExportColumn<Rental>[] => [
  { title: t("ops.tool.tool"), value: (r) => r.toolName },
  { title: t("ops.worker"), value: (r) => r.workerName },
  { title: t("ops.tool.lentAt"), value: (r) => fmtTime(r.lentAt) },
  { title: t("ops.tool.dueDate"), value: (r) => r.dueDate },
  { title: t("ops.tool.returnedAt"), value: (r) => fmtTime(r.returnedAt) },
  { title: t("ops.tool.returnCondition"), value: (r) => label(TOOL_CONDITION_LABELS, r.returnCondition, t.lang) },
  { title: t("ops.tool.feeYuan"), value: (r) => r.feeFen / 100 },
  { title: t("ops.tool.depositYuan"), value: (r) => r.depositFen / 100 },
  { title: t("ops.tool.refundYuan"), value: (r) => (r.depositRefundedFen === null ? null : r.depositRefundedFen / 100) },
];

const overdueExport = (t: Tr): ExportColumn<Overdue>[] => [
  { title: t("ops.tool.tool"), value: (r) => r.toolName },
  { title: t("ops.c.workerNo"), value: (r) => r.workerNo },
  { title: t("ops.worker"), value: (r) => r.workerName },
  { title: t("ops.tool.phoneMasked"), value: (r) => r.phoneMasked },
  { title: t("ops.tool.lentAt"), value: (r) => fmtTime(r.lentAt) },
  { title: t("ops.tool.dueDate"), value: (r) => r.dueDate },
  { title: t("ops.tool.daysOverdue"), value: (r) => r.daysOverdue },
  { title: t("ops.tool.depositYuan"), value: (r) => r.depositFen / 100 },
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
      <Card size="small" title={t("ops.tool.lendTitle")} style={{ marginBottom: 16 }}>
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
                  message.success(row.depositFen > 0 ? t.f("ops.tool.lentDeposit", { fee: fen(row.depositFen) }) : t("ops.tool.lent"));
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
            <Form.Item name="toolId" label={t("ops.tool.tool")} rules={[need(t, t("ops.tool.tool"), true)]} style={{ width: 260 }}>
              <Select
                data-testid="lend-tool"
                showSearch={{ optionFilterProp: "label" }}
                placeholder={tools.isPending ? t("common.loading") : available.length ? t("ops.tool.pick") : t("ops.tool.noneToLend")}
                loading={tools.isPending}
                options={available.map((x) => ({ value: x.id, label: `${x.name}${t.f("ops.c.paren", { s: x.free ? t("ops.c.free") : t.f("ops.tool.perDay", { fee: fen(x.dailyFeeFen) }) })}` }))}
              />
            </Form.Item>
            <Form.Item name="dueDate" label={t("ops.tool.dueDate")} rules={[need(t, t("ops.tool.dueDate"), true)]}>
              <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < today} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="note" label={t("ops.c.remark")} rules={[maxLen(t, t("ops.c.remark"), 200)]}>
              <Input style={{ width: 200 }} placeholder={t("ops.c.optional")} />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit" loading={lend.isPending} data-testid="lend-submit">{t("ops.tool.lend")}</Button>
            </Form.Item>
          </Space>
          {tool && (
            <div>
              <ToolPrice tool={tool} />
              {tool.depositFen > 0 && <Typography.Text type="warning">{t.f("ops.tool.depositHint", { fee: fen(tool.depositFen) })}</Typography.Text>}
            </div>
          )}
        </Form>
      </Card>

      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t.f("ops.tool.outCount", { n: openRows.length })}</Typography.Title>
        <ExportButton name={t("ops.tool.outExport")} columns={rentalExport(t)} rows={openRows} />
      </Space>
      <QueryState isPending={open.isPending} error={open.error} onRetry={() => void open.refetch()} isEmpty={openRows.length === 0} emptyText={t("ops.tool.outEmpty")}>
        <Table<Rental>
          rowKey="id"
          size="middle"
          dataSource={openRows}
          pagination={{ pageSize: 10 }}
          data-testid="open-rentals"
          columns={[
            { title: t("ops.tool.tool"), dataIndex: "toolName" },
            { title: t("ops.worker"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.tool.lentAt"), dataIndex: "lentAt", width: 160, render: (v: string) => fmtTime(v) },
            { title: t("ops.tool.dueDate"), dataIndex: "dueDate", width: 150, render: (v: string) => (v < today ? <span>{v} <Tag color="red">{t("ops.overdue")}</Tag></span> : v) },
            { title: t("ops.c.deposit"), dataIndex: "depositFen", width: 100, render: (v: number) => (v ? fen(v) : "—") },
            { title: t("common.actions"), width: 90, render: (_, r) => <Button size="small" type="primary" onClick={() => setReturning(r)}>{t("ops.tool.return")}</Button> },
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
  const t = useT();
  const [form] = Form.useForm<ReturnForm>();
  const ret = useM("rentals.return");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key] = useState(newIdemKey);
  const deposit = rental.depositFen;
  return (
    <Modal
      open
      title={t.f("ops.tool.returnTitle", { tool: rental.toolName, worker: rental.workerName })}
      okText={t("ops.tool.returnOk")}
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
                const parts = [t("ops.tool.returned")];
                if (row.feeFen > 0) parts.push(t.f("ops.tool.feeDue", { fee: fen(row.feeFen) }));
                if ((row.depositRefundedFen ?? 0) > 0) parts.push(t.f("ops.tool.refunded", { fee: fen(row.depositRefundedFen) }));
                message.success(parts.join(t("ops.tool.sep")));
                onClose();
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="condition" label={t("ops.tool.conditionOnReturn")} rules={[need(t, t("ops.tool.conditionOnReturn"), true)]}>
          <Select autoFocus options={options(TOOL_CONDITION_LABELS, t.lang)} data-testid="return-condition" />
        </Form.Item>
        {deposit > 0 && (
          <Form.Item
            name="refundYuan"
            label={t.f("ops.tool.refundLabel", { fee: fen(deposit) })}
            rules={[need(t, t("ops.tool.refund")), { type: "number", min: 0, max: deposit / 100, message: t.f("ops.tool.refundRange", { max: deposit / 100 }) }]}
          >
            <InputNumber min={0} max={deposit / 100} precision={2} suffix={t("ops.c.yuan")} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("ops.c.remark")} rules={[maxLen(t, t("ops.c.remark"), 200)]}>
          <Input placeholder={t("ops.tool.returnNotePh")} onPressEnter={() => form.submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OverduePanel({ query }: { query: UseQueryResult<Overdue[], Error> }) {
  const t = useT();
  const rows = query.data ?? [];
  return (
    <div>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 8 }}>
        <ExportButton name={t("ops.tool.overdueExport")} columns={overdueExport(t)} rows={rows} />
      </div>
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} isEmpty={rows.length === 0} emptyText={t("ops.tool.overdueEmpty")}>
        <Table<Overdue>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t("ops.tool.tool"), dataIndex: "toolName" },
            { title: t("ops.c.workerNo"), dataIndex: "workerNo", width: 110, render: (v: string) => <span className="mono">{v}</span> },
            { title: t("ops.worker"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.tool.phone"), dataIndex: "phoneMasked", width: 130 },
            { title: t("ops.tool.dueDate"), dataIndex: "dueDate", width: 120 },
            { title: t("ops.overdue"), dataIndex: "daysOverdue", width: 90, render: (v: number) => <Tag color="red">{t.f("ops.tool.days", { n: v })}</Tag> },
            { title: t("ops.c.deposit"), dataIndex: "depositFen", width: 100, render: (v: number) => (v ? fen(v) : "—") },
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
        <ExportButton name={t("ops.tool.historyExport")} columns={rentalExport(t)} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("ops.tool.historyEmpty")}>
        <Table<Rental>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          columns={[
            { title: t("ops.tool.tool"), dataIndex: "toolName" },
            { title: t("ops.worker"), dataIndex: "workerName", render: (v: string) => <Typography.Text>{v}</Typography.Text> },
            { title: t("ops.tool.lentCol"), dataIndex: "lentAt", width: 150, render: (v: string) => fmtTime(v) },
            { title: t("ops.tool.due"), dataIndex: "dueDate", width: 110 },
            { title: t("ops.tool.returnedCol"), dataIndex: "returnedAt", width: 150, render: (v: string | null) => (v ? fmtTime(v) : <Tag color="orange">{t("ops.tool.out")}</Tag>) },
            { title: t("ops.tool.condition"), dataIndex: "returnCondition", width: 80, render: (v: string | null) => <EnumTag map={TOOL_CONDITION_LABELS} value={v} lang={t.lang} /> },
            { title: t("ops.tool.fee"), dataIndex: "feeFen", width: 90, render: (v: number) => fen(v) },
            { title: t("ops.tool.depositRefund"), width: 150, render: (_, r) => (r.depositFen ? `${fen(r.depositFen)} / ${r.depositRefundedFen === null ? "—" : fen(r.depositRefundedFen)}` : "—") },
          ]}
        />
      </QueryState>
    </div>
  );
}
