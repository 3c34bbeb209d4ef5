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
import { fmtTime, maxLen, need, newIdemKey, PageHead, type Tr } from "../ops/ops-common.tsx";

type Room = Out<"matching.rooms">[number];

const exportColumns = (t: Tr): ExportColumn<Room>[] => [
  { title: t("adm.room.room"), value: (r) => r.name },
  { title: t("adm.room.capacity"), value: (r) => r.capacity },
  { title: t("common.status"), value: (r) => t(r.active ? "adm.room.active" : "adm.room.inactive") },
  { title: t("ops.c.createdAt"), value: (r) => fmtTime(r.createdAt) },
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
        <ExportButton name={t("nav.rooms")} columns={exportColumns(t)} rows={rows} />
      </PageHead>
      {mayCreate && <NewRoom />}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.room.empty")}>
        <Table<Room>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="middle"
          data-testid="room-list"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t("adm.room.room"), dataIndex: "name" },
            { title: t("adm.room.capacity"), dataIndex: "capacity", width: 120, render: (v: number) => t.f("adm.room.people", { n: v }) },
            { title: t("common.status"), dataIndex: "active", width: 90, render: (v: boolean) => (v ? <Tag color="green">{t("adm.room.active")}</Tag> : <Tag>{t("adm.room.inactive")}</Tag>) },
            { title: t("ops.c.createdAt"), dataIndex: "createdAt", width: 160, render: (v: string) => fmtTime(v) },
          ]}
        />
      </QueryState>
    </div>
  );
}

function NewRoom() {
  const t = useT();
  const [form] = Form.useForm<{ name: string; capacity?: number }>();
  const create = useM("matching.roomCreate");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title={t("adm.room.newTitle")}>
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
                message.success(t.f("ops.c.registeredName", { name: row.name }));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="name" label={t("ops.tool.name")} rules={[need(t, t("adm.room.nameFull")), maxLen(t, t("adm.room.nameFull"), 50)]}>
          <Input placeholder={t("adm.room.namePh")} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="capacity" label={t("adm.room.capacity")} rules={[need(t, t("adm.room.capacity")), { type: "number", min: 1, max: 200, message: t("adm.room.capacityRange") }]}>
          <InputNumber min={1} max={200} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t("ops.c.register")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
