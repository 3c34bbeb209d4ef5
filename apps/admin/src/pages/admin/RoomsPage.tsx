import { Alert, App, Button, Card, Form, Input, InputNumber, Table, Tag } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { fmtTime, newIdemKey, PageHead, req } from "../ops/ops-common.tsx";

type Room = Out<"matching.rooms">[number];

const EXPORT: ExportColumn<Room>[] = [
  { title: "洽谈室", value: (r) => r.name },
  { title: "容纳人数", value: (r) => r.capacity },
  { title: "状态", value: (r) => (r.active ? "可用" : "停用") },
  { title: "登记时间", value: (r) => fmtTime(r.createdAt) },
];

/** The negotiation room catalogue (R5): bookings are sized against each room's capacity. */
export default function RoomsPage() {
  const t = useT();
  const q = useQ("matching.rooms");
  const mayCreate = useCan("matching.roomCreate");
  const rows = q.data ?? [];
  return (
    <div>
      <PageHead title={t("nav.rooms")}>
        <ExportButton name="洽谈室目录" columns={EXPORT} rows={rows} />
      </PageHead>
      {mayCreate && <NewRoom />}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有登记洽谈室">
        <Table<Room>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="middle"
          data-testid="room-list"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "洽谈室", dataIndex: "name" },
            { title: "容纳人数", dataIndex: "capacity", width: 120, render: (v: number) => `${v} 人` },
            { title: "状态", dataIndex: "active", width: 90, render: (v: boolean) => (v ? <Tag color="green">可用</Tag> : <Tag>停用</Tag>) },
            { title: "登记时间", dataIndex: "createdAt", width: 160, render: (v: string) => fmtTime(v) },
          ]}
        />
      </QueryState>
    </div>
  );
}

function NewRoom() {
  const [form] = Form.useForm<{ name: string; capacity?: number }>();
  const create = useM("matching.roomCreate");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title="登记洽谈室">
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ capacity: 6 }}
        onFinish={(v) => {
          formError.clear();
          create.mutate(
            { name: v.name, capacity: v.capacity ?? 0, idempotencyKey: key },
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
        <Form.Item name="name" label="名称" rules={[req("洽谈室名称"), { max: 50, message: "洽谈室名称不能超过 50 个字" }]}>
          <Input placeholder="如：一号洽谈室" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="capacity" label="容纳人数" rules={[req("容纳人数"), { type: "number", min: 1, max: 200, message: "容纳人数应在 1–200 人之间" }]}>
          <InputNumber min={1} max={200} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            登记
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
