import { DEFAULT_GRADING_POLICY, initialGrade, isMainlandMobile, SKILL_GRADE_ORDER, type SkillGrade } from "@lingong/core";
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Result, Row, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useLocation } from "react-router";
import { FileField, type PickedFile } from "../../components/FileField.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { TradeGradeList, type TradeRow } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { genderLabel, previewResidentId, starText, todayShanghai } from "../../lib/display.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { DuplicateWarning, useConsent, useTownshipOptions, type Consent } from "./worker-common.tsx";

export interface RegisterForm {
  idNumber: string;
  name: string;
  phone?: string;
  hukou?: string;
  homeAddress?: string;
  tempAddress?: string;
  townshipId?: string;
  trades: TradeRow[];
  workYears: number;
  workHistory?: string;
  consent: boolean;
}

interface Registered {
  id: string;
  workerNo: string;
  name: string;
  stars?: number;
  gradeReasons?: { code: string; zh: string; en: string }[];
}

/** Highest declared skill grade: the initial star grade reads it (M3). */
export function topGrade(trades: readonly TradeRow[] | undefined): SkillGrade {
  let best: SkillGrade = "none";
  for (const r of trades ?? []) {
    const g = r?.skillGrade;
    if (g && SKILL_GRADE_ORDER.indexOf(g) > SKILL_GRADE_ORDER.indexOf(best)) best = g;
  }
  return best;
}

export default function RegisterWorkerPage() {
  const t = useT();
  const [form] = Form.useForm<RegisterForm>();
  const location = useLocation();
  const fromPending = (location.state as { pending?: { id: string; name?: string; phoneMasked?: string; trades?: TradeRow[] } } | null)?.pending;
  const today = todayShanghai();
  const idNumber = Form.useWatch("idNumber", form) ?? "";
  const trades = Form.useWatch("trades", form);
  const workYears = Form.useWatch("workYears", form) ?? 0;
  const preview = previewResidentId(idNumber, today);
  const consent = useConsent();
  const townships = useTownshipOptions();
  const formError = useFormError(form);
  const { message } = App.useApp();
  const [idFront, setIdFront] = useState<PickedFile | null>(null);
  const [idBack, setIdBack] = useState<PickedFile | null>(null);
  const [photo, setPhoto] = useState<PickedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  // One key per filled-in form: a double click or a retry after a timeout registers once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  const proposed = useMemo(() => {
    const years = Number.isFinite(workYears) && workYears >= 0 ? workYears : 0;
    return initialGrade(DEFAULT_GRADING_POLICY, { workYears: years, skillGrade: topGrade(trades) });
  }, [workYears, trades]);

  const dupQuery = useQ("workers.search", { q: preview.state === "ok" ? preview.id : "", limit: 5 }, { enabled: preview.state === "ok" });
  const duplicates = preview.state === "ok" ? dupQuery.data : undefined;

  async function submit(values: RegisterForm, c: Consent) {
    setBusy(true);
    formError.clear();
    try {
      const documents = [
        idFront && { kind: "id_front" as const, file: idFront },
        idBack && { kind: "id_back" as const, file: idBack },
        photo && { kind: "photo" as const, file: photo },
      ];
      const input = {
        idNumber: values.idNumber.replace(/\s+/g, "").toUpperCase(),
        name: values.name.trim(),
        phone: (values.phone ?? "").trim(),
        hukou: values.hukou?.trim() || undefined,
        homeAddress: values.homeAddress?.trim() || undefined,
        tempAddress: values.tempAddress?.trim() || undefined,
        townshipId: values.townshipId || undefined,
        trades: values.trades.flatMap((r) => (r.tradeCode ? [{ code: r.tradeCode, skillGrade: r.skillGrade ?? "none" }] : [])),
        workYears: values.workYears ?? 0,
        workHistory: values.workHistory?.trim() || undefined,
        consentVersion: c.version,
        consentGiven: values.consent === true,
        idempotencyKey: idempotencyKey,
      };
      const res = fromPending
        ? ((await trpcClient.mutation("workers.completePreRegistration", { ...input, phone: input.phone || undefined, preRegistrationId: fromPending.id })) as Out<"workers.register">)
        : ((await trpcClient.mutation("workers.register", input)) as Out<"workers.register">);
      const registered: Registered = { id: res.worker.id, workerNo: res.worker.workerNo, name: res.worker.name, stars: res.grade.grade, gradeReasons: res.grade.reasons };
      for (const d of documents) {
        if (!d) continue;
        try {
          await trpcClient.mutation("workers.uploadDocument", { workerId: registered.id, kind: d.kind, mime: d.file.mime as "image/jpeg" | "image/png", dataBase64: d.file.base64 });
        } catch (err) {
          message.warning(`证件照片上传失败，请在档案中补传：${(err as Error).message}`);
        }
      }
      setDone(registered);
    } catch (err) {
      formError.show(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Result
        status="success"
        title={`登记成功：${done.name}`}
        subTitle={
          <span data-testid="new-worker-no">
            零工编号 <Typography.Text strong copyable className="mono" style={{ fontSize: 22 }}>{done.workerNo}</Typography.Text>
          </span>
        }
        extra={[
          <Link key="view" to={`/workers/${done.id}`}>
            <Button type="primary">查看档案</Button>
          </Link>,
          <Button
            key="next"
            autoFocus
            onClick={() => {
              setDone(null);
              setIdempotencyKey(crypto.randomUUID());
              form.resetFields();
              setIdFront(null);
              setIdBack(null);
              setPhoto(null);
            }}
          >
            继续登记下一位
          </Button>,
        ]}
      >
        {done.gradeReasons && done.gradeReasons.length > 0 && (
          <Card size="small" title={`初始星级：${starText(done.stars)}`}>
            <Reasons reasons={done.gradeReasons} />
          </Card>
        )}
      </Result>
    );
  }

  return (
    <div>
      <h1 className="page-title">{fromPending ? "完成预登记" : t("nav.register")}</h1>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ trades: fromPending?.trades?.length ? fromPending.trades : [{ skillGrade: "none" }], workYears: 0, consent: false, name: fromPending?.name }}
        onFinish={(v) => consent.data && void submit(v, consent.data)}
        scrollToFirstError
      >
        <Row gutter={20}>
          <Col xs={24} lg={14}>
            <Card size="small" title="身份信息（M1）" style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col span={14}>
                  <Form.Item
                    name="idNumber"
                    label={t("worker.idNumber")}
                    validateTrigger={["onChange", "onBlur"]}
                    rules={[
                      { required: true, message: "请输入身份证号" },
                      {
                        validator: async (_, v: string | undefined) => {
                          const p = previewResidentId(v ?? "", today);
                          if (p.state === "error") throw new Error(p.message);
                        },
                      },
                    ]}
                    extra={<IdPreviewLine idNumber={idNumber} today={today} />}
                  >
                    <Input autoFocus maxLength={22} className="mono" autoComplete="off" placeholder="18位身份证号" data-testid="id-number" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name="name" label={t("worker.name")} rules={[{ required: true, whitespace: true, message: "请输入姓名" }, { max: 50, message: "姓名不能超过50个字" }]}>
                    <Input autoComplete="off" data-testid="name" />
                  </Form.Item>
                </Col>
              </Row>
              {duplicates !== undefined && <DuplicateWarning result={duplicates} />}
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item
                    name="phone"
                    label={t("worker.phone")}
                    extra={fromPending ? `留空则使用预登记时留的手机号（${fromPending.phoneMasked ?? ""}）` : undefined}
                    rules={[
                      { required: !fromPending, message: "请输入手机号" },
                      { validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v)) throw new Error("手机号格式不正确（应为11位，以1开头）"); } },
                    ]}
                  >
                    <Input inputMode="tel" maxLength={20} className="mono" autoComplete="off" data-testid="phone" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="hukou" label={t("worker.hukou")}>
                    <Input placeholder="如：山西省晋城市沁水县" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="homeAddress" label={t("worker.homeAddress")}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="tempAddress" label={t("worker.tempAddress")}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="townshipId" label={t("worker.township")}>
                <Select allowClear showSearch={{ optionFilterProp: "label" }} options={townships.options} loading={townships.isPending} placeholder="选择乡镇" style={{ maxWidth: 260 }} />
              </Form.Item>
            </Card>
            <Card size="small" title="工种与经历（M2）" style={{ marginBottom: 12 }}>
              <Form.Item label={t("worker.trades")} required>
                <TradeGradeList />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="workYears" label={t("worker.workYears")} rules={[{ required: true, message: "请输入从业年限" }, { type: "number", min: 0, max: 60, message: "从业年限应在0到60年之间" }]}>
                    <InputNumber min={0} max={60} precision={0} addonAfter="年" style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="workHistory" label={t("worker.history")}>
                    <Input.TextArea rows={2} maxLength={1000} placeholder="如：2015—2023 在县城各工地做砌筑" />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="证件与照片" style={{ marginBottom: 12 }}>
              <Space wrap size={16}>
                <div>
                  <div>{t("worker.idCopy")}（正面）</div>
                  <FileField label="身份证正面" capture="environment" value={idFront} onChange={setIdFront} testId="id-front" />
                </div>
                <div>
                  <div>{t("worker.idCopy")}（反面）</div>
                  <FileField label="身份证反面" capture="environment" value={idBack} onChange={setIdBack} />
                </div>
                <div>
                  <div>{t("worker.photo")}</div>
                  <FileField label="本人照片" capture="user" value={photo} onChange={setPhoto} />
                </div>
              </Space>
            </Card>
            <Card size="small" title="拟定初始星级（M3）" style={{ marginBottom: 12 }} data-testid="proposed-grade">
              <Typography.Title level={4} style={{ margin: "0 0 8px" }}>
                {starText(proposed.grade)} <Tag>{proposed.grade} 星</Tag>
              </Typography.Title>
              <Reasons reasons={proposed.reasons} />
              <Typography.Text type="secondary">提交后以服务器核定结果为准。</Typography.Text>
            </Card>
            <Card size="small" title="个人信息处理同意" style={{ marginBottom: 12 }}>
              {consent.error && <Alert type="error" title="同意书加载失败，暂不能登记" showIcon />}
              {consent.data && (
                <>
                  <Typography.Paragraph style={{ maxHeight: 140, overflow: "auto", whiteSpace: "pre-wrap", background: "#fafafa", padding: 8 }}>
                    {consent.data.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">版本：{consent.data.version}</Typography.Text>
                </>
              )}
              <Form.Item name="consent" valuePropName="checked" rules={[{ validator: async (_, v) => { if (!v) throw new Error("须经本人同意后才能登记"); } }]} style={{ marginTop: 8 }}>
                <Checkbox data-testid="consent">本人已阅读并同意上述个人信息处理规则</Checkbox>
              </Form.Item>
            </Card>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!consent.data} data-testid="submit-register">
              {t("common.submit")}登记
            </Button>
          </Col>
        </Row>
      </Form>
    </div>
  );
}

function IdPreviewLine({ idNumber, today }: { idNumber: string; today: string }) {
  const p = previewResidentId(idNumber, today);
  if (p.state !== "ok") return p.state === "typing" ? <span>已输入 {p.length} 位</span> : null;
  return (
    <Descriptions size="small" column={3} data-testid="id-preview" items={[
      { key: "b", label: "出生日期", children: p.birthDate },
      { key: "g", label: "性别", children: genderLabel(p.gender) },
      { key: "a", label: "年龄", children: `${p.age} 岁${p.age < 16 ? "（未满16周岁）" : ""}` },
    ]} />
  );
}

