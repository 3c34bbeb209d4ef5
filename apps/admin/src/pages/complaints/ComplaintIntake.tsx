import { Alert, App, Button, Card, Form, Input, Radio, Select, Space } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { useM } from "../../lib/api.ts";
import type { In } from "../../lib/api-types.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EmployerPicker } from "../ops/EmployerPicker.tsx";
import { newIdemKey, options } from "../ops/ops-common.tsx";
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_PARTY_LABELS, COMPLAINT_SOURCE_LABELS } from "../ops/labels.ts";
import { WorkerPicker } from "../ops/WorkerPicker.tsx";

type FileInput = In<"complaints.file">;

interface IntakeForm {
  complainant: FileInput["complainant"];
  respondent: FileInput["respondent"];
  workerId?: string;
  employerId?: string;
  category?: FileInput["category"];
  source: NonNullable<FileInput["source"]>;
  description?: string;
}

const SOURCES = Object.fromEntries(Object.entries(COMPLAINT_SOURCE_LABELS).filter(([k]) => k !== "auto_arrears"));
const RESPONDENTS = { worker: COMPLAINT_PARTY_LABELS.worker!, employer: COMPLAINT_PARTY_LABELS.employer! };

/** R10 intake: who complains about whom, the category (wage arrears, discrimination, …) and what happened. */
export function ComplaintIntake({ onFiled }: { onFiled: (id: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<IntakeForm>();
  const file = useM("complaints.file");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const complainant = Form.useWatch("complainant", form);
  const respondent = Form.useWatch("respondent", form);
  const needWorker = complainant === "worker" || respondent === "worker";
  const needEmployer = complainant === "employer" || respondent === "employer";
  return (
    <Card size="small" title={t("ops.complaints.new")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="intake-error" />}
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        initialValues={{ complainant: "worker", respondent: "employer", source: "counter" }}
        onValuesChange={(c: Partial<IntakeForm>) => {
          // Same side on both ends makes no sense at the counter: flip the respondent.
          if (c.complainant === "worker") form.setFieldValue("respondent", "employer");
          if (c.complainant === "employer") form.setFieldValue("respondent", "worker");
        }}
        onFinish={(v) => {
          formError.clear();
          file.mutate(
            {
              complainant: v.complainant,
              respondent: v.respondent,
              workerId: needWorker ? v.workerId : undefined,
              employerId: needEmployer ? v.employerId : undefined,
              category: v.category!,
              description: v.description ?? "",
              source: v.source,
              idempotencyKey: key,
            },
            {
              onSuccess: (row) => {
                message.success(`已登记投诉，案号 ${row.caseNo}，受理期限 ${row.acceptDeadline}`);
                form.resetFields();
                setKey(newIdemKey());
                onFiled(row.id);
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Space align="start" wrap size="large">
          <Form.Item name="complainant" label="投诉人">
            <Radio.Group optionType="button" options={options(COMPLAINT_PARTY_LABELS, t.lang)} />
          </Form.Item>
          <Form.Item name="respondent" label="被投诉方">
            <Radio.Group optionType="button" options={options(RESPONDENTS, t.lang)} />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Radio.Group optionType="button" options={options(SOURCES, t.lang)} />
          </Form.Item>
        </Space>
        <Space align="start" wrap>
          {needWorker && (
            <Form.Item name="workerId" label="零工" rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 340 }}>
              <WorkerPicker autoFocus testId="complaint-worker" />
            </Form.Item>
          )}
          {needEmployer && (
            <Form.Item name="employerId" label="用工方" rules={[{ required: true, message: "请选择用工方" }]} style={{ width: 340 }}>
              <EmployerPicker testId="complaint-employer" />
            </Form.Item>
          )}
          <Form.Item name="category" label="类别" rules={[{ required: true, message: "请选择投诉类别" }]} style={{ width: 200 }}>
            <Select options={options(COMPLAINT_CATEGORY_LABELS, t.lang)} placeholder="选择类别" data-testid="complaint-category" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="投诉内容" rules={[{ required: true, whitespace: true, message: "请填写投诉内容" }, { max: 2000, message: "投诉内容不能超过 2000 个字" }]}>
          <Input.TextArea rows={3} placeholder="时间、地点、经过、涉及金额、诉求" data-testid="complaint-description" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="complaint-submit">登记</Button>
      </Form>
    </Card>
  );
}
