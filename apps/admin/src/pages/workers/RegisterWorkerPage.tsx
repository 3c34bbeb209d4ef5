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
          message.warning(t.f("reg.uploadFailed", { message: (err as Error).message }));
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
        title={t.f("reg.done", { name: done.name })}
        subTitle={
          <span data-testid="new-worker-no">
            {t("worker.no")} <Typography.Text strong copyable className="mono" style={{ fontSize: 22 }}>{done.workerNo}</Typography.Text>
          </span>
        }
        extra={[
          <Link key="view" to={`/workers/${done.id}`}>
            <Button type="primary">{t("reg.viewArchive")}</Button>
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
            {t("reg.next")}
          </Button>,
        ]}
      >
        {done.gradeReasons && done.gradeReasons.length > 0 && (
          <Card size="small" title={t.f("reg.initialStars", { stars: starText(done.stars, t.lang) })}>
            <Reasons reasons={done.gradeReasons} />
          </Card>
        )}
      </Result>
    );
  }

  return (
    <div>
      <h1 className="page-title">{fromPending ? t("reg.completePending") : t("nav.register")}</h1>
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
            <Card size="small" title={t("reg.identity")} style={{ marginBottom: 12 }}>
              <Row gutter={12}>
                <Col span={14}>
                  <Form.Item
                    name="idNumber"
                    label={t("worker.idNumber")}
                    validateTrigger={["onChange", "onBlur"]}
                    rules={[
                      { required: true, message: t("reg.idRequired") },
                      {
                        validator: async (_, v: string | undefined) => {
                          const p = previewResidentId(v ?? "", today);
                          if (p.state === "error") throw new Error(t.lang === "en" ? p.messageEn : p.message);
                        },
                      },
                    ]}
                    extra={<IdPreviewLine idNumber={idNumber} today={today} />}
                  >
                    <Input autoFocus maxLength={22} className="mono" autoComplete="off" placeholder={t("reg.idPlaceholder")} data-testid="id-number" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name="name" label={t("worker.name")} rules={[{ required: true, whitespace: true, message: t("reg.nameRequired") }, { max: 50, message: t("reg.nameMax") }]}>
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
                    extra={fromPending ? t.f("reg.phoneFromPending", { phone: fromPending.phoneMasked ?? "" }) : undefined}
                    rules={[
                      { required: !fromPending, message: t("reg.phoneRequired") },
                      { validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v)) throw new Error(t("pre.phoneInvalid")); } },
                    ]}
                  >
                    <Input inputMode="tel" maxLength={20} className="mono" autoComplete="off" data-testid="phone" />
                  </Form.Item>
                </Col>
                <Col span={14}>
                  <Form.Item name="hukou" label={t("worker.hukou")}>
                    <Input placeholder={t("reg.hukouPlaceholder")} />
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
                <Select allowClear showSearch={{ optionFilterProp: "label" }} options={townships.options} loading={townships.isPending} placeholder={t("reg.townshipPlaceholder")} style={{ maxWidth: 260 }} />
              </Form.Item>
            </Card>
            <Card size="small" title={t("reg.tradesCard")} style={{ marginBottom: 12 }}>
              <Form.Item label={t("worker.trades")} required>
                <TradeGradeList />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="workYears" label={t("worker.workYears")} rules={[{ required: true, message: t("reg.yearsRequired") }, { type: "number", min: 0, max: 60, message: t("reg.yearsRange") }]}>
                    <InputNumber min={0} max={60} precision={0} addonAfter={t("reg.yearsUnit")} style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="workHistory" label={t("worker.history")}>
                    <Input.TextArea rows={2} maxLength={1000} placeholder={t("reg.historyPlaceholder")} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t("reg.documents")} style={{ marginBottom: 12 }}>
              <Space wrap size={16}>
                <div>
                  <div>{t("reg.idFront")}</div>
                  <FileField label={t("reg.idFront")} capture="environment" value={idFront} onChange={setIdFront} testId="id-front" />
                </div>
                <div>
                  <div>{t("reg.idBack")}</div>
                  <FileField label={t("reg.idBack")} capture="environment" value={idBack} onChange={setIdBack} />
                </div>
                <div>
                  <div>{t("worker.photo")}</div>
                  <FileField label={t("worker.photo")} capture="user" value={photo} onChange={setPhoto} />
                </div>
              </Space>
            </Card>
            <Card size="small" title={t("reg.proposed")} style={{ marginBottom: 12 }} data-testid="proposed-grade">
              <Typography.Title level={4} style={{ margin: "0 0 8px" }}>
                {starText(proposed.grade, t.lang)} <Tag>{t.f("reg.stars", { n: proposed.grade })}</Tag>
              </Typography.Title>
              <Reasons reasons={proposed.reasons} />
              <Typography.Text type="secondary">{t("reg.serverDecides")}</Typography.Text>
            </Card>
            <Card size="small" title={t("worker.consent")} style={{ marginBottom: 12 }}>
              {consent.data && (
                <>
                  <Typography.Paragraph style={{ maxHeight: 140, overflow: "auto", whiteSpace: "pre-wrap", background: "#fafafa", padding: 8 }}>
                    {consent.data.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" data-testid="consent-version">{t.f("reg.version", { version: consent.data.version })}{t.lang === "en" ? ` · ${t("pre.noticeBinding")}` : ""}</Typography.Text>
                </>
              )}
              <Form.Item name="consent" valuePropName="checked" rules={[{ validator: async (_, v) => { if (!v) throw new Error(t("reg.consentRequired")); } }]} style={{ marginTop: 8 }}>
                <Checkbox data-testid="consent">{t("reg.consentCheck")}</Checkbox>
              </Form.Item>
            </Card>
            <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={!consent.data} data-testid="submit-register">
              {t("reg.submit")}
            </Button>
          </Col>
        </Row>
      </Form>
    </div>
  );
}

function IdPreviewLine({ idNumber, today }: { idNumber: string; today: string }) {
  const t = useT();
  const p = previewResidentId(idNumber, today);
  if (p.state !== "ok") return p.state === "typing" ? <span>{t.f("reg.typed", { n: p.length })}</span> : null;
  return (
    <Descriptions size="small" column={3} data-testid="id-preview" items={[
      { key: "b", label: t("worker.birthDate"), children: p.birthDate },
      { key: "g", label: t("worker.gender"), children: genderLabel(p.gender, t.lang) },
      { key: "a", label: t("worker.age"), children: `${t.f("reg.ageYears", { n: p.age })}${p.age < 16 ? t("reg.under16") : ""}` },
    ]} />
  );
}

