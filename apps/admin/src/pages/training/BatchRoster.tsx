import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import type { Labelled } from "../ops/ops-common.tsx";
import { EnumTag, label, newIdemKey } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import type { Batch } from "./TrainingPage.tsx";

type Enrolment = Out<"training.roster">["enrolments"][number];

export const ENROLMENT_STATUS_LABELS: Record<string, Labelled> = {
  enrolled: { zh: "在训", en: "Enrolled", color: "blue" },
  completed: { zh: "已结业", en: "Completed", color: "green" },
  dropped: { zh: "已退出", en: "Dropped", color: "default" },
};

const EXPORT: ExportColumn<Enrolment>[] = [
  { title: "零工编号", value: (r) => r.workerNo },
  { title: "姓名", value: (r) => r.workerName },
  { title: "状态", value: (r) => label(ENROLMENT_STATUS_LABELS, r.status) },
  { title: "出勤天数", value: (r) => r.daysPresent },
  { title: "已记考勤天数", value: (r) => r.daysRecorded },
  { title: "结业日期", value: (r) => r.completedOn ?? "" },
  { title: "证书编号", value: (r) => r.certificateNo ?? "" },
];

/** One batch's students: enrol at the counter, attendance by day, completion with a certificate. */
export function BatchRoster({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const q = useQ("training.roster", { batchId: batch.id });
  const mayWrite = useCan("training.enrol");
  const today = todayShanghai();
  // Attendance is for a day inside the batch and not in the future.
  const lastDay = batch.endsOn < today ? batch.endsOn : today;
  const [day, setDay] = useState<string>(lastDay);
  const canAttend = batch.startsOn <= today;
  const rows = q.data?.enrolments ?? [];
  const [completing, setCompleting] = useState<Enrolment | null>(null);
  const attend = useM("training.recordAttendance");
  const drop = useM("training.drop");
  const { message } = App.useApp();

  function mark(r: Enrolment, present: boolean) {
    attend.mutate(
      { enrolmentId: r.enrolmentId, day, present, idempotencyKey: newIdemKey() },
      {
        onSuccess: () => message.success(`${r.workerName} ${day} ${present ? "出勤" : "缺勤"}已记录`),
        onError: (e) => message.error(errorInfo(e).message),
      },
    );
  }

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="roster"
      title={
        <span>
          学员名单 · {tradeLabel(batch.trade)} {batch.title}（{batch.startsOn} 至 {batch.endsOn}，{batch.place}）
        </span>
      }
      extra={
        <Space>
          <ExportButton name={`培训名单-${batch.title}`} columns={EXPORT} rows={rows} />
          <Button onClick={onClose}>收起</Button>
        </Space>
      }
    >
      {mayWrite && <Enrol batch={batch} full={batch.enrolled >= batch.capacity} ended={batch.endsOn < today} />}
      {mayWrite && (
        <Space style={{ margin: "12px 0" }}>
          <Typography.Text>考勤日期</Typography.Text>
          <DatePicker
            aria-label="考勤日期"
            allowClear={false}
            disabled={!canAttend}
            value={dayjs(day)}
            disabledDate={(d) => {
              const s = d.format("YYYY-MM-DD");
              return s < batch.startsOn || s > lastDay;
            }}
            onChange={(d: Dayjs | null) => d && setDay(d.format("YYYY-MM-DD"))}
          />
          {!canAttend && <Typography.Text type="secondary">开班后才能记录考勤</Typography.Text>}
        </Space>
      )}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有学员报名">
        <Table<Enrolment>
          rowKey="enrolmentId"
          size="small"
          data-testid="roster-table"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: "零工编号", dataIndex: "workerNo", width: 130, className: "mono" },
            { title: "姓名", dataIndex: "workerName", width: 140 },
            { title: "状态", dataIndex: "status", width: 90, render: (v: string) => <EnumTag map={ENROLMENT_STATUS_LABELS} value={v} lang="zh" /> },
            { title: "出勤", width: 140, render: (_, r) => `${r.daysPresent} 天（记 ${r.daysRecorded} 天）` },
            { title: "结业", width: 200, render: (_, r) => (r.completedOn ? `${r.completedOn}${r.certificateNo ? ` · 证书 ${r.certificateNo}` : ""}` : "") },
            ...(mayWrite
              ? [
                  {
                    title: "操作",
                    render: (_: unknown, r: Enrolment) =>
                      r.status === "enrolled" ? (
                        <Space size={4} wrap>
                          <Button size="small" disabled={!canAttend} loading={attend.isPending} onClick={() => mark(r, true)}>
                            出勤
                          </Button>
                          <Button size="small" disabled={!canAttend} onClick={() => mark(r, false)}>
                            缺勤
                          </Button>
                          <Button size="small" type="primary" disabled={!canAttend} onClick={() => setCompleting(r)}>
                            结业
                          </Button>
                          <Popconfirm
                            title={`确认 ${r.workerName} 退出本期培训？`}
                            okText="退出"
                            cancelText="取消"
                            onConfirm={() =>
                              drop.mutate(
                                { enrolmentId: r.enrolmentId, idempotencyKey: newIdemKey() },
                                { onError: (e) => message.error(errorInfo(e).message) },
                              )
                            }
                          >
                            <Button size="small" danger>
                              退出
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : (
                        <Tag>{label(ENROLMENT_STATUS_LABELS, r.status)}</Tag>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </QueryState>
      {completing && <CompleteModal batch={batch} enrolment={completing} onClose={() => setCompleting(null)} />}
    </Card>
  );
}

function Enrol({ batch, full, ended }: { batch: Batch; full: boolean; ended: boolean }) {
  const [form] = Form.useForm<{ workerId?: string }>();
  const enrol = useM("training.enrol");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  if (ended) return <Alert type="info" showIcon title="该批次已结束，不能再报名" />;
  return (
    <div>
      {full && <Alert type="warning" showIcon title="名额已满" style={{ marginBottom: 8 }} />}
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => {
          formError.clear();
          enrol.mutate(
            { batchId: batch.id, workerId: v.workerId ?? "", idempotencyKey: key },
            {
              onSuccess: () => {
                message.success("已报名");
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="workerId" label="报名零工" rules={[{ required: true, message: "请选择报名的零工" }]} style={{ width: 420 }}>
          <WorkerPicker testId="enrol-worker" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enrol.isPending} disabled={full} data-testid="enrol-submit">
            报名
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

function CompleteModal({ batch, enrolment, onClose }: { batch: Batch; enrolment: Enrolment; onClose: () => void }) {
  const [form] = Form.useForm<{ completedOn: Dayjs; certificateNo?: string }>();
  const complete = useM("training.complete");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key] = useState(newIdemKey);
  const today = todayShanghai();
  const lastDay = batch.endsOn < today ? batch.endsOn : today;
  return (
    <Modal
      open
      title={`结业：${enrolment.workerName}（${enrolment.workerNo}）`}
      okText="确认结业"
      cancelText="取消"
      confirmLoading={complete.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ completedOn: dayjs(lastDay) }}
        onFinish={(v) => {
          formError.clear();
          const cert = v.certificateNo?.trim();
          complete.mutate(
            { enrolmentId: enrolment.enrolmentId, completedOn: v.completedOn.format("YYYY-MM-DD"), ...(cert ? { certificateNo: cert } : {}), idempotencyKey: key },
            {
              onSuccess: () => {
                message.success(`${enrolment.workerName} 已结业`);
                onClose();
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="completedOn" label="结业日期" rules={[{ required: true, message: "请选择结业日期" }]}>
          <DatePicker
            allowClear={false}
            disabledDate={(d) => {
              const s = d.format("YYYY-MM-DD");
              return s < batch.startsOn || s > today;
            }}
          />
        </Form.Item>
        <Form.Item name="certificateNo" label="证书编号（可选）" rules={[{ max: 40, message: "证书编号不能超过 40 个字" }]}>
          <Input placeholder="如：QS-2024-0001" data-testid="certificate-no" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
