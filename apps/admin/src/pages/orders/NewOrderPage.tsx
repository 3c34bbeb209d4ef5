import { checkDiscrimination, checkOfferedWage, DEFAULT_GUIDANCE_WAGE_POLICY, formatFen, type GuidanceWagePolicy, type SkillGrade, type StarGrade } from "@lingong/core";
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { FindingsPanel } from "../../components/FindingsText.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { gradeOptions, TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import { todayShanghai, yuanToFen } from "../../lib/display.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { rowsOf, useTownshipOptions } from "../workers/worker-common.tsx";
import type { EmployerView } from "../employers/employer-common.ts";
import { unitName, WAGE_UNITS, wageUnitLabel } from "./order-common.ts";

interface OrderForm {
  employerId: string;
  tradeCode: string;
  skillGrade: SkillGrade;
  minStars: number;
  headcount: number;
  dates: [Dayjs, Dayjs];
  townshipId?: string;
  place: string;
  wageYuan: number;
  wageUnit: "day" | "half_day" | "hour";
  requirements?: string;
}

/** Job order intake (R2): guidance range and wage check live (M7), discrimination check as typed (R10). */
export default function NewOrderPage() {
  const t = useT();
  const [form] = Form.useForm<OrderForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const presetEmployer = (location.state as { employerId?: string } | null)?.employerId;
  const formError = useFormError(form);
  const townships = useTownshipOptions();
  const [employerQ, setEmployerQ] = useState("");
  const employers = useQ("employers.search", { q: employerQ, limit: 30 });
  const policyQ = useQ("policies.get", { kind: "wages" }, { staleTime: 5 * 60_000 });
  const policy = ((policyQ.data as { body?: GuidanceWagePolicy } | undefined)?.body ?? DEFAULT_GUIDANCE_WAGE_POLICY) as GuidanceWagePolicy;
  const [busy, setBusy] = useState<"draft" | "publish" | null>(null);
  const [overrideFor, setOverrideFor] = useState<OrderForm | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  const [key] = useState(() => crypto.randomUUID());

  const trade = Form.useWatch("tradeCode", form);
  const skillGrade = Form.useWatch("skillGrade", form) ?? "none";
  const minStars = Form.useWatch("minStars", form) ?? 0;
  const wageYuan = Form.useWatch("wageYuan", form);
  const wageUnit = Form.useWatch("wageUnit", form) ?? "day";
  const requirements = Form.useWatch("requirements", form) ?? "";

  const wage = useMemo(() => {
    if (!trade) return null;
    const offeredFen = yuanToFen(wageYuan);
    return checkOfferedWage(policy, { trade, skillGrade, stars: minStars as StarGrade, unit: wageUnit, offeredFen: offeredFen ?? Number.NaN });
  }, [policy, trade, skillGrade, minStars, wageYuan, wageUnit]);
  const findings = useMemo(() => checkDiscrimination(requirements).findings, [requirements]);

  async function save(v: OrderForm, publish: boolean, reason?: string) {
    setBusy(publish ? "publish" : "draft");
    formError.clear();
    try {
      const res = (await trpcClient.mutation("orders.create", {
        employerId: v.employerId,
        tradeCode: v.tradeCode,
        skillGrade: v.skillGrade,
        minStars: v.minStars,
        headcount: v.headcount,
        startDate: v.dates[0].format("YYYY-MM-DD"),
        endDate: v.dates[1].format("YYYY-MM-DD"),
        townshipId: v.townshipId,
        place: v.place.trim(),
        wageFen: yuanToFen(v.wageYuan) ?? 0,
        wageUnit: v.wageUnit,
        requirements: (v.requirements ?? "").trim(),
        publish,
        overrideReason: reason,
        idempotencyKey: `${key}-${publish ? "p" : "d"}`,
      })) as { order: { id: string } };
      navigate(`/orders/${res.order.id}`);
    } catch (err) {
      formError.show(err);
    } finally {
      setBusy(null);
    }
  }

  function submit(v: OrderForm, publish: boolean) {
    if (publish && findings.length > 0) {
      setOverrideFor(v);
      return;
    }
    void save(v, publish);
  }

  const employerOptions = rowsOf<EmployerView>(employers.data).map((e) => ({ value: e.id, label: `${e.name}（${e.employerNo}）${e.status === "excluded" ? t("desk.o.suspended") : ""}`, disabled: e.status === "excluded" }));
  const today = todayShanghai();

  return (
    <div>
      <h1 className="page-title">{t("nav.orderNew")}</h1>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ employerId: presetEmployer, skillGrade: "none", minStars: 0, headcount: 1, wageUnit: "day", dates: [dayjs(today), dayjs(today)] }}
        onFinish={(v) => submit(v, true)}
      >
        <Row gutter={20}>
          <Col xs={24} lg={14}>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Form.Item name="employerId" label={t("desk.employer")} rules={[{ required: true, message: t("desk.employerRequired") }]}>
                <Select autoFocus showSearch={{ filterOption: false, onSearch: setEmployerQ }} options={employerOptions} loading={employers.isPending}
                  placeholder={t("desk.o.employerPlaceholder")} notFoundContent={employers.isPending ? t("desk.o.searching") : t("desk.o.noEmployer")} data-testid="order-employer" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="tradeCode" label={t("order.trade")} rules={[{ required: true, message: t("trade.required") }]}>
                    <TradeSelect aria-label={t("desk.o.tradeAria")} onChange={() => form.setFieldValue("skillGrade", "none")} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="skillGrade" label={t("desk.o.gradeRequired")}>
                    <Select options={gradeOptions(trade, t.lang)} disabled={!trade} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="minStars" label={t("desk.minStars")}>
                    <Select options={[0, 1, 2, 3, 4, 5].map((s) => ({ value: s, label: s === 0 ? t("desk.anyStars") : t.f("desk.o.starsAtLeast", { n: s }) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name="headcount" label={t("order.headcount")} rules={[{ required: true, message: t("desk.o.headcountRequired") }, { type: "number", min: 1, max: 1000, message: t("desk.o.headcountRange") }]}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: "100%" }} aria-label={t("desk.headcount")} />
                  </Form.Item>
                </Col>
                <Col span={18}>
                  <Form.Item name="dates" label={t("order.date")} rules={[{ required: true, message: t("desk.o.datesRequired") }]}>
                    <DatePicker.RangePicker style={{ width: "100%" }} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="townshipId" label={t("worker.township")}>
                    <Select allowClear options={townships.options} placeholder={t("reg.townshipPlaceholder")} />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="place" label={t("order.place")} rules={[{ required: true, whitespace: true, message: t("desk.o.placeRequired") }]}>
                    <Input placeholder={t("desk.o.placePlaceholder")} data-testid="order-place" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="wageYuan" label={t("desk.o.wageYuan")} rules={[{ required: true, message: t("desk.o.wageRequired") }, { type: "number", min: 0.01, message: t("desk.o.wagePositive") }]}>
                    <InputNumber min={0} precision={2} style={{ width: "100%" }} aria-label={t("desk.wage")} data-testid="order-wage" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="wageUnit" label={t("desk.o.unit")}>
                    <Select options={WAGE_UNITS.map((u) => ({ value: u, label: wageUnitLabel(u, t.lang) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="requirements" label={t("order.requirements")}>
                <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t("desk.o.reqPlaceholder")} data-testid="order-requirements" />
              </Form.Item>
              <FindingsPanel text={requirements} findings={findings} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t("desk.o.guidance")} style={{ marginBottom: 12 }} data-testid="guidance">
              {!wage && <Typography.Text type="secondary">{t("desk.o.pickTrade")}</Typography.Text>}
              {wage && (
                <>
                  <Typography.Title level={4} style={{ margin: "0 0 8px" }}>
                    {formatFen(wage.range.lowFen)} – {formatFen(wage.range.highFen)}
                    <Typography.Text type="secondary" style={{ fontSize: 14 }}> /{unitName(wageUnit, t.lang)}</Typography.Text>
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t.f("desk.o.floor", { floor: formatFen(wage.floorFen), version: policy.version })}</Typography.Paragraph>
                  {wage.belowFloor && yuanToFen(wageYuan) !== null && (
                    <Alert type="error" showIcon title={t("desk.o.belowFloorAdvice")} style={{ marginBottom: 8 }} data-testid="below-floor" />
                  )}
                  {yuanToFen(wageYuan) !== null && <Reasons reasons={wage.reasons.slice(0, 1)} />}
                </>
              )}
            </Card>
            <Space>
              <Button size="large" loading={busy === "draft"} onClick={() => form.validateFields().then((v) => void save(v, false), () => undefined)}>{t("desk.o.saveDraft")}</Button>
              <Button size="large" type="primary" htmlType="submit" loading={busy === "publish"} data-testid="publish-order">{t("desk.o.savePublish")}</Button>
            </Space>
          </Col>
        </Row>
      </Form>
      <Modal
        open={overrideFor !== null}
        title={t("desk.o.discTitle")}
        okText={t("desk.o.publishAnyway")}
        cancelText={t("desk.o.goBack")}
        okButtonProps={{ disabled: overrideReason.trim().length < 2 }}
        onCancel={() => setOverrideFor(null)}
        onOk={() => {
          const v = overrideFor;
          setOverrideFor(null);
          if (v) void save(v, true, overrideReason.trim());
        }}
      >
        <Typography.Paragraph>{t("desk.o.discHint")}</Typography.Paragraph>
        <Input.TextArea rows={3} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} placeholder={t("desk.o.overrideReason")} />
      </Modal>
    </div>
  );
}
