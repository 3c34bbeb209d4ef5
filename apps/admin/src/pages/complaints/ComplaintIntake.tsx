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
                message.success(t.f("desk.c.filedToast", { caseNo: row.caseNo, deadline: row.acceptDeadline }));
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
          <Form.Item name="complainant" label={t("desk.c.complainant")}>
            <Radio.Group optionType="button" options={options(COMPLAINT_PARTY_LABELS, t.lang)} />
          </Form.Item>
          <Form.Item name="respondent" label={t("desk.c.respondent")}>
            <Radio.Group optionType="button" options={options(RESPONDENTS, t.lang)} />
          </Form.Item>
          <Form.Item name="source" label={t("desk.c.source")}>
            <Radio.Group optionType="button" options={options(SOURCES, t.lang)} />
          </Form.Item>
        </Space>
        <Space align="start" wrap>
          {needWorker && (
            <Form.Item name="workerId" label={t("ops.worker")} rules={[{ required: true, message: t("ops.workerRequired") }]} style={{ width: 340 }}>
              <WorkerPicker autoFocus testId="complaint-worker" />
            </Form.Item>
          )}
          {needEmployer && (
            <Form.Item name="employerId" label={t("desk.employer")} rules={[{ required: true, message: t("desk.employerRequired") }]} style={{ width: 340 }}>
              <EmployerPicker testId="complaint-employer" />
            </Form.Item>
          )}
          <Form.Item name="category" label={t("desk.c.category")} rules={[{ required: true, message: t("desk.c.categoryRequired") }]} style={{ width: 200 }}>
            <Select options={options(COMPLAINT_CATEGORY_LABELS, t.lang)} placeholder={t("desk.c.pickCategory")} data-testid="complaint-category" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t("desk.c.description")} rules={[{ required: true, whitespace: true, message: t("desk.c.descriptionRequired") }, { max: 2000, message: t("desk.c.descriptionMax") }]}>
          <Input.TextArea rows={3} placeholder={t("desk.c.descriptionPlaceholder")} data-testid="complaint-description" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="complaint-submit">{t("desk.c.file")}</Button>
      </Form>
    </Card>
  );
}
