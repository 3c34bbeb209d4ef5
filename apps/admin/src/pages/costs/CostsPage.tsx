import { PrinterOutlined } from "@ant-design/icons";
import { shanghaiMonth } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tabs, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai, yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useSession, useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { fen, fmtTime, label, maxLen, need, newIdemKey, options, PageHead, type Tr } from "../ops/ops-common.tsx";
import { COST_CATEGORY_LABELS } from "../ops/labels.ts";

type Cost = Out<"costs.list">[number];
type Report = Out<"costs.monthlyReport">;
type Category = Cost["category"];

const exportColumns = (t: Tr): ExportColumn<Cost>[] => [
  { title: t("ops.c.date"), value: (r) => r.spentOn },
  { title: t("ops.c.category"), value: (r) => label(COST_CATEGORY_LABELS, r.category, t.lang) },
  { title: t("ops.cost.amountYuan"), value: (r) => r.amountFen / 100 },
  { title: t("ops.cost.voucher"), value: (r) => r.voucherNo },
  { title: t("ops.c.note"), value: (r) => r.note ?? "" },
  { title: t("ops.c.createdAt"), value: (r) => fmtTime(r.createdAt) },
];

interface CostForm {
  spentOn: Dayjs;
  category: Category;
  amountYuan?: number;
  voucherNo: string;
  note?: string;
}

/** G2: the operating cost ledger and the monthly reimbursement report (实报实销) for the bureau. */
export default function CostsPage() {
  const t = useT();
  const [month, setMonth] = useState(() => shanghaiMonth(new Date()));
  const [tab, setTab] = useState("ledger");
  return (
    <div>
      <PageHead title={t("nav.costs")}>
        <span className="no-print">{t("ops.cost.month")}</span>
        <DatePicker
          className="no-print"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format("YYYY-MM"))}
          data-testid="cost-month"
        />
      </PageHead>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "ledger", label: t("ops.costs.ledger"), children: <Ledger month={month} /> },
          { key: "report", label: t("ops.costs.report"), children: <MonthlyReport month={month} /> },
        ]}
      />
    </div>
  );
}

function Ledger({ month }: { month: string }) {
  const t = useT();
  const [category, setCategory] = useState<Category | undefined>();
  const q = useQ("costs.list", { month, category, limit: 1000 });
  const mayAdd = useCan("costs.add");
  const rows = q.data ?? [];
  const total = rows.reduce((s, r) => s + r.amountFen, 0);
  return (
    <div>
      {mayAdd && <AddCost />}
      <Space style={{ width: "100%", justifyContent: "space-between", margin: "12px 0 8px" }} wrap>
        <Space>
          <Select allowClear placeholder={t("ops.cost.allCategories")} style={{ width: 160 }} value={category} onChange={setCategory} options={options(COST_CATEGORY_LABELS, t.lang)} />
          <Typography.Text>{t("ops.cost.monthTotal")} <Typography.Text strong data-testid="ledger-total">{fen(total)}</Typography.Text>{t.f("ops.cost.entriesParen", { n: rows.length })}</Typography.Text>
        </Space>
        <ExportButton name={t.f("ops.cost.ledgerExport", { month })} columns={exportColumns(t)} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t.f("ops.cost.empty", { month })}>
        <Table<Cost>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.cost.total", { n }) }}
          columns={[
            { title: t("ops.c.date"), dataIndex: "spentOn", width: 120 },
            { title: t("ops.c.category"), dataIndex: "category", width: 120, render: (v: string) => label(COST_CATEGORY_LABELS, v, t.lang) },
            { title: t("ops.cost.amount"), dataIndex: "amountFen", width: 130, align: "right", render: (v: number) => fen(v) },
            { title: t("ops.cost.voucher"), dataIndex: "voucherNo", width: 140, render: (v: string) => <span className="mono">{v}</span> },
            { title: t("ops.c.note"), dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
          ]}
        />
      </QueryState>
    </div>
  );
}

function AddCost() {
  const t = useT();
  const [form] = Form.useForm<CostForm>();
  const add = useM("costs.add");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title={t("ops.cost.addTitle")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<CostForm>
        form={form}
        layout="vertical"
        initialValues={{ spentOn: dayjs(today) }}
        onFinish={(v) => {
          formError.clear();
          add.mutate(
            { spentOn: v.spentOn.format("YYYY-MM-DD"), category: v.category, amountFen: yuanToFen(v.amountYuan) ?? 0, voucherNo: v.voucherNo, note: v.note || undefined, idempotencyKey: key },
            {
              onSuccess: (row) => {
                message.success(t.f("ops.cost.added", { amount: fen(row.amountFen), voucher: row.voucherNo }));
                form.resetFields(["amountYuan", "voucherNo", "note"]);
                form.focusField("amountYuan");
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Space align="start" wrap>
          <Form.Item name="spentOn" label={t("ops.c.date")} rules={[need(t, t("ops.c.date"), true)]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="category" label={t("ops.c.category")} rules={[need(t, t("ops.c.category"), true)]}>
            <Select autoFocus style={{ width: 140 }} options={options(COST_CATEGORY_LABELS, t.lang)} placeholder={t("ops.cost.pickCategory")} data-testid="cost-category" />
          </Form.Item>
          <Form.Item name="amountYuan" label={t("ops.cost.amount")} rules={[need(t, t("ops.cost.amount")), { type: "number", min: 0.01, message: t("ops.cost.amountPositive") }]}>
            <InputNumber min={0} precision={2} suffix={t("ops.c.yuan")} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="voucherNo" label={t("ops.cost.voucher")} rules={[{ ...need(t, t("ops.cost.voucher")), whitespace: true }, maxLen(t, t("ops.cost.voucher"), 40)]}>
            <Input style={{ width: 150 }} placeholder={t("ops.cost.voucherPh")} />
          </Form.Item>
          <Form.Item name="note" label={t("ops.c.note")} rules={[maxLen(t, t("ops.c.note"), 500)]}>
            <Input style={{ width: 240 }} placeholder={t("ops.cost.notePh")} />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="cost-submit">{t("ops.c.register")}</Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

function MonthlyReport({ month }: { month: string }) {
  const t = useT();
  const { session } = useSession();
  const q = useQ("costs.monthlyReport", { month });
  const r: Report | undefined = q.data;
  const [y, m] = month.split("-");
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {r && (
        <div>
          <Space className="no-print" style={{ marginBottom: 12 }}>
            <Button icon={<PrinterOutlined />} type="primary" onClick={() => window.print()}>{t("ops.cost.print")}</Button>
            <ExportButton name={t.f("ops.cost.reportExport", { month })} columns={exportColumns(t)} rows={r.entries} />
          </Space>
          <div className="cost-report" data-testid="cost-report">
            <h2 style={{ textAlign: "center", margin: "8px 0" }}>{t.f("ops.cost.reportTitle", { market: session?.market?.name ?? t("ops.cost.marketFallback") })}</h2>
            <p style={{ textAlign: "center", margin: "0 0 12px" }}>{t.f("ops.cost.reportMonth", { y: y ?? "", m: Number(m), month })}</p>
            <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t("ops.cost.reportMonthLabel")}>{month}</Descriptions.Item>
              <Descriptions.Item label={t("ops.cost.entryCount")}>{r.entryCount}</Descriptions.Item>
              <Descriptions.Item label={t("ops.cost.totalAmount")}><strong data-testid="report-total">{fen(r.totalFen)}</strong></Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="category"
              size="small"
              pagination={false}
              dataSource={r.categories}
              columns={[
                { title: t("ops.cost.category"), render: (_, c) => t.pick(c.label) },
                { title: t("ops.cost.entries"), dataIndex: "entries", width: 100, align: "right" },
                { title: t("ops.cost.amount"), dataIndex: "totalFen", width: 160, align: "right", render: (v: number) => fen(v) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><strong>{t("ops.cost.sum")}</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{r.entryCount}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right"><strong>{fen(r.totalFen)}</strong></Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <h3 style={{ margin: "16px 0 8px" }}>{t("ops.cost.details")}</h3>
            {r.entries.length === 0 ? (
              <Typography.Paragraph type="secondary">{t("ops.cost.noEntries")}</Typography.Paragraph>
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={r.entries}
                columns={[
                  { title: t("ops.c.date"), dataIndex: "spentOn", width: 110 },
                  { title: t("ops.cost.voucher"), dataIndex: "voucherNo", width: 140 },
                  { title: t("ops.c.category"), dataIndex: "category", width: 110, render: (v: string) => label(COST_CATEGORY_LABELS, v, t.lang) },
                  { title: t("ops.c.note"), dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
                  { title: t("ops.cost.amount"), dataIndex: "amountFen", width: 130, align: "right", render: (v: number) => fen(v) },
                ]}
              />
            )}
            <div style={{ display: "flex", justifyContent: "space-between", marginTop: 32 }}>
              <span>{t("ops.cost.sign.preparer")}________</span>
              <span>{t("ops.cost.sign.head")}________</span>
              <span>{t("ops.cost.sign.bureau")}________</span>
              <span>{t("ops.cost.sign.date")}________</span>
            </div>
          </div>
        </div>
      )}
    </QueryState>
  );
}
