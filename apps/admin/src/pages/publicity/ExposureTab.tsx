import { addDays } from "@lingong/core";
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Typography } from "antd";
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
import { EnumTag, fmtTime, label, newIdemKey, req } from "../ops/ops-common.tsx";
import { EmployerPicker } from "../ops/EmployerPicker.tsx";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";
import { offenceLabel, stepLabel } from "../sanctions/ladder.tsx";
import { EXPOSURE_SUBJECT_LABELS, PUBLICITY_STATUS_LABELS, shownNow } from "./publicity-common.ts";

type Exposure = Out<"publicity.exposureList">[number];

/** Exposure is a penalty listing: at most a year (国办发〔2020〕49号), as the API enforces. */
const MAX_DAYS = 365;
const DEFAULT_APPEAL = "如有异议，可自公示之日起 15 日内向零工市场负责人书面申诉；整改到位后可申请信用修复，提前撤下。";

const EXPORT: ExportColumn<Exposure>[] = [
  { title: "对象类型", value: (r) => label(EXPOSURE_SUBJECT_LABELS, r.subject) },
  { title: "对象", value: (r) => r.workerName ?? r.employerName ?? "" },
  { title: "事实", value: (r) => r.facts },
  { title: "依据", value: (r) => r.legalBasis },
  { title: "公示开始", value: (r) => r.periodStart },
  { title: "公示结束", value: (r) => r.periodEnd },
  { title: "申诉与信用修复", value: (r) => r.appealInfo },
  { title: "状态", value: (r) => label(PUBLICITY_STATUS_LABELS, r.status) },
  { title: "结束原因", value: (r) => r.statusReason ?? "" },
  { title: "登记人", value: (r) => r.createdByName },
  { title: "登记时间", value: (r) => fmtTime(r.createdAt) },
];

export function ExposureTab() {
  const q = useQ("publicity.exposureList", { limit: 500 });
  const mayAdd = useCan("publicity.exposureAdd");
  const [ending, setEnding] = useState<Exposure | null>(null);
  const rows = q.data ?? [];
  const today = todayShanghai();
  return (
    <div>
      {mayAdd ? <NewExposure /> : <Alert type="info" showIcon title="曝光由市场负责人依据已生效的处分或经核实的投诉登记" />}
      <div style={{ display: "flex", justifyContent: "flex-end", margin: "12px 0" }}>
        <ExportButton name="曝光台" columns={EXPORT} rows={rows} />
      </div>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="曝光台没有记录">
        <Table<Exposure>
          rowKey="id"
          size="middle"
          data-testid="exposure-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                <div>申诉与信用修复：{r.appealInfo}</div>
                {r.statusReason && <div>结束原因：{r.statusReason}</div>}
                <Typography.Text type="secondary">
                  {r.createdByName} 登记于 {fmtTime(r.createdAt)}
                </Typography.Text>
              </div>
            ),
          }}
          columns={[
            { title: "对象", width: 180, render: (_, r) => `${label(EXPOSURE_SUBJECT_LABELS, r.subject)}：${r.workerName ?? r.employerName ?? ""}` },
            { title: "事实", dataIndex: "facts", ellipsis: true },
            { title: "依据", dataIndex: "legalBasis", ellipsis: true },
            { title: "公示期", width: 200, render: (_, r) => `${r.periodStart} 至 ${r.periodEnd}` },
            {
              title: "状态",
              width: 100,
              render: (_, r) => (r.status === "active" && !shownNow(r, today) ? <Typography.Text type="secondary">{r.periodEnd < today ? "已到期" : "未开始"}</Typography.Text> : <EnumTag map={PUBLICITY_STATUS_LABELS} value={r.status} lang="zh" />),
            },
            ...(mayAdd
              ? [
                  {
                    title: "操作",
                    width: 90,
                    render: (_: unknown, r: Exposure) =>
                      r.status === "active" && (
                        <Button size="small" onClick={() => setEnding(r)}>
                          提前结束
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
    <Card size="small" title="登记曝光（须有已生效的处分或经核实成立的投诉，注明依据和期限）">
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
              message.success("已登记曝光");
              form.resetFields();
              setKey(newIdemKey());
            },
            onError: (e) => formError.show(e),
          });
        }}
      >
        <Form.Item name="subject" label="曝光对象">
          <Radio.Group
            options={[
              { value: "worker", label: "零工（依据已生效的处分）" },
              { value: "employer", label: "用工方（依据经核实成立的投诉）" },
            ]}
          />
        </Form.Item>
        {subject === "worker" ? (
          <Space align="start" wrap>
            <Form.Item name="workerId" label="零工" rules={[{ required: true, message: "请选择零工" }]} style={{ width: 380 }}>
              <WorkerPicker testId="exposure-worker" />
            </Form.Item>
            <Form.Item name="sanctionId" label="所依据的处分" rules={[{ required: true, message: "请选择所依据的已生效处分" }]} style={{ width: 380 }}>
              <Select
                data-testid="exposure-sanction"
                loading={sanctions.isFetching}
                disabled={!workerId}
                notFoundContent={workerId ? "该零工没有已生效的处分，不能曝光" : "请先选择零工"}
                options={(sanctions.data ?? []).map((s) => ({ value: s.id, label: `${s.occurredOn} ${offenceLabel(s.offence)} · ${stepLabel(s.step)}` }))}
              />
            </Form.Item>
          </Space>
        ) : (
          <Space align="start" wrap>
            <Form.Item name="employerId" label="用工方" rules={[{ required: true, message: "请选择用工方" }]} style={{ width: 380 }}>
              <EmployerPicker testId="exposure-employer" />
            </Form.Item>
            <Form.Item name="complaintId" label="所依据的投诉" rules={[{ required: true, message: "请选择经核实成立的投诉" }]} style={{ width: 380 }}>
              <Select
                loading={complaints.isFetching}
                disabled={!employerId}
                notFoundContent={employerId ? "该用工方没有经核实成立的投诉，不能曝光" : "请先选择用工方"}
                options={upheld.map((c) => ({ value: c.id, label: `${c.caseNo} ${c.description.slice(0, 20)}` }))}
              />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="facts" label="事实" rules={[req("曝光事实"), { max: 500, message: "曝光事实不能超过 500 个字" }]}>
          <Input.TextArea rows={2} showCount maxLength={500} placeholder="如：2024 年 3 月 5 日接单后无故未到岗，致用工方停工半天" />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律或政策依据" rules={[req("法律或政策依据"), { max: 300, message: "法律或政策依据不能超过 300 个字" }]}>
          <Input.TextArea rows={2} showCount maxLength={300} placeholder="如：《沁水县零工市场管理办法》第二十条；《保障农民工工资支付条例》第四十八条" />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="period"
            label="公示期"
            rules={[
              { required: true, message: "请选择公示期" },
              {
                validator: async (_, v: [Dayjs, Dayjs] | undefined) => {
                  if (v && v[1].diff(v[0], "day") > MAX_DAYS) throw new Error(`公示期不能超过 ${MAX_DAYS} 天`);
                  if (v && v[1].format("YYYY-MM-DD") < today) throw new Error("公示期已过，无需曝光");
                },
              },
            ]}
          >
            <DatePicker.RangePicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="appealInfo" label="申诉与信用修复途径" rules={[req("申诉与信用修复途径"), { max: 300, message: "申诉途径不能超过 300 个字" }]} style={{ width: 640 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="exposure-submit">
            登记曝光
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function EndExposure({ entry, onClose }: { entry: Exposure; onClose: () => void }) {
  const [form] = Form.useForm<{ status: "withdrawn" | "repaired"; reason: string }>();
  const end = useM("publicity.exposureEnd");
  const formError = useFormError(form);
  const [key] = useState(newIdemKey);
  return (
    <Modal open title={`提前结束曝光：${entry.workerName ?? entry.employerName ?? ""}`} okText="确认" cancelText="取消" confirmLoading={end.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
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
        <Form.Item name="status" label="结束方式">
          <Radio.Group
            options={[
              { value: "repaired", label: "信用修复" },
              { value: "withdrawn", label: "撤下（有误或申诉成立）" },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[req("结束原因"), { max: 300, message: "结束原因不能超过 300 个字" }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
