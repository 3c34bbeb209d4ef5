import { isMainlandMobile, type SkillGrade } from "@lingong/core";
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { TradeGradeList, type TradeRow } from "../../components/TradeSelect.tsx";
import { trpcClient } from "../../lib/api.ts";
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
      message.info("没有修改任何内容");
      return;
    }
    setBusy(true);
    formError.clear();
    try {
      await trpcClient.mutation("workers.update", { workerId: worker.id, reason: v.reason.trim(), patch, idempotencyKey: key });
      await qc.invalidateQueries();
      message.success("档案已更新，变更已记录");
      onClose();
    } catch (err) {
      // the server names fields inside `patch`; show them on the form's own fields
      formError.show(err);
      const field = (err as { data?: { field?: string } }).data?.field;
      if (field?.startsWith("patch.")) {
        const path = field.slice(6).split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        form.setFields([{ name: path as never, errors: [(err as Error).message] }]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={`更新档案：${worker.name}`} open onClose={onClose} size={620} destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="save-worker">保存</Button>}>
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
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}><Input /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label="新手机号（不改请留空）" rules={[{ validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v)) throw new Error("手机号格式不正确（应为11位，以1开头）"); } }]}>
              <Input inputMode="tel" className="mono" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item name="hukou" label="户籍所在地"><Input /></Form.Item></Col>
          <Col span={12}>
            <Form.Item name="townshipId" label="乡镇">
              <Select allowClear options={townships.options} placeholder="选择乡镇" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="homeAddress" label="新家庭住址（不改请留空）"><Input /></Form.Item>
        <Form.Item name="tempAddress" label="暂住地址"><Input /></Form.Item>
        <Form.Item label="工种及技术等级" required><TradeGradeList /></Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="workYears" label="从业年限" rules={[{ required: true, message: "请输入从业年限" }, { type: "number", min: 0, max: 60, message: "从业年限应在0到60年之间" }]}>
              <InputNumber min={0} max={60} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={16}><Form.Item name="workHistory" label="工作经历"><Input.TextArea rows={2} /></Form.Item></Col>
        </Row>
        <Form.Item name="reason" label="变更原因" rules={[{ required: true, whitespace: true, message: "请填写变更原因" }, { min: 2, message: "变更原因至少2个字" }]}>
          <Input autoFocus placeholder="如：本人来窗口更新手机号" data-testid="change-reason" />
        </Form.Item>
        <Typography.Text type="secondary">星级不能在此修改，须经评定（M3）。</Typography.Text>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
