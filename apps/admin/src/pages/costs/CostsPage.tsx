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
import { fen, fmtTime, label, newIdemKey, options, PageHead, req } from "../ops/ops-common.tsx";
import { COST_CATEGORY_LABELS } from "../ops/labels.ts";

type Cost = Out<"costs.list">[number];
type Report = Out<"costs.monthlyReport">;
type Category = Cost["category"];

const EXPORT: ExportColumn<Cost>[] = [
  { title: "日期", value: (r) => r.spentOn },
  { title: "类别", value: (r) => label(COST_CATEGORY_LABELS, r.category) },
  { title: "金额（元）", value: (r) => r.amountFen / 100 },
  { title: "凭证号", value: (r) => r.voucherNo },
  { title: "说明", value: (r) => r.note ?? "" },
  { title: "登记时间", value: (r) => fmtTime(r.createdAt) },
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
        <span className="no-print">月份</span>
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
          <Select allowClear placeholder="全部类别" style={{ width: 160 }} value={category} onChange={setCategory} options={options(COST_CATEGORY_LABELS, t.lang)} />
          <Typography.Text>本月合计 <Typography.Text strong data-testid="ledger-total">{fen(total)}</Typography.Text>（{rows.length} 笔）</Typography.Text>
        </Space>
        <ExportButton name={`运营经费台账-${month}`} columns={EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={`${month} 还没有登记费用`}>
        <Table<Cost>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 笔` }}
          columns={[
            { title: "日期", dataIndex: "spentOn", width: 120 },
            { title: "类别", dataIndex: "category", width: 120, render: (v: string) => label(COST_CATEGORY_LABELS, v, t.lang) },
            { title: "金额", dataIndex: "amountFen", width: 130, align: "right", render: (v: number) => fen(v) },
            { title: "凭证号", dataIndex: "voucherNo", width: 140, render: (v: string) => <span className="mono">{v}</span> },
            { title: "说明", dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
          ]}
        />
      </QueryState>
    </div>
  );
}

function AddCost() {
  const [form] = Form.useForm<CostForm>();
  const add = useM("costs.add");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title="登记费用">
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
                message.success(`已登记 ${fen(row.amountFen)}（凭证 ${row.voucherNo}）`);
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
          <Form.Item name="spentOn" label="日期" rules={[req("日期", "请选择")]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") > today} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="category" label="类别" rules={[req("类别", "请选择")]}>
            <Select autoFocus style={{ width: 140 }} options={options(COST_CATEGORY_LABELS, "zh")} placeholder="选择类别" data-testid="cost-category" />
          </Form.Item>
          <Form.Item name="amountYuan" label="金额" rules={[req("金额"), { type: "number", min: 0.01, message: "金额必须大于 0" }]}>
            <InputNumber min={0} precision={2} suffix="元" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="voucherNo" label="凭证号" rules={[{ required: true, whitespace: true, message: "请填写凭证号" }, { max: 40, message: "凭证号不能超过 40 个字" }]}>
            <Input style={{ width: 150 }} placeholder="如：记-2024-031" />
          </Form.Item>
          <Form.Item name="note" label="说明" rules={[{ max: 500, message: "说明不能超过 500 个字" }]}>
            <Input style={{ width: 240 }} placeholder="用途、供应商等" />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="cost-submit">登记</Button>
          </Form.Item>
        </Space>
      </Form>
    </Card>
  );
}

function MonthlyReport({ month }: { month: string }) {
  const { session } = useSession();
  const q = useQ("costs.monthlyReport", { month });
  const r: Report | undefined = q.data;
  const [y, m] = month.split("-");
  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {r && (
        <div>
          <Space className="no-print" style={{ marginBottom: 12 }}>
            <Button icon={<PrinterOutlined />} type="primary" onClick={() => window.print()}>打印报表</Button>
            <ExportButton name={`运营经费报销明细-${month}`} columns={EXPORT} rows={r.entries} />
          </Space>
          <div className="cost-report" data-testid="cost-report">
            <h2 style={{ textAlign: "center", margin: "8px 0" }}>{session?.market?.name ?? "零工市场"}运营经费报销表</h2>
            <p style={{ textAlign: "center", margin: "0 0 12px" }}>{y} 年 {Number(m)} 月（实报实销）</p>
            <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label="报销月份">{month}</Descriptions.Item>
              <Descriptions.Item label="凭证笔数">{r.entryCount}</Descriptions.Item>
              <Descriptions.Item label="合计金额"><strong data-testid="report-total">{fen(r.totalFen)}</strong></Descriptions.Item>
            </Descriptions>
            <Table
              rowKey="category"
              size="small"
              pagination={false}
              dataSource={r.categories}
              columns={[
                { title: "费用类别", render: (_, c) => c.label.zh },
                { title: "笔数", dataIndex: "entries", width: 100, align: "right" },
                { title: "金额", dataIndex: "totalFen", width: 160, align: "right", render: (v: number) => fen(v) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}><strong>合计</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{r.entryCount}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right"><strong>{fen(r.totalFen)}</strong></Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <h3 style={{ margin: "16px 0 8px" }}>费用明细</h3>
            {r.entries.length === 0 ? (
              <Typography.Paragraph type="secondary">本月没有费用记录。</Typography.Paragraph>
            ) : (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={r.entries}
                columns={[
                  { title: "日期", dataIndex: "spentOn", width: 110 },
                  { title: "凭证号", dataIndex: "voucherNo", width: 140 },
                  { title: "类别", dataIndex: "category", width: 110, render: (v: string) => label(COST_CATEGORY_LABELS, v) },
                  { title: "说明", dataIndex: "note", render: (v: string | null) => <Typography.Text>{v ?? ""}</Typography.Text> },
                  { title: "金额", dataIndex: "amountFen", width: 130, align: "right", render: (v: number) => fen(v) },
                ]}
              />
            )}
            <div style={{ display: "flex", justifyContent: "space-between", marginTop: 32 }}>
              <span>制表人：________</span>
              <span>运营方负责人：________</span>
              <span>人社局审核：________</span>
              <span>日期：________</span>
            </div>
          </div>
        </div>
      )}
    </QueryState>
  );
}
