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
import { WAGE_UNITS } from "./order-common.ts";

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

  const employerOptions = rowsOf<EmployerView>(employers.data).map((e) => ({ value: e.id, label: `${e.name}（${e.employerNo}）${e.status === "excluded" ? " · 暂停合作" : ""}`, disabled: e.status === "excluded" }));
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
              <Form.Item name="employerId" label="用工方" rules={[{ required: true, message: "请选择用工方" }]}>
                <Select autoFocus showSearch={{ filterOption: false, onSearch: setEmployerQ }} options={employerOptions} loading={employers.isPending}
                  placeholder="输入名称搜索用工方" notFoundContent={employers.isPending ? "搜索中…" : "没有找到，请先登记用工方"} data-testid="order-employer" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="tradeCode" label={t("order.trade")} rules={[{ required: true, message: "请选择工种" }]}>
                    <TradeSelect aria-label="需求工种" onChange={() => form.setFieldValue("skillGrade", "none")} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="skillGrade" label="技术等级要求">
                    <Select options={gradeOptions(trade, t.lang)} disabled={!trade} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="minStars" label="最低星级">
                    <Select options={[0, 1, 2, 3, 4, 5].map((s) => ({ value: s, label: s === 0 ? "不限" : `${s} 星及以上` }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item name="headcount" label={t("order.headcount")} rules={[{ required: true, message: "请填写人数" }, { type: "number", min: 1, max: 1000, message: "人数应在1到1000之间" }]}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: "100%" }} aria-label="人数" />
                  </Form.Item>
                </Col>
                <Col span={18}>
                  <Form.Item name="dates" label={t("order.date")} rules={[{ required: true, message: "请选择用工日期" }]}>
                    <DatePicker.RangePicker style={{ width: "100%" }} disabledDate={(d) => d.format("YYYY-MM-DD") < today} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item name="townshipId" label="乡镇">
                    <Select allowClear options={townships.options} placeholder="选择乡镇" />
                  </Form.Item>
                </Col>
                <Col span={16}>
                  <Form.Item name="place" label={t("order.place")} rules={[{ required: true, whitespace: true, message: "请填写工作地点" }]}>
                    <Input placeholder="如：龙港镇东关村新建住宅工地" data-testid="order-place" />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={10}>
                  <Form.Item name="wageYuan" label="报酬（元）" rules={[{ required: true, message: "请填写报酬" }, { type: "number", min: 0.01, message: "报酬必须大于0" }]}>
                    <InputNumber min={0} precision={2} style={{ width: "100%" }} aria-label="报酬" data-testid="order-wage" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name="wageUnit" label="计价单位">
                    <Select options={[...WAGE_UNITS]} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="requirements" label={t("order.requirements")}>
                <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：会砌砖抹灰，自带瓦刀" data-testid="order-requirements" />
              </Form.Item>
              <FindingsPanel text={requirements} findings={findings} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="劳务报酬指导价（M7）" style={{ marginBottom: 12 }} data-testid="guidance">
              {!wage && <Typography.Text type="secondary">选择工种后显示指导价</Typography.Text>}
              {wage && (
                <>
                  <Typography.Title level={4} style={{ margin: "0 0 8px" }}>
                    {formatFen(wage.range.lowFen)} – {formatFen(wage.range.highFen)}
                    <Typography.Text type="secondary" style={{ fontSize: 14 }}> /{WAGE_UNITS.find((u) => u.value === wageUnit)?.label.replace("元/", "")}</Typography.Text>
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>下限 {formatFen(wage.floorFen)}；政策版本 {policy.version}</Typography.Paragraph>
                  {wage.belowFloor && yuanToFen(wageYuan) !== null && (
                    <Alert type="error" showIcon title="报价低于指导价下限，请向用工方说明并建议调整" style={{ marginBottom: 8 }} data-testid="below-floor" />
                  )}
                  {yuanToFen(wageYuan) !== null && <Reasons reasons={wage.reasons.slice(0, 1)} />}
                </>
              )}
            </Card>
            <Space>
              <Button size="large" loading={busy === "draft"} onClick={() => form.validateFields().then((v) => void save(v, false), () => undefined)}>保存草稿</Button>
              <Button size="large" type="primary" htmlType="submit" loading={busy === "publish"} data-testid="publish-order">保存并发布</Button>
            </Space>
          </Col>
        </Row>
      </Form>
      <Modal
        open={overrideFor !== null}
        title="用工要求可能含有歧视内容"
        okText="仍然发布"
        cancelText="返回修改"
        okButtonProps={{ disabled: overrideReason.trim().length < 2 }}
        onCancel={() => setOverrideFor(null)}
        onOk={() => {
          const v = overrideFor;
          setOverrideFor(null);
          if (v) void save(v, true, overrideReason.trim());
        }}
      >
        <Typography.Paragraph>建议先修改用工要求。若确有法定理由（如特殊工种的健康要求），请填写理由，理由将记入审计日志。</Typography.Paragraph>
        <Input.TextArea rows={3} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} placeholder="强制发布理由" />
      </Modal>
    </div>
  );
}
