import { Alert, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from "antd";
import { isMainlandMobile, parseCreditCode } from "@lingong/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { rowsOf, useTownshipOptions } from "../workers/worker-common.tsx";
import { EMPLOYER_STATUS, INDUSTRY_LABELS, type EmployerView } from "./employer-common.ts";

const EXPORT: ExportColumn<EmployerView>[] = [
  { title: "编号", value: (e) => e.employerNo },
  { title: "名称", value: (e) => e.name },
  { title: "类型", value: (e) => (e.kind === "company" ? "单位" : "个人") },
  { title: "统一社会信用代码", value: (e) => e.creditCode },
  { title: "行业", value: (e) => INDUSTRY_LABELS[e.industry] ?? e.industry },
  { title: "联系人", value: (e) => e.contactName },
  { title: "联系电话（脱敏）", value: (e) => e.contactPhoneMasked },
  { title: "状态", value: (e) => EMPLOYER_STATUS[e.status]?.zh ?? e.status },
  { title: "已核验", value: (e) => (e.verifiedAt ? "是" : "否") },
];

export default function EmployerListPage() {
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const query = useQ("employers.search", { q, limit: 200 });
  const rows = rowsOf<EmployerView>(query.data);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>用工方</h1>
        <Space>
          <Button type="primary" onClick={() => setOpen(true)} data-testid="new-employer">登记用工方</Button>
          <ExportButton name="用工方" columns={EXPORT} rows={rows} />
        </Space>
      </Space>
      <Input.Search autoFocus allowClear placeholder="名称 / 联系人 / 电话 / 信用代码" style={{ width: 340, marginBottom: 12 }} onSearch={(v) => setQ(v.trim())} />
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        <Table<EmployerView>
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 家` }}
          locale={{ emptyText: q ? `没有找到与“${q}”匹配的用工方` : "暂无用工方，点击“登记用工方”添加" }}
          columns={[
            { title: "编号", dataIndex: "employerNo", width: 110, render: (v: string, e) => <Link className="mono" to={`/employers/${e.id}`}>{v}</Link> },
            { title: "名称", dataIndex: "name", render: (v: string, e) => <Link to={`/employers/${e.id}`}><Typography.Text>{v}</Typography.Text></Link> },
            { title: "行业", dataIndex: "industry", width: 110, render: (v: string) => INDUSTRY_LABELS[v] ?? v },
            { title: "联系人", dataIndex: "contactName", width: 100 },
            { title: "联系电话", dataIndex: "contactPhoneMasked", width: 130, render: (v: string) => <span className="mono">{v}</span> },
            { title: "核验", dataIndex: "verifiedAt", width: 90, render: (v: string | null) => (v ? <Tag color="green">已核验</Tag> : <Tag>未核验</Tag>) },
            { title: "状态", dataIndex: "status", width: 100, render: (v: string) => <Tag color={EMPLOYER_STATUS[v]?.color}>{EMPLOYER_STATUS[v]?.zh ?? v}</Tag> },
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
    <Drawer title="登记用工方" open={open} onClose={onClose} size={560} destroyOnHidden
      extra={<Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="save-employer">保存</Button>}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: "company", industry: "construction" }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label="类型">
          <Radio.Group optionType="button" options={[{ value: "company", label: "单位" }, { value: "person", label: "个人/家庭" }]} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写用工方名称" }]}>
          <Input autoFocus data-testid="employer-name" />
        </Form.Item>
        {kind === "company" && (
          <Form.Item name="creditCode" label="统一社会信用代码" validateTrigger={["onChange", "onBlur"]}
            rules={[
              { required: true, message: "单位须填写统一社会信用代码" },
              { validator: async (_, v: string | undefined) => { if (v && v.trim().length >= 18) { const r = parseCreditCode(v); if (!r.ok) throw new Error(r.error.zh); } } },
            ]}>
            <Input className="mono" maxLength={20} data-testid="credit-code" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="industry" label="行业">
              <Select options={Object.entries(INDUSTRY_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="townshipId" label="乡镇">
              <Select allowClear options={townships.options} placeholder="选择乡镇" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ required: true, whitespace: true, message: "请填写联系人" }]}>
              <Input data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label="联系电话" rules={[{ required: true, message: "请填写联系电话" }, { validator: async (_, v: string | undefined) => { if (v && !isMainlandMobile(v) && !/^0\d{2,3}-?\d{7,8}$/.test(v.trim())) throw new Error("联系电话格式不正确"); } }]}>
              <Input inputMode="tel" className="mono" data-testid="contact-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label="地址"><Input /></Form.Item>
        <Form.Item name="note" label="备注"><Input.TextArea rows={2} /></Form.Item>
        <button type="submit" hidden />
      </Form>
    </Drawer>
  );
}
