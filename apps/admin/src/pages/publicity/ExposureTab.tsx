import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Typography } from "antd";
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
import { EnumTag, fmtTime, label, maxLen, need, newIdemKey, type Tr } from "../ops/ops-common.tsx";
import { EmployerPicker } from "../ops/EmployerPicker.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { offenceLabel, stepLabel } from "../sanctions/ladder.tsx";
import { EXPOSURE_SUBJECT_LABELS, PUBLICITY_STATUS_LABELS, shownNow } from "./publicity-common.ts";

type Exposure = Out<"publicity.exposureList">[number];

/** Exposure is a penalty listing: at most a year (国办发〔2020〕49号), as the API enforces. */
const MAX_DAYS = 365;
/** Prefilled text that goes on the public exposure board, so Chinese whatever the desk's language. */
const DEFAULT_APPEAL = "如有异议，可自公示之日起 15 日内向零工市场负责人书面申诉；整改到位后可申请信用修复，提前撤下。";

const exportColumns = (t: Tr): ExportColumn<Exposure>[] => [
  { title: t("adm.pub.subjectType"), value: (r) => label(EXPOSURE_SUBJECT_LABELS, r.subject, t.lang) },
  { title: t("adm.pub.subject"), value: (r) => r.workerName ?? r.employerName ?? "" },
  { title: t("adm.pub.facts"), value: (r) => r.facts },
  { title: t("ops.c.basis"), value: (r) => r.legalBasis },
  { title: t("adm.pub.periodStart"), value: (r) => r.periodStart },
  { title: t("adm.pub.periodEnd"), value: (r) => r.periodEnd },
  { title: t("adm.pub.appealInfo"), value: (r) => r.appealInfo },
  { title: t("common.status"), value: (r) => label(PUBLICITY_STATUS_LABELS, r.status, t.lang) },
  { title: t("adm.pub.endReason"), value: (r) => r.statusReason ?? "" },
  { title: t("adm.pub.createdBy"), value: (r) => r.createdByName },
  { title: t("ops.c.createdAt"), value: (r) => fmtTime(r.createdAt) },
];

export function ExposureTab() {
  const t = useT();
  const q = useQ("publicity.exposureList", { limit: 500 });
  const mayAdd = useCan("publicity.exposureAdd");
  const [ending, setEnding] = useState<Exposure | null>(null);
  const rows = q.data ?? [];
  const today = todayShanghai();
  return (
    <div>
      {mayAdd ? <NewExposure /> : <Alert type="info" showIcon title={t("adm.pub.expHeadOnly")} />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name={t("adm.publicity.exposure")} columns={exportColumns(t)} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.pub.expEmpty")}>
        <Table<Exposure>
          rowKey="id"
          size="middle"
          data-testid="exposure-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("ops.c.total", { n }) }}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <div>{t.f("adm.pub.appealInfoLine", { s: r.appealInfo })}</div>
                {r.statusReason && <div>{t.f("adm.pub.endReasonLine", { s: r.statusReason })}</div>}
                <Typography.Text type="secondary">
                  {t.f("adm.pub.createdLine", { by: r.createdByName, at: fmtTime(r.createdAt) })}
                </Typography.Text>
              </div>
            ),
          }}
          columns={[
            { title: t("adm.pub.subject"), width: 180, render: (_, r) => t.f("ops.c.titled", { a: label(EXPOSURE_SUBJECT_LABELS, r.subject, t.lang), b: r.workerName ?? r.employerName ?? "" }) },
            { title: t("adm.pub.facts"), dataIndex: "facts", ellipsis: true },
            { title: t("ops.c.basis"), dataIndex: "legalBasis", ellipsis: true },
            { title: t("adm.pub.period"), width: 200, render: (_, r) => t.f("ops.c.range", { a: r.periodStart, b: r.periodEnd }) },
            {
              title: t("common.status"),
              width: 100,
              render: (_, r) => (r.status === "active" && !shownNow(r, today) ? <Typography.Text type="secondary">{t(r.periodEnd < today ? "adm.pub.expired" : "adm.pub.notStarted")}</Typography.Text> : <EnumTag map={PUBLICITY_STATUS_LABELS} value={r.status} lang={t.lang} />),
            },
            ...(mayAdd
              ? [
                  {
                    title: t("common.actions"),
                    width: 90,
                    render: (_: unknown, r: Exposure) =>
                      r.status === "active" && (
                        <Button size="small" onClick={() => setEnding(r)}>
                          {t("adm.pub.endEarly")}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </QueryState>
      {ending && <EndExposure entry={ending} onClose={() => setEnding(null)} />}
    </div>
  );
}

interface ExposureForm {
  subject: "worker" | "employer";
  workerId?: string;
  sanctionId?: string;
  employerId?: string;
  complaintId?: string;
  facts: string;
  legalBasis: string;
  period: [Dayjs, Dayjs];
  appealInfo: string;
}

function NewExposure() {
  const t = useT();
  const [form] = Form.useForm<ExposureForm>();
  const subject = Form.useWatch("subject", form) ?? "worker";
  const workerId = Form.useWatch("workerId", form);
  const employerId = Form.useWatch("employerId", form);
  const sanctions = useQ("sanctions.list", { workerId: workerId ?? "", status: "approved", limit: 50 }, { enabled: subject === "worker" && !!workerId });
  const complaints = useQ("complaints.list", { employerId: employerId ?? "", limit: 100 }, { enabled: subject === "employer" && !!employerId });
  const add = useM("publicity.exposureAdd");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  const upheld = (complaints.data ?? []).filter((c) => c.upheld === true && c.respondent === "employer");
  return (
    <Card size="small" title={t("adm.pub.expNewTitle")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="exposure-error" />}
      <Form<ExposureForm>
        form={form}
        layout="vertical"
        initialValues={{ subject: "worker", period: [dayjs(today), dayjs(addDays(today, 89))], appealInfo: DEFAULT_APPEAL }}
        onValuesChange={(changed: Partial<ExposureForm>) => {
          if ("workerId" in changed) form.setFieldValue("sanctionId", undefined);
          if ("employerId" in changed) form.setFieldValue("complaintId", undefined);
        }}
        onFinish={(v) => {
          formError.clear();
          const base = {
            facts: v.facts,
            legalBasis: v.legalBasis,
            periodStart: v.period[0].format("YYYY-MM-DD"),
            periodEnd: v.period[1].format("YYYY-MM-DD"),
            appealInfo: v.appealInfo,
            idempotencyKey: key,
          };
          const input =
            v.subject === "worker"
              ? { ...base, subject: "worker" as const, workerId: v.workerId, sanctionId: v.sanctionId }
              : { ...base, subject: "employer" as const, employerId: v.employerId, complaintId: v.complaintId };
          add.mutate(input, {
            onSuccess: () => {
              message.success(t("adm.pub.expDone"));
              form.resetFields();
              setKey(newIdemKey());
            },
            onError: (e) => formError.show(e),
          });
        }}
      >
        <Form.Item name="subject" label={t("adm.pub.expSubject")}>
          <Radio.Group
            options={[
              { value: "worker", label: t("adm.pub.expWorker") },
              { value: "employer", label: t("adm.pub.expEmployer") },
            ]}
          />
        </Form.Item>
        {subject === "worker" ? (
          <Space align="start" wrap>
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 380 }}>
              <WorkerPicker testId="exposure-worker" />
            </Form.Item>
            <Form.Item name="sanctionId" label={t("adm.pub.expSanction")} rules={[{ required: true, message: t("adm.pub.expSanctionRequired") }]} style={{ width: 380 }}>
              <Select
                data-testid="exposure-sanction"
                loading={sanctions.isFetching}
                disabled={!workerId}
                notFoundContent={workerId ? t("adm.pub.expNoSanction") : t("adm.pub.expPickWorker")}
                options={(sanctions.data ?? []).map((s) => ({ value: s.id, label: `${s.occurredOn} ${offenceLabel(s.offence, t.lang)} · ${stepLabel(s.step, t.lang)}` }))}
              />
            </Form.Item>
          </Space>
        ) : (
          <Space align="start" wrap>
            <Form.Item name="employerId" label={t("adm.pub.employer")} rules={[{ required: true, message: t.f("ops.v.choose", { name: t("adm.pub.employer") }) }]} style={{ width: 380 }}>
              <EmployerPicker testId="exposure-employer" />
            </Form.Item>
            <Form.Item name="complaintId" label={t("adm.pub.expComplaint")} rules={[{ required: true, message: t("adm.pub.expComplaintRequired") }]} style={{ width: 380 }}>
              <Select
                loading={complaints.isFetching}
                disabled={!employerId}
                notFoundContent={employerId ? t("adm.pub.expNoComplaint") : t("adm.pub.expPickEmployer")}
                options={upheld.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.description.slice(0, 20)}` }))}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="facts" label={t("adm.pub.facts")} rules={[need(t, t("adm.pub.factsFull")), maxLen(t, t("adm.pub.factsFull"), 500)]}>
          <Input.TextArea rows={2} showCount maxLength={500} placeholder={t("adm.pub.factsPh")} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("adm.pub.legalBasis")} rules={[need(t, t("adm.pub.legalBasis")), maxLen(t, t("adm.pub.legalBasis"), 300)]}>
          <Input.TextArea rows={2} showCount maxLength={300} placeholder={t("adm.pub.legalBasisPh")} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="period"
            label={t("adm.pub.period")}
            rules={[
              { required: true, message: t.f("ops.v.choose", { name: t("adm.pub.period") }) },
              {
                validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                  if (v && v[1].diff(v[0], "day") > MAX_DAYS) throw new Error(t.f("adm.pub.periodMax", { n: MAX_DAYS }));
                  if (v && v[1].format("YYYY-MM-DD") < today) throw new Error(t("adm.pub.periodPast"));
                },
              },
            ]}
          >
            <DatePicker.RangePicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="appealInfo" label={t("adm.pub.appealRoute")} rules={[need(t, t("adm.pub.appealRoute")), maxLen(t, t("adm.pub.appealRouteShort"), 300)]} style={{ width: 640 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="exposure-submit">
            {t("adm.pub.expSubmit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function EndExposure({ entry, onClose }: { entry: Exposure; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ status: "withdrawn" | "repaired"; reason: string }>();
  const end = useM("publicity.exposureEnd");
  const formError = useFormError(form);
  const [key] = useState(newIdemKey);
  return (
    <Modal open title={t.f("adm.pub.endTitle", { name: entry.workerName ?? entry.employerName ?? "" })} okText={t("ops.c.confirm")} cancelText={t("common.cancel")} confirmLoading={end.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: "repaired" }}
        onFinish={(v) => {
          formError.clear();
          end.mutate({ id: entry.id, status: v.status, reason: v.reason, idempotencyKey: key }, { onSuccess: onClose, onError: (e) => formError.show(e) });
        }}
      >
        <Form.Item name="status" label={t("adm.pub.endHow")}>
          <Radio.Group
            options={[
              { value: "repaired", label: t("adm.pub.endRepaired") },
              { value: "withdrawn", label: t("adm.pub.endWithdrawn") },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t("adm.pub.reason")} rules={[need(t, t("adm.pub.endReason")), maxLen(t, t("adm.pub.endReason"), 300)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
