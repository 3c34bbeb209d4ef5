import { Alert, App, Button, DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { useM } from "../../lib/api.ts";
import type { In } from "../../lib/api-types.ts";
import { todayShanghai } from "../../lib/display.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { maxLen, newIdemKey } from "../ops/ops-common.tsx";

type Kind = In<"policies.get">["kind"];

/** Publish form shared by the grid and the JSON editor: effective date and a note. */
export function PublishBar({
  kind,
  getBody,
  disabled,
  onPublished,
}: {
  kind: Kind;
  getBody: () => Record<string, unknown> | null;
  disabled?: boolean;
  /** Called after a version is stored (last: the caller may close this bar). */
  onPublished?: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ effectiveFrom: Dayjs; note?: string }>();
  const publish = useM("policies.publish");
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdemKey);
  const today = todayShanghai();
  return (
    <div style={{ marginTop: 12 }}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="publish-error" />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ effectiveFrom: dayjs(today) }}
        onFinish={(v) => {
          formError.clear();
          const body = getBody();
          if (!body) return;
          publish.mutate(
            { kind, body, effectiveFrom: v.effectiveFrom.format("YYYY-MM-DD"), ...(v.note?.trim() ? { note: v.note.trim() } : {}), idempotencyKey: key },
            {
              onSuccess: (row) => {
                message.success(t.f("adm.pol.published", { v: row.version, d: row.effectiveFrom }));
                setKey(newIdemKey());
                form.setFieldValue("note", undefined);
                onPublished?.();
              },
              onError: (e) => formError.show(e),
            },
          );
        }}
      >
        <Form.Item name="effectiveFrom" label={t("ops.sanc.effectiveOn")} rules={[{ required: true, message: t.f("ops.v.choose", { name: t("ops.sanc.effectiveOn") }) }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
        </Form.Item>
        <Form.Item name="note" label={t("ops.c.note")} rules={[maxLen(t, t("ops.c.note"), 500)]}>
          <Input placeholder={t("adm.pol.notePh")} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending} disabled={disabled} data-testid="publish-submit">
            {t("adm.pol.publish")}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
