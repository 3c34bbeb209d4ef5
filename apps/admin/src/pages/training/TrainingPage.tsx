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
import { newIdemKey, PageHead, req } from "../ops/ops-common.tsx";
import { BatchRoster } from "./BatchRoster.tsx";

export type Course = Out<"training.listCourses">[number];
export type Batch = Out<"training.listBatches">[number];

const COURSE_EXPORT: ExportColumn<Course>[] = [
  { title: "工种", value: (r) => tradeLabel(r.trade) },
  { title: "课程", value: (r) => r.title },
  { title: "学时", value: (r) => r.hours ?? "" },
  { title: "收费", value: (r) => (r.free ? "免费" : "收费") },
];
const BATCH_EXPORT: ExportColumn<Batch>[] = [
  { title: "工种", value: (r) => tradeLabel(r.trade) },
  { title: "课程", value: (r) => r.title },
  { title: "开班日期", value: (r) => r.startsOn },
  { title: "结束日期", value: (r) => r.endsOn },
  { title: "地点", value: (r) => r.place },
  { title: "名额", value: (r) => r.capacity },
  { title: "已报名", value: (r) => r.enrolled },
  { title: "已结业", value: (r) => r.completed },
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
        <ExportButton name="培训课程" columns={COURSE_EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有培训课程，请先登记课程">
        <Table<Course>
          rowKey="id"
          size="middle"
          data-testid="course-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 门` }}
          columns={[
            { title: "工种", dataIndex: "trade", width: 140, render: (v: string) => tradeLabel(v, t.lang) },
            { title: "课程", dataIndex: "title" },
            { title: "学时", dataIndex: "hours", width: 90 },
            { title: "收费", dataIndex: "free", width: 90, render: (v: boolean) => (v ? <Tag color="green">免费</Tag> : <Tag>收费</Tag>) },
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
  const [form] = Form.useForm<CourseForm>();
  const create = useM("training.createCourse");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  return (
    <Card size="small" title="登记课程">
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
                message.success(`已登记课程：${row.title}`);
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="trade" label="工种" rules={[req("工种", "请选择")]}>
          <TradeSelect style={{ width: 180 }} data-testid="course-trade" />
        </Form.Item>
        <Form.Item name="title" label="课程名称" rules={[req("课程名称"), { max: 100, message: "课程名称不能超过 100 个字" }]}>
          <Input placeholder="如：砌筑工初级培训" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ type: "number", min: 1, max: 2000, message: "学时应在 1–2000 之间" }]}>
          <InputNumber min={1} max={2000} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="free" label="免费" valuePropName="checked">
          <Switch checkedChildren="免费" unCheckedChildren="收费" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="course-submit">
            登记
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
        <ExportButton name="培训批次" columns={BATCH_EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有培训批次">
        <Table<Batch>
          rowKey="id"
          size="middle"
          data-testid="batch-list"
          dataSource={rows}
          pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 期` }}
          rowClassName={(r) => (r.id === open ? "ant-table-row-selected" : "")}
          columns={[
            { title: "工种", dataIndex: "trade", width: 110, render: (v: string) => tradeLabel(v, t.lang) },
            { title: "课程", dataIndex: "title" },
            { title: "培训期间", width: 210, render: (_, r) => `${r.startsOn} 至 ${r.endsOn}` },
            { title: "地点", dataIndex: "place", width: 160 },
            { title: "报名 / 名额", width: 110, render: (_, r) => <Tag color={r.enrolled >= r.capacity ? "red" : "blue"}>{`${r.enrolled} / ${r.capacity}`}</Tag> },
            { title: "已结业", dataIndex: "completed", width: 80 },
            {
              title: t("common.actions"),
              width: 90,
              render: (_, r) => (
                <Button size="small" type={r.id === open ? "primary" : "default"} onClick={() => setOpen(r.id === open ? null : r.id)}>
                  学员名单
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
    <Card size="small" title="开设培训批次">
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
                message.success(`已开设批次：${row.startsOn} 至 ${row.endsOn}`);
                form.resetFields();
                setKey(newIdemKey());
                onCreated(row.id);
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="courseId" label="课程" rules={[req("课程", "请选择")]}>
          <Select
            data-testid="batch-course"
            style={{ width: 220 }}
            showSearch={{ optionFilterProp: "label" }}
            loading={courses.isPending}
            notFoundContent="还没有课程，请先在“课程”页登记"
            options={(courses.data ?? []).map((c) => ({ value: c.id, label: `${tradeLabel(c.trade, t.lang)} · ${c.title}` }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label="培训期间"
          rules={[
            { required: true, message: "请选择培训期间（开班和结束日期）" },
            {
              validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                if (v && v[1].diff(v[0], "day") > 366) throw new Error("培训期间不能超过一年");
              },
            },
          ]}
        >
          <DatePicker.RangePicker style={{ width: 250 }} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
        </Form.Item>
        <Form.Item name="capacity" label="名额" rules={[req("名额"), { type: "number", min: 1, max: 500, message: "名额应在 1–500 人之间" }]}>
          <InputNumber min={1} max={500} precision={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[req("培训地点"), { max: 100, message: "培训地点不能超过 100 个字" }]}>
          <Input placeholder="如：市场二楼培训室" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="batch-submit">
            开设
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
