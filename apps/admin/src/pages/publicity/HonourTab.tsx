import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { starText, todayShanghai, tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, label, newIdemKey, req } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { withdrawColumn } from "./withdraw-column.tsx";
import { PUBLICITY_STATUS_LABELS, shownNow } from "./publicity-common.ts";

type Honour = Out<"publicity.honourList">[number];

const EXPORT: ExportColumn<Honour>[] = [
  { title: "零工编号", value: (r) => r.workerNo },
  { title: "姓名", value: (r) => r.workerName },
  { title: "星级", value: (r) => r.stars },
  { title: "称号", value: (r) => r.title },
  { title: "工种", value: (r) => tradeLabel(r.trade) },
  { title: "事迹", value: (r) => r.citation ?? "" },
  { title: "公示开始", value: (r) => r.periodStart },
  { title: "公示结束", value: (r) => r.periodEnd },
  { title: "状态", value: (r) => label(PUBLICITY_STATUS_LABELS, r.status) },
];

export function HonourTab() {
  const q = useQ("publicity.honourList", { limit: 500 });
  const mayAdd = useCan("publicity.honourAdd");
  const withdraw = useM("publicity.honourWithdraw");
  const { message } = App.useApp();
  const rows = q.data ?? [];
  const today = todayShanghai();
  return (
    <div>
      {mayAdd && <NewHonour />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name="荣誉榜" columns={EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="荣誉榜还没有人">
        <Table<Honour>
          rowKey="id"
          size="middle"
          data-testid="honour-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          columns={[
            { title: "零工", width: 190, render: (_, r) => <span>{r.workerName} <Typography.Text type="secondary" className="mono">{r.workerNo}</Typography.Text></span> },
            { title: "星级", dataIndex: "stars", width: 100, render: (v: number) => starText(v) },
            { title: "称号", dataIndex: "title", width: 140 },
            { title: "工种", dataIndex: "trade", width: 100, render: (v: string | null) => tradeLabel(v) },
            { title: "事迹", dataIndex: "citation", ellipsis: true },
            { title: "公示期", width: 200, render: (_, r) => `${r.periodStart} 至 ${r.periodEnd}` },
            {
              title: "状态",
              width: 90,
              render: (_, r) => (r.status === "active" && !shownNow(r, today) ? <Typography.Text type="secondary">{r.periodEnd < today ? "已到期" : "未开始"}</Typography.Text> : <EnumTag map={PUBLICITY_STATUS_LABELS} value={r.status} lang="zh" />),
            },
            ...withdrawColumn<Honour>(mayAdd, "从荣誉榜撤下？", withdraw, message),
          ]}
        />
      </QueryState>
    </div>
  );
}

interface HonourForm {
  workerId?: string;
  title: string;
  trade?: string;
  citation?: string;
  period: [Dayjs, Dayjs];
  workerConsent?: boolean;
}

function NewHonour() {
  const [form] = Form.useForm<HonourForm>();
  const add = useM("publicity.honourAdd");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title="上荣誉榜">
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<HonourForm>
        form={form}
        layout="inline"
        initialValues={{ title: "月度优秀零工", period: [dayjs(today), dayjs(addDays(today, 29))] }}
        onFinish={(v) => {
          formError.clear();
          add.mutate(
            {
              workerId: v.workerId ?? "",
              title: v.title,
              citation: v.citation?.trim() || undefined,
              trade: v.trade,
              periodStart: v.period[0].format("YYYY-MM-DD"),
              periodEnd: v.period[1].format("YYYY-MM-DD"),
              workerConsent: true,
              idempotencyKey: key,
            },
            {
              onSuccess: () => {
                message.success("已上荣誉榜");
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="workerId" label="零工" rules={[{ required: true, message: "请选择零工" }]} style={{ width: 360, marginBottom: 8 }}>
          <WorkerPicker testId="honour-worker" />
        </Form.Item>
        <Form.Item name="title" label="称号" rules={[req("称号"), { max: 40, message: "称号不能超过 40 个字" }]} style={{ marginBottom: 8 }}>
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="trade" label="工种" style={{ marginBottom: 8 }}>
          <TradeSelect allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="period" label="公示期" rules={[{ required: true, message: "请选择公示期" }]} style={{ marginBottom: 8 }}>
          <DatePicker.RangePicker style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="citation" label="事迹" rules={[{ max: 300, message: "事迹不能超过 300 个字" }]} style={{ marginBottom: 8 }}>
          <Input placeholder="如：全年出勤 200 天，雇主好评率 100%" style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="workerConsent"
          valuePropName="checked"
          rules={[{ validator: async (_, v) => { if (!v) throw new Error("须征得零工本人同意后才能公示"); } }]}
          style={{ marginBottom: 8 }}
        >
          <Checkbox>零工本人同意在大厅屏幕公示姓名和事迹</Checkbox>
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="honour-submit">
            上榜
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
