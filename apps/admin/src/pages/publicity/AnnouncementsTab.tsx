import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, Switch, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, label, maxLen, need, newIdemKey, type Tr } from "../ops/ops-common.tsx";
import { withdrawColumn } from "./withdraw-column.tsx";
import { PUBLICITY_STATUS_LABELS } from "./publicity-common.ts";

type Announcement = Out<"publicity.announcementList">[number];

const exportColumns = (t: Tr): ExportColumn<Announcement>[] => [
  { title: t("adm.pub.title"), value: (r) => r.title },
  { title: t("adm.pub.body"), value: (r) => r.body },
  { title: t("adm.pub.pinned"), value: (r) => t(r.pinned ? "ops.c.yes" : "ops.c.no") },
  { title: t("adm.pub.publishedOn"), value: (r) => r.publishedOn },
  { title: t("adm.pub.expiresOn"), value: (r) => r.expiresOn },
  { title: t("common.status"), value: (r) => label(PUBLICITY_STATUS_LABELS, r.status, t.lang) },
];

export function AnnouncementsTab() {
  const t = useT();
  const q = useQ("publicity.announcementList", { limit: 500 });
  const mayAdd = useCan("publicity.announcementAdd");
  const withdraw = useM("publicity.announcementWithdraw");
  const { message } = App.useApp();
  const rows = q.data ?? [];
  return (
    <div>
      {mayAdd && <NewAnnouncement />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name={t("adm.publicity.announcements")} columns={exportColumns(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.pub.annEmpty")}>
        <Table<Announcement>
          rowKey="id"
          size="middle"
          data-testid="announcement-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{r.body}</Typography.Paragraph> }}
          columns={[
            { title: t("adm.pub.title"), dataIndex: "title", render: (v: string, r) => <span>{r.pinned && <Tag color="red">{t("adm.pub.pinned")}</Tag>}{v}</span> },
            { title: t("adm.pub.publishedOn"), dataIndex: "publishedOn", width: 110 },
            { title: t("adm.pub.expiresOn"), dataIndex: "expiresOn", width: 110 },
            { title: t("common.status"), dataIndex: "status", width: 90, render: (v: string) => <EnumTag map={PUBLICITY_STATUS_LABELS} value={v} lang={t.lang} /> },
            ...withdrawColumn<Announcement>(t, mayAdd, t("adm.pub.annWithdrawConfirm"), withdraw, message),
          ]}
        />
      </QueryState>
    </div>
  );
}

interface AnnouncementForm {
  title: string;
  body: string;
  pinned: boolean;
  period: [Dayjs, Dayjs];
}

function NewAnnouncement() {
  const t = useT();
  const [form] = Form.useForm<AnnouncementForm>();
  const add = useM("publicity.announcementAdd");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title={t("adm.pub.annNew")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<AnnouncementForm>
        form={form}
        layout="vertical"
        initialValues={{ pinned: false, period: [dayjs(today), dayjs(addDays(today, 90))] }}
        onFinish={(v) => {
          formError.clear();
          add.mutate(
            { title: v.title, body: v.body, pinned: v.pinned, publishedOn: v.period[0].format("YYYY-MM-DD"), expiresOn: v.period[1].format("YYYY-MM-DD"), idempotencyKey: key },
            {
              onSuccess: () => {
                message.success(t("adm.pub.annDone"));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
          <Form.Item name="title" label={t("adm.pub.title")} rules={[need(t, t("adm.pub.annTitle")), maxLen(t, t("adm.pub.annTitle"), 60)]} style={{ flex: "1 1 320px" }}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label={t("adm.pub.annPeriod")} rules={[{ required: true, message: t("adm.pub.annPeriodRequired") }]}>
            <DatePicker.RangePicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="pinned" label={t("adm.pub.pinned")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item name="body" label={t("adm.pub.body")} rules={[need(t, t("adm.pub.annBody")), maxLen(t, t("adm.pub.annBody"), 2000)]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("adm.pub.publish")}
        </Button>
      </Form>
    </Card>
  );
}
