import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Switch, Table, Tabs, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai, tradeLabel } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { maxLen, need, newIdemKey, PageHead, type Tr } from "../ops/ops-common.tsx";
import { BatchRoster } from "./BatchRoster.tsx";

export type Course = Out<"training.listCourses">[number];
export type Batch = Out<"training.listBatches">[number];

const courseExport = (t: Tr): ExportColumn<Course>[] => [
  { title: t("ops.c.trade"), value: (r) => tradeLabel(r.trade, t.lang) },
  { title: t("hall.train.course"), value: (r) => r.title },
  { title: t("hall.train.hours"), value: (r) => r.hours ?? "" },
  { title: t("ops.c.fee"), value: (r) => t(r.free ? "ops.c.free" : "ops.c.paid") },
];
const batchExport = (t: Tr): ExportColumn<Batch>[] => [
  { title: t("ops.c.trade"), value: (r) => tradeLabel(r.trade, t.lang) },
  { title: t("hall.train.course"), value: (r) => r.title },
  { title: t("hall.train.startsOn"), value: (r) => r.startsOn },
  { title: t("hall.train.endsOn"), value: (r) => r.endsOn },
  { title: t("hall.train.place"), value: (r) => r.place },
  { title: t("hall.train.capacity"), value: (r) => r.capacity },
  { title: t("hall.train.enrolled"), value: (r) => r.enrolled },
  { title: t("hall.train.completed"), value: (r) => r.completed },
];

/** M6 skills training: courses by trade, batches with capacity, the roster of each batch. */
export default function TrainingPage() {
  const t = useT();
  const [tab, setTab] = useState("batches");
  return (
    <div>
      <PageHead title={t("nav.training")} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "batches", label: t("adm.training.batches"), children: <Batches /> },
          { key: "courses", label: t("adm.training.courses"), children: <Courses /> },
        ]}
      />
    </div>
  );
}

function Courses() {
  const t = useT();
  const q = useQ("training.listCourses", {});
  const mayCreate = useCan("training.createCourse");
  const rows = q.data ?? [];
  return (
    <div>
      {mayCreate && <NewCourse />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name={t("hall.train.courseExport")} columns={courseExport(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("hall.train.courseEmpty")}>
        <Table<Course>
          rowKey="id"
          size="middle"
          data-testid="course-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("hall.train.courseTotal", { n }) }}
          columns={[
            { title: t("ops.c.trade"), dataIndex: "trade", width: 140, render: (v: string) => tradeLabel(v, t.lang) },
            { title: t("hall.train.course"), dataIndex: "title" },
            { title: t("hall.train.hours"), dataIndex: "hours", width: 90 },
            { title: t("ops.c.fee"), dataIndex: "free", width: 90, render: (v: boolean) => (v ? <Tag color="green">{t("ops.c.free")}</Tag> : <Tag>{t("ops.c.paid")}</Tag>) },
          ]}
        />
      </QueryState>
    </div>
  );
}

interface CourseForm {
  trade?: string;
  title: string;
  hours?: number | null;
  free: boolean;
}

function NewCourse() {
  const t = useT();
  const [form] = Form.useForm<CourseForm>();
  const create = useM("training.createCourse");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title={t("hall.train.newCourse")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<CourseForm>
        form={form}
        layout="inline"
        initialValues={{ free: true }}
        onFinish={(v) => {
          formError.clear();
          create.mutate(
            { trade: v.trade ?? "", title: v.title, hours: v.hours ?? undefined, free: v.free, idempotencyKey: key },
            {
              onSuccess: (row) => {
                message.success(t.f("hall.train.courseAdded", { title: row.title }));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="trade" label={t("ops.c.trade")} rules={[need(t, t("ops.c.trade"), true)]}>
          <TradeSelect style={{ width: 180 }} data-testid="course-trade" />
        </Form.Item>
        <Form.Item name="title" label={t("hall.train.courseName")} rules={[need(t, t("hall.train.courseName")), maxLen(t, t("hall.train.courseName"), 100)]}>
          <Input placeholder={t("hall.train.courseNamePh")} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="hours" label={t("hall.train.hours")} rules={[{ type: "number", min: 1, max: 2000, message: t("hall.train.hoursRange") }]}>
          <InputNumber min={1} max={2000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="free" label={t("ops.c.free")} valuePropName="checked">
          <Switch checkedChildren={t("ops.c.free")} unCheckedChildren={t("ops.c.paid")} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="course-submit">
            {t("ops.c.register")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function Batches() {
  const t = useT();
  const q = useQ("training.listBatches", { limit: 200 });
  const mayCreate = useCan("training.createBatch");
  const [open, setOpen] = useState<string | null>(null);
  const rows = q.data ?? [];
  const current = rows.find((r) => r.id === open) ?? null;
  return (
    <div>
      {mayCreate && <NewBatch onCreated={setOpen} />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name={t("adm.training.batches")} columns={batchExport(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("hall.train.batchEmpty")}>
        <Table<Batch>
          rowKey="id"
          size="middle"
          data-testid="batch-list"
          dataSource={rows}
          pagination={{ pageSize: 10, showTotal: (n) => t.f("hall.train.batchTotal", { n }) }}
          rowClassName={(r) => (r.id === open ? "ant-table-row-selected" : "")}
          columns={[
            { title: t("ops.c.trade"), dataIndex: "trade", width: 110, render: (v: string) => tradeLabel(v, t.lang) },
            { title: t("hall.train.course"), dataIndex: "title" },
            { title: t("hall.train.period"), width: 210, render: (_, r) => t.f("ops.c.range", { a: r.startsOn, b: r.endsOn }) },
            { title: t("hall.train.place"), dataIndex: "place", width: 160 },
            { title: t("hall.train.enrolledOfCapacity"), width: 110, render: (_, r) => <Tag color={r.enrolled >= r.capacity ? "red" : "blue"}>{`${r.enrolled} / ${r.capacity}`}</Tag> },
            { title: t("hall.train.completed"), dataIndex: "completed", width: 80 },
            {
              title: t("common.actions"),
              width: 90,
              render: (_, r) => (
                <Button size="small" type={r.id === open ? "primary" : "default"} onClick={() => setOpen(r.id === open ? null : r.id)}>
                  {t("hall.train.roster")}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
      {current && <BatchRoster batch={current} onClose={() => setOpen(null)} />}
    </div>
  );
}

interface BatchForm {
  courseId?: string;
  period?: [Dayjs, Dayjs];
  capacity?: number;
  place: string;
}

function NewBatch({ onCreated }: { onCreated: (id: string) => void }) {
  const t = useT();
  const courses = useQ("training.listCourses", {});
  const [form] = Form.useForm<BatchForm>();
  const create = useM("training.createBatch");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <Card size="small" title={t("hall.train.newBatch")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form<BatchForm>
        form={form}
        layout="inline"
        initialValues={{ capacity: 30 }}
        onFinish={(v) => {
          formError.clear();
          const [start, end] = v.period ?? [];
          create.mutate(
            {
              courseId: v.courseId ?? "",
              startsOn: start?.format("YYYY-MM-DD") ?? "",
              endsOn: end?.format("YYYY-MM-DD") ?? "",
              capacity: v.capacity ?? 0,
              place: v.place,
              idempotencyKey: key,
            },
            {
              onSuccess: (row) => {
                message.success(t.f("hall.train.batchAdded", { a: row.startsOn, b: row.endsOn }));
                form.resetFields();
                setKey(newIdemKey());
                onCreated(row.id);
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="courseId" label={t("hall.train.course")} rules={[need(t, t("hall.train.course"), true)]}>
          <Select
            data-testid="batch-course"
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: "label" }}
            loading={courses.isPending}
            notFoundContent={t("hall.train.noCourse")}
            options={(courses.data ?? []).map((c) => ({ value: c.id, label: `${tradeLabel(c.trade, t.lang)} · ${c.title}` }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t("hall.train.period")}
          rules={[
            { required: true, message: t("hall.train.periodRequired") },
            {
              validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                if (v && v[1].diff(v[0], "day") > 366) throw new Error(t("hall.train.periodMax"));
              },
            },
          ]}
        >
          <DatePicker.RangePicker style={{ width: 250 }} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
        </Form.Item>
        <Form.Item name="capacity" label={t("hall.train.capacity")} rules={[need(t, t("hall.train.capacity")), { type: "number", min: 1, max: 500, message: t("hall.train.capacityRange") }]}>
          <InputNumber min={1} max={500} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="place" label={t("hall.train.place")} rules={[need(t, t("hall.train.placeFull")), maxLen(t, t("hall.train.placeFull"), 100)]}>
          <Input placeholder={t("hall.train.placePh")} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="batch-submit">
            {t("hall.train.open")}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
