import { isMainlandMobile, type SkillGrade } from "@lingong/core";
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { TradeGradeList, type TradeRow } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient } from "../../lib/api.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { useTownshipOptions } from "./worker-common.tsx";

interface Profile {
  id: string;
  name: string;
  hukou: string | null;
  tempAddress: string | null;
  townshipId: string | null;
  workYears: number;
  workHistory: string | null;
  trades: { code: string; skillGrade: string }[];
}

interface EditForm {
  name: string;
  phone?: string;
  hukou?: string;
  homeAddress?: string;
  tempAddress?: string;
  townshipId?: string | null;
  workYears: number;
  workHistory?: string;
  trades: TradeRow[];
  reason: string;
}

const norm = (v: string | null | undefined) => (v ?? "").trim();

/**
 * Keeps the archive up to date (M2): only changed fields are sent, with the reason recorded in the
 * history of changes. Phone and home address are never shown here; typing a new one replaces it.
 */
export function EditWorkerDrawer({ worker, onClose }: { worker: Profile; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<EditForm>();
  const formError = useFormError(form);
  const townships = useTownshipOptions();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  async function submit(v: EditForm) {
    const patch: Record<string, unknown> = {};
    if (norm(v.name) !== worker.name) patch.name = norm(v.name);
    if (norm(v.phone)) patch.phone = norm(v.phone);
    if (norm(v.hukou) !== norm(worker.hukou)) patch.hukou = norm(v.hukou) || null;
    if (norm(v.homeAddress)) patch.homeAddress = norm(v.homeAddress);
    if (norm(v.tempAddress) !== norm(worker.tempAddress)) patch.tempAddress = norm(v.tempAddress) || null;
    if ((v.townshipId ?? null) !== worker.townshipId) patch.townshipId = v.townshipId ?? null;
    if (v.workYears !== worker.workYears) patch.workYears = v.workYears;
    if (norm(v.workHistory) !== norm(worker.workHistory)) patch.workHistory = norm(v.workHistory) || null;
    const trades = v.trades.flatMap((r) => (r.tradeCode ? [{ code: r.tradeCode, skillGrade: r.skillGrade ?? "none" }] : []));
    const before = worker.trades.map((x) => `${x.code}:${x.skillGrade}`).sort().join(",");
    if (trades.map((x) => `${x.code}:${x.skillGrade}`).sort().join(",") !== before) patch.trades = trades;
    if (Object.keys(patch).length === 0) {
      message.info(t("desk.edit.nothing"));
      return;
    }
    setBusy(true);
    formError.clear();
    try {
      await trpcClient.mutation("workers.update", { workerId: worker.id, reason: v.reason.trim(), patch, idempotencyKey: key });
      await qc.invalidateQueries();
      message.success(t("desk.edit.saved"));
      onClose();
    } catch (err) {
      // the server names fields inside `patch`; show them on the form's own fields
      formError.show(err);
      const field = (err as { data?: { field?: string } }).data?.field;
      if (field?.startsWith("patch.")) {
        const path = field.slice(6).split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        form.setFields([{ name: path as never, errors: [errorInfo(err, t.lang).message] }]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={t.f("desk.edit.title", { name: worker.name })} open onClose={onClose} size={620} destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="save-worker">{t("common.save")}</Button>}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} />}
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          name: worker.name,
          hukou: worker.hukou ?? "",
          tempAddress: worker.tempAddress ?? "",
          townshipId: worker.townshipId,
          workYears: worker.workYears,
          workHistory: worker.workHistory ?? "",
          trades: worker.trades.map((x) => ({ tradeCode: x.code, skillGrade: x.skillGrade as SkillGrade })),
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t("worker.name")} rules={[{ required: true, whitespace: true, message: t("reg.nameRequired") }]}><Input /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t("desk.edit.newPhone")} rules={[{ validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v)) throw new Error(t("pre.phoneInvalid")); } }]}>
              <Input inputMode="tel" className="mono" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="hukou" label={t("worker.hukou")}><Input /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="townshipId" label={t("worker.township")}>
              <Select allowClear options={townships.options} placeholder={t("reg.townshipPlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="homeAddress" label={t("desk.edit.newHome")}><Input /></Form.Item>
        <Form.Item name="tempAddress" label={t("worker.tempAddress")}><Input /></Form.Item>
        <Form.Item label={t("worker.trades")} required><TradeGradeList /></Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="workYears" label={t("worker.workYears")} rules={[{ required: true, message: t("reg.yearsRequired") }, { type: "number", min: 0, max: 60, message: t("reg.yearsRange") }]}>
              <InputNumber min={0} max={60} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={16}><Form.Item name="workHistory" label={t("worker.history")}><Input.TextArea rows={2} /></Form.Item></Col>
        </Row>
        <Form.Item name="reason" label={t("desk.edit.reason")} rules={[{ required: true, whitespace: true, message: t("desk.edit.reasonRequired") }, { min: 2, message: t("desk.edit.reasonMin") }]}>
          <Input autoFocus placeholder={t("desk.edit.reasonPlaceholder")} data-testid="change-reason" />
        </Form.Item>
        <Typography.Text type="secondary">{t("desk.edit.starsNote")}</Typography.Text>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
