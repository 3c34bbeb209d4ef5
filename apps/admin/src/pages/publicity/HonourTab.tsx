import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { starText, todayShanghai, tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, label, maxLen, need, newIdemKey, type Tr } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { withdrawColumn } from "./withdraw-column.tsx";
import { PUBLICITY_STATUS_LABELS, shownNow } from "./publicity-common.ts";

type Honour = Out<"publicity.honourList">[number];

/** The default title is data shown on the hall screen, which is Chinese whatever the desk's language. */
const HONOUR_DEFAULT_TITLE = "月度优秀零工";

const exportColumns = (t: Tr): ExportColumn<Honour>[] => [
  { title: t("ops.c.workerNo"), value: (r) => r.workerNo },
  { title: t("ops.c.name"), value: (r) => r.workerName },
  { title: t("ops.c.stars"), value: (r) => r.stars },
  { title: t("adm.pub.honourTitle"), value: (r) => r.title },
  { title: t("ops.c.trade"), value: (r) => tradeLabel(r.trade, t.lang) },
  { title: t("adm.pub.citation"), value: (r) => r.citation ?? "" },
  { title: t("adm.pub.periodStart"), value: (r) => r.periodStart },
  { title: t("adm.pub.periodEnd"), value: (r) => r.periodEnd },
  { title: t("common.status"), value: (r) => label(PUBLICITY_STATUS_LABELS, r.status, t.lang) },
];

export function HonourTab() {
  const t = useT();
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
        <ExportButton name={t("adm.publicity.honour")} columns={exportColumns(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.pub.honourEmpty")}>
        <Table<Honour>
          rowKey="id"
          size="middle"
          data-testid="honour-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          columns={[
            { title: t("ops.worker"), width: 190, render: (_, r) => <span>{r.workerName} <Typography.Text type="secondary" className="mono">{r.workerNo}</Typography.Text></span> },
            { title: t("ops.c.stars"), dataIndex: "stars", width: 100, render: (v: number) => starText(v, t.lang) },
            { title: t("adm.pub.honourTitle"), dataIndex: "title", width: 140 },
            { title: t("ops.c.trade"), dataIndex: "trade", width: 100, render: (v: string | null) => tradeLabel(v, t.lang) },
            { title: t("adm.pub.citation"), dataIndex: "citation", ellipsis: true },
            { title: t("adm.pub.period"), width: 200, render: (_, r) => t.f("ops.c.range", { a: r.periodStart, b: r.periodEnd }) },
            {
              title: t("common.status"),
              width: 90,
              render: (_, r) => (r.status === "active" && !shownNow(r, today) ? <Typography.Text type="secondary">{t(r.periodEnd < today ? "adm.pub.expired" : "adm.pub.notStarted")}</Typography.Text> : <EnumTag map={PUBLICITY_STATUS_LABELS} value={r.status} lang={t.lang} />),
            },
            ...withdrawColumn<Honour>(t, mayAdd, t("adm.pub.honourWithdrawConfirm"), withdraw, message),
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
  const t = useT();
  const [form] = Form.useForm<HonourForm>();
  const add = useM("publicity.honourAdd");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title={t("adm.pub.honourNew")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<HonourForm>
        form={form}
        layout="inline"
        initialValues={{ title: HONOUR_DEFAULT_TITLE, period: [dayjs(today), dayjs(addDays(today, 29))] }}
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
                message.success(t("adm.pub.honourDone"));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 360, marginBottom: 8 }}>
          <WorkerPicker testId="honour-worker" />
        </Form.Item>
        <Form.Item name="title" label={t("adm.pub.honourTitle")} rules={[need(t, t("adm.pub.honourTitle")), maxLen(t, t("adm.pub.honourTitle"), 40)]} style={{ marginBottom: 8 }}>
          <Input style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="trade" label={t("ops.c.trade")} style={{ marginBottom: 8 }}>
          <TradeSelect allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="period" label={t("adm.pub.period")} rules={[{ required: true, message: t.f("ops.v.choose", { name: t("adm.pub.period") }) }]} style={{ marginBottom: 8 }}>
          <DatePicker.RangePicker style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="citation" label={t("adm.pub.citation")} rules={[maxLen(t, t("adm.pub.citation"), 300)]} style={{ marginBottom: 8 }}>
          <Input placeholder={t("adm.pub.citationPh")} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="workerConsent"
          valuePropName="checked"
          rules={[{ validator: async (_, v) => { if (!v) throw new Error(t("adm.pub.consentRequired")); } }]}
          style={{ marginBottom: 8 }}
        >
          <Checkbox>{t("adm.pub.consent")}</Checkbox>
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="honour-submit">
            {t("adm.pub.honourSubmit")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
