import { Alert, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from "antd";
import { isMainlandMobile, parseCreditCode } from "@lingong/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { label, options } from "../ops/ops-common.tsx";
import { rowsOf, useTownshipOptions } from "../workers/worker-common.tsx";
import { EMPLOYER_STATUS, INDUSTRY_LABELS, type EmployerView } from "./employer-common.ts";

type Tr = ReturnType<typeof useT>;

const exportColumns = (t: Tr): ExportColumn<EmployerView>[] => [
  { title: t("desk.no"), value: (e) => e.employerNo },
  { title: t("desk.name"), value: (e) => e.name },
  { title: t("desk.emp.kind"), value: (e) => (e.kind === "company" ? t("desk.emp.company") : t("desk.emp.person")) },
  { title: t("desk.emp.creditCode"), value: (e) => e.creditCode },
  { title: t("desk.emp.industry"), value: (e) => label(INDUSTRY_LABELS, e.industry, t.lang) },
  { title: t("desk.emp.contact"), value: (e) => e.contactName },
  { title: t("desk.emp.phoneMasked"), value: (e) => e.contactPhoneMasked },
  { title: t("common.status"), value: (e) => label(EMPLOYER_STATUS, e.status, t.lang) },
  { title: t("desk.emp.verifiedCol"), value: (e) => (e.verifiedAt ? t("desk.bool.yes") : t("desk.bool.no")) },
];

export default function EmployerListPage() {
  const t = useT();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const query = useQ("employers.search", { q, limit: 200 });
  const rows = rowsOf<EmployerView>(query.data);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>{t("nav.employers")}</h1>
        <Space>
          <Button type="primary" onClick={() => setOpen(true)} data-testid="new-employer">{t("desk.emp.new")}</Button>
          <ExportButton name={t("nav.employers")} columns={exportColumns(t)} rows={rows} />
        </Space>
      </Space>
      <Input.Search autoFocus allowClear placeholder={t("desk.emp.searchPlaceholder")} style={{ width: 340, marginBottom: 12 }} onSearch={(v) => setQ(v.trim())} />
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        <Table<EmployerView>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("desk.emp.total", { n }) }}
          locale={{ emptyText: q ? t.f("desk.emp.noMatch", { q }) : t("desk.emp.none") }}
          columns={[
            { title: t("desk.no"), dataIndex: "employerNo", width: 110, render: (v: string, e) => <Link className="mono" to={`/employers/${e.id}`}>{v}</Link> },
            { title: t("desk.name"), dataIndex: "name", render: (v: string, e) => <Link to={`/employers/${e.id}`}><Typography.Text>{v}</Typography.Text></Link> },
            { title: t("desk.emp.industry"), dataIndex: "industry", width: 110, render: (v: string) => label(INDUSTRY_LABELS, v, t.lang) },
            { title: t("desk.emp.contact"), dataIndex: "contactName", width: 100 },
            { title: t("desk.emp.phone"), dataIndex: "contactPhoneMasked", width: 130, render: (v: string) => <span className="mono">{v}</span> },
            { title: t("desk.emp.verify"), dataIndex: "verifiedAt", width: 110, render: (v: string | null) => (v ? <Tag color="green">{t("desk.emp.verified")}</Tag> : <Tag>{t("desk.emp.unverified")}</Tag>) },
            { title: t("common.status"), dataIndex: "status", width: 100, render: (v: string) => <Tag color={EMPLOYER_STATUS[v]?.color}>{label(EMPLOYER_STATUS, v, t.lang)}</Tag> },
          ]}
        />
      </QueryState>
      <EmployerDrawer open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

interface EmployerForm {
  kind: "person" | "company";
  name: string;
  creditCode?: string;
  industry: string;
  contactName: string;
  contactPhone: string;
  townshipId?: string;
  address?: string;
  note?: string;
}

function EmployerDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<EmployerForm>();
  const kind = Form.useWatch("kind", form);
  const formError = useFormError(form);
  const townships = useTownshipOptions();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  async function submit(v: EmployerForm) {
    setBusy(true);
    formError.clear();
    try {
      const res = (await trpcClient.mutation("employers.create", { ...v, creditCode: v.creditCode?.trim() || undefined, idempotencyKey: key })) as EmployerView;
      onClose();
      navigate(`/employers/${res.id}`);
    } catch (err) {
      formError.show(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={t("desk.emp.new")} open={open} onClose={onClose} size={560} destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="save-employer">{t("common.save")}</Button>}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: "company", industry: "construction" }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t("desk.emp.kind")}>
          <Radio.Group optionType="button" options={[{ value: "company", label: t("desk.emp.company") }, { value: "person", label: t("desk.emp.household") }]} />
        </Form.Item>
        <Form.Item name="name" label={t("desk.name")} rules={[{ required: true, whitespace: true, message: t("desk.emp.nameRequired") }]}>
          <Input autoFocus data-testid="employer-name" />
        </Form.Item>
        {kind === "company" && (
          <Form.Item name="creditCode" label={t("desk.emp.creditCode")} validateTrigger={["onChange", "onBlur"]}
            rules={[
              { required: true, message: t("desk.emp.creditRequired") },
              { validator: async (_, v: string | undefined) => { if (v && v.trim().length >= 18) { const r = parseCreditCode(v); if (!r.ok) throw new Error(t.pick(r.error)); } } },
            ]}>
            <Input className="mono" maxLength={20} data-testid="credit-code" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="industry" label={t("desk.emp.industry")}>
              <Select options={options(INDUSTRY_LABELS, t.lang)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="townshipId" label={t("worker.township")}>
              <Select allowClear options={townships.options} placeholder={t("reg.townshipPlaceholder")} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label={t("desk.emp.contact")} rules={[{ required: true, whitespace: true, message: t("desk.emp.contactRequired") }]}>
              <Input data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t("desk.emp.phone")} rules={[{ required: true, message: t("desk.emp.phoneRequired") }, { validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v) && !/^0\d{2,3}-?\d{7,8}$/.test(v.trim())) throw new Error(t("desk.emp.phoneInvalid")); } }]}>
              <Input inputMode="tel" className="mono" data-testid="contact-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t("desk.emp.address")}><Input /></Form.Item>
        <Form.Item name="note" label={t("desk.note")}><Input.TextArea rows={2} /></Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
