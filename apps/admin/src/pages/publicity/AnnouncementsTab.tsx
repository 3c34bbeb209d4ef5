import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, Switch, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, label, newIdemKey, req } from "../ops/ops-common.tsx";
import { withdrawColumn } from "./withdraw-column.tsx";
import { PUBLICITY_STATUS_LABELS } from "./publicity-common.ts";

type Announcement = Out<"publicity.announcementList">[number];

const EXPORT: ExportColumn<Announcement>[] = [
  { title: "标题", value: (r) => r.title },
  { title: "内容", value: (r) => r.body },
  { title: "置顶", value: (r) => (r.pinned ? "是" : "否") },
  { title: "发布日期", value: (r) => r.publishedOn },
  { title: "失效日期", value: (r) => r.expiresOn },
  { title: "状态", value: (r) => label(PUBLICITY_STATUS_LABELS, r.status) },
];

export function AnnouncementsTab() {
  const q = useQ("publicity.announcementList", { limit: 500 });
  const mayAdd = useCan("publicity.announcementAdd");
  const withdraw = useM("publicity.announcementWithdraw");
  const { message } = App.useApp();
  const rows = q.data ?? [];
  return (
    <div>
      {mayAdd && <NewAnnouncement />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name="公告" columns={EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有发布公告">
        <Table<Announcement>
          rowKey="id"
          size="middle"
          data-testid="announcement-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>{r.body}</Typography.Paragraph> }}
          columns={[
            { title: "标题", dataIndex: "title", render: (v: string, r) => <span>{r.pinned && <Tag color="red">置顶</Tag>}{v}</span> },
            { title: "发布日期", dataIndex: "publishedOn", width: 110 },
            { title: "失效日期", dataIndex: "expiresOn", width: 110 },
            { title: "状态", dataIndex: "status", width: 90, render: (v: string) => <EnumTag map={PUBLICITY_STATUS_LABELS} value={v} lang="zh" /> },
            ...withdrawColumn<Announcement>(mayAdd, "撤下这条公告？", withdraw, message),
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
  const [form] = Form.useForm<AnnouncementForm>();
  const add = useM("publicity.announcementAdd");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title="发布公告">
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
                message.success("公告已发布");
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
          <Form.Item name="title" label="标题" rules={[req("公告标题"), { max: 60, message: "公告标题不能超过 60 个字" }]} style={{ flex: "1 1 320px" }}>
            <Input />
          </Form.Item>
          <Form.Item name="period" label="发布至失效日期" rules={[{ required: true, message: "请选择发布和失效日期" }]}>
            <DatePicker.RangePicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="pinned" label="置顶" valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
        <Form.Item name="body" label="内容" rules={[req("公告内容"), { max: 2000, message: "公告内容不能超过 2000 个字" }]}>
          <Input.TextArea rows={3} showCount maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          发布
        </Button>
      </Form>
    </Card>
  );
}
