import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { todayShanghai, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useCan } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import type { Labelled } from "../ops/ops-common.tsx";
import { EnumTag, label, maxLen, newIdemKey, type Tr } from "../ops/ops-common.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import type { Batch } from "./TrainingPage.tsx";

type Enrolment = Out<"training.roster">["enrolments"][number];

export const ENROLMENT_STATUS_LABELS: Record<string, Labelled> = {
  enrolled: { zh: "在训", en: "Enrolled", color: "blue" },
  completed: { zh: "已结业", en: "Completed", color: "green" },
  dropped: { zh: "已退出", en: "Dropped", color: "default" },
};

const exportColumns = (t: Tr): ExportColumn<Enrolment>[] => [
  { title: t("ops.c.workerNo"), value: (r) => r.workerNo },
  { title: t("ops.c.name"), value: (r) => r.workerName },
  { title: t("common.status"), value: (r) => label(ENROLMENT_STATUS_LABELS, r.status, t.lang) },
  { title: t("hall.train.daysPresent"), value: (r) => r.daysPresent },
  { title: t("hall.train.daysRecorded"), value: (r) => r.daysRecorded },
  { title: t("hall.train.completedOn"), value: (r) => r.completedOn ?? "" },
  { title: t("hall.train.certNo"), value: (r) => r.certificateNo ?? "" },
];

/** One batch's students: enrol at the counter, attendance by day, completion with a certificate. */
export function BatchRoster({ batch, onClose }: { batch: Batch; onClose: () => void }) {
  const t = useT();
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
        onSuccess: () => message.success(t.f(present ? "hall.train.presentDone" : "hall.train.absentDone", { name: r.workerName, day })),
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
          {t.f("hall.train.rosterTitle", { trade: tradeLabel(batch.trade, t.lang), title: batch.title, a: batch.startsOn, b: batch.endsOn, place: batch.place })}
        </span>
      }
      extra={
        <Space>
          <ExportButton name={t.f("hall.train.rosterExport", { title: batch.title })} columns={exportColumns(t)} rows={rows} />
          <Button onClick={onClose}>{t("hall.train.collapse")}</Button>
        </Space>
      }
    >
      {mayWrite && <Enrol batch={batch} full={batch.enrolled >= batch.capacity} ended={batch.endsOn < today} />}
      {mayWrite && (
        <Space style={{ margin: "12px 0" }}>
          <Typography.Text>{t("hall.train.attendanceDay")}</Typography.Text>
          <DatePicker
            aria-label={t("hall.train.attendanceDay")}
            allowClear={false}
            disabled={!canAttend}
            value={dayjs(day)}
            disabledDate={(d) => {
              const s = d.format("YYYY-MM-DD");
              return s < batch.startsOn || s > lastDay;
            }}
            onChange={(d: Dayjs | null) => d && setDay(d.format("YYYY-MM-DD"))}
          />
          {!canAttend && <Typography.Text type="secondary">{t("hall.train.notStarted")}</Typography.Text>}
        </Space>
      )}
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("hall.train.rosterEmpty")}>
        <Table<Enrolment>
          rowKey="enrolmentId"
          size="small"
          data-testid="roster-table"
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t("ops.c.workerNo"), dataIndex: "workerNo", width: 130, className: "mono" },
            { title: t("ops.c.name"), dataIndex: "workerName", width: 140 },
            { title: t("common.status"), dataIndex: "status", width: 90, render: (v: string) => <EnumTag map={ENROLMENT_STATUS_LABELS} value={v} lang={t.lang} /> },
            { title: t("hall.train.present"), width: 140, render: (_, r) => t.f("hall.train.presentOf", { n: r.daysPresent, m: r.daysRecorded }) },
            { title: t("hall.train.complete"), width: 200, render: (_, r) => (r.completedOn ? `${r.completedOn}${r.certificateNo ? t.f("hall.train.certSuffix", { no: r.certificateNo }) : ""}` : "") },
            ...(mayWrite
              ? [
                  {
                    title: t("common.actions"),
                    render: (_: unknown, r: Enrolment) =>
                      r.status === "enrolled" ? (
                        <Space size={4} wrap>
                          <Button size="small" disabled={!canAttend} loading={attend.isPending} onClick={() => mark(r, true)}>
                            {t("hall.train.present")}
                          </Button>
                          <Button size="small" disabled={!canAttend} onClick={() => mark(r, false)}>
                            {t("hall.train.absent")}
                          </Button>
                          <Button size="small" type="primary" disabled={!canAttend} onClick={() => setCompleting(r)}>
                            {t("hall.train.complete")}
                          </Button>
                          <Popconfirm
                            title={t.f("hall.train.dropConfirm", { name: r.workerName })}
                            okText={t("hall.train.drop")}
                            cancelText={t("common.cancel")}
                            onConfirm={() =>
                              drop.mutate(
                                { enrolmentId: r.enrolmentId, idempotencyKey: newIdemKey() },
                                { onError: (e) => message.error(errorInfo(e).message) },
                              )
                            }
                          >
                            <Button size="small" danger>
                              {t("hall.train.drop")}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : (
                        <Tag>{label(ENROLMENT_STATUS_LABELS, r.status, t.lang)}</Tag>
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
  const t = useT();
  const [form] = Form.useForm<{ workerId?: string }>();
  const enrol = useM("training.enrol");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  if (ended) return <Alert type="info" showIcon title={t("hall.train.ended")} />;
  return (
    <div>
      {full && <Alert type="warning" showIcon title={t("hall.train.full")} style={{ marginBottom: 8 }} />}
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
                message.success(t("hall.train.enrolDone"));
                form.resetFields();
                setKey(newIdemKey());
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="workerId" label={t("hall.train.enrolWorker")} rules={[{ required: true, message: t("hall.train.enrolWorkerRequired") }]} style={{ width: 420 }}>
          <WorkerPicker testId="enrol-worker" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={enrol.isPending} disabled={full} data-testid="enrol-submit">
            {t("hall.train.enrol")}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

function CompleteModal({ batch, enrolment, onClose }: { batch: Batch; enrolment: Enrolment; onClose: () => void }) {
  const t = useT();
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
      title={t.f("hall.train.completeTitle", { name: enrolment.workerName, no: enrolment.workerNo })}
      okText={t("hall.train.completeOk")}
      cancelText={t("common.cancel")}
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
                message.success(t.f("hall.train.completeDone", { name: enrolment.workerName }));
                onClose();
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="completedOn" label={t("hall.train.completedOn")} rules={[{ required: true, message: t.f("ops.v.choose", { name: t("hall.train.completedOn") }) }]}>
          <DatePicker
            allowClear={false}
            disabledDate={(d) => {
              const s = d.format("YYYY-MM-DD");
              return s < batch.startsOn || s > today;
            }}
          />
        </Form.Item>
        <Form.Item name="certificateNo" label={t("hall.train.certNoOptional")} rules={[maxLen(t, t("hall.train.certNo"), 40)]}>
          <Input placeholder={t("hall.train.certPh")} data-testid="certificate-no" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
