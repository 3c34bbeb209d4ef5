import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import type { In, Out } from "../../lib/api-types.ts";
import { errorInfo } from "../../lib/errors.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { useSession } from "../../lib/session.ts";
import { useFormError } from "../../lib/use-form-error.ts";
import { EnumTag, fmtTime, label, maxLen, need, newIdemKey, options, PageHead, type Tr } from "../ops/ops-common.tsx";
import { CROSS_MARKET_ROLES, mutateInMarket, ROLE_LABELS, useMarketNames, type MarketOption } from "./admin-common.ts";

type StaffRow = Out<"staff.list">[number];
type Role = In<"staff.create">["role"];

const exportColumns = (t: Tr, markets: MarketOption[]): ExportColumn<StaffRow>[] => [
  { title: t("adm.staff.username"), value: (r) => r.username },
  { title: t("ops.c.name"), value: (r) => r.displayName },
  { title: t("adm.staff.role"), value: (r) => label(ROLE_LABELS, r.role, t.lang) },
  { title: t("adm.staff.market"), value: (r) => marketName(t, markets, r.marketId) },
  { title: t("common.status"), value: (r) => t(statusKey(r)) },
  { title: t("adm.staff.lastLogin"), value: (r) => fmtTime(r.lastLoginAt) },
  { title: t("adm.staff.passwordChanged"), value: (r) => fmtTime(r.passwordChangedAt) },
  { title: t("adm.staff.createdAt"), value: (r) => fmtTime(r.createdAt) },
];

function marketName(t: Tr, markets: MarketOption[], id: string | null): string {
  if (!id) return t("adm.staff.province");
  return markets.find((m) => m.id === id)?.name ?? t.f("adm.staff.marketN", { id: id.slice(0, 8) });
}

function statusKey(r: StaffRow): "adm.staff.disabled" | "adm.staff.locked" | "adm.staff.ok" {
  if (r.disabledAt) return "adm.staff.disabled";
  if (r.lockedUntil && new Date(r.lockedUntil) > new Date()) return "adm.staff.locked";
  return "adm.staff.ok";
}

/** Accounts and roles (system administrator only; MLPS separation of duties). */
export default function StaffPage() {
  const t = useT();
  const q = useQ("staff.list", { includeDisabled: true, limit: 500 });
  const rows = q.data ?? [];
  const markets = useMarketNames(rows.flatMap((r) => (r.marketId ? [r.marketId] : [])));
  const marketList = markets.data ?? [];
  const [editing, setEditing] = useState<StaffRow | null>(null);
  const [password, setPassword] = useState<{ username: string; password: string } | null>(null);
  const { session } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();

  async function act(r: StaffRow, path: "staff.disable" | "staff.enable" | "staff.resetPassword", done: string) {
    try {
      const res = await mutateInMarket(r.marketId, path, { userId: r.id });
      await qc.invalidateQueries();
      if (path === "staff.resetPassword") setPassword({ username: r.username, password: (res as { generatedPassword: string }).generatedPassword });
      else message.success(done);
    } catch (e) {
      message.error(errorInfo(e).message);
    }
  }

  return (
    <div>
      <PageHead title={t("nav.staff")}>
        <ExportButton name={t("nav.staff")} columns={exportColumns(t, marketList)} rows={rows} />
      </PageHead>
      <NewStaff markets={marketList} onPassword={setPassword} />
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.staff.empty")}>
        <Table<StaffRow>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="middle"
          data-testid="staff-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("adm.staff.total", { n }) }}
          columns={[
            { title: t("adm.staff.username"), dataIndex: "username", width: 150, className: "mono" },
            { title: t("ops.c.name"), dataIndex: "displayName", width: 120 },
            { title: t("adm.staff.role"), dataIndex: "role", width: 120, render: (v: string) => <EnumTag map={ROLE_LABELS} value={v} lang={t.lang} /> },
            { title: t("adm.staff.market"), dataIndex: "marketId", render: (v: string | null) => marketName(t, marketList, v) },
            { title: t("common.status"), width: 80, render: (_, r) => <Tag color={r.disabledAt ? "default" : statusKey(r) === "adm.staff.locked" ? "orange" : "green"}>{t(statusKey(r))}</Tag> },
            { title: t("adm.staff.lastLogin"), dataIndex: "lastLoginAt", width: 140, render: (v: string | null) => fmtTime(v) },
            {
              title: t("common.actions"),
              width: 250,
              render: (_, r) =>
                r.id === session?.userId ? (
                  <Typography.Text type="secondary">{t("adm.staff.self")}</Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t("adm.staff.changeRole")}
                    </Button>
                    <Popconfirm title={t.f("adm.staff.resetConfirm", { u: r.username })} okText={t("adm.staff.reset")} cancelText={t("common.cancel")} onConfirm={() => act(r, "staff.resetPassword", "")}>
                      <Button size="small">{t("adm.staff.resetPassword")}</Button>
                    </Popconfirm>
                    {r.disabledAt ? (
                      <Button size="small" onClick={() => void act(r, "staff.enable", t.f("adm.staff.enabled", { u: r.username }))}>
                        {t("adm.staff.enable")}
                      </Button>
                    ) : (
                      <Popconfirm title={t.f("adm.staff.disableConfirm", { u: r.username })} okText={t("adm.staff.disable")} cancelText={t("common.cancel")} onConfirm={() => act(r, "staff.disable", t.f("adm.staff.disabledName", { u: r.username }))}>
                        <Button size="small" danger>
                          {t("adm.staff.disable")}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </QueryState>
      {editing && <SetRole user={editing} markets={marketList} onClose={() => setEditing(null)} />}
      <Modal open={!!password} title={t("adm.staff.newPassword")} onCancel={() => setPassword(null)} onOk={() => setPassword(null)} okText={t("adm.staff.handedOver")} cancelButtonProps={{ style: { display: "none" } }}>
        {password && (
          <div data-testid="generated-password">
            <p>{t.f("adm.staff.passwordOf", { u: password.username })}</p>
            <Typography.Paragraph copyable code style={{ fontSize: 18 }}>
              {password.password}
            </Typography.Paragraph>
            <Alert type="warning" showIcon title={t("adm.staff.passwordWarn")} />
          </div>
        )}
      </Modal>
    </div>
  );
}

interface NewStaffForm {
  username: string;
  displayName: string;
  role?: string;
  marketId?: string;
  password?: string;
}

function NewStaff({ markets, onPassword }: { markets: MarketOption[]; onPassword: (p: { username: string; password: string }) => void }) {
  const t = useT();
  const [form] = Form.useForm<NewStaffForm>();
  const role = Form.useWatch("role", form);
  const crossMarket = !!role && CROSS_MARKET_ROLES.includes(role);
  const formError = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdemKey);
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <Card size="small" title={t("adm.staff.newTitle")}>
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} data-testid="staff-error" />}
      <Form<NewStaffForm>
        form={form}
        layout="inline"
        initialValues={{ marketId: markets.length === 1 ? markets[0]?.id : undefined }}
        onFinish={async (v) => {
          formError.clear();
          setBusy(true);
          const marketId = crossMarket ? null : (v.marketId ?? null);
          try {
            const res = await mutateInMarket(marketId, "staff.create", {
              username: v.username,
              displayName: v.displayName,
              role: v.role as Role,
              marketId,
              ...(v.password ? { password: v.password } : {}),
              idempotencyKey: key,
            });
            await qc.invalidateQueries();
            form.resetFields();
            setKey(newIdemKey());
            if (res.generatedPassword) onPassword({ username: res.user.username, password: res.generatedPassword });
            else message.success(t.f("adm.staff.created", { u: res.user.username }));
          } catch (e) {
            formError.show(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="username"
          label={t("adm.staff.username")}
          rules={[need(t, t("adm.staff.username")), { pattern: /^[a-zA-Z0-9._-]{3,32}$/, message: t("adm.staff.usernameBad") }]}
          style={{ marginBottom: 8 }}
        >
          <Input style={{ width: 150 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t("ops.c.name")} rules={[need(t, t("ops.c.name")), maxLen(t, t("ops.c.name"), 40)]} style={{ marginBottom: 8 }}>
          <Input style={{ width: 120 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={t("adm.staff.role")} rules={[need(t, t("adm.staff.role"), true)]} style={{ marginBottom: 8 }}>
          <Select data-testid="staff-role" style={{ width: 140 }} options={options(ROLE_LABELS, t.lang)} />
        </Form.Item>
        <Form.Item name="marketId" label={t("adm.staff.market")} rules={[{ required: !crossMarket, message: t.f("ops.v.choose", { name: t("adm.staff.market") }) }]} style={{ marginBottom: 8 }}>
          <Select data-testid="staff-market" style={{ width: 180 }} disabled={crossMarket} placeholder={crossMarket ? t("adm.staff.provinceRole") : t("adm.staff.pickMarket")} options={markets.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="password" label={t("adm.staff.initialPassword")} rules={[{ min: 8, message: t("adm.staff.passwordMin") }]} style={{ marginBottom: 8 }}>
          <Input.Password style={{ width: 180 }} placeholder={t("adm.staff.passwordPh")} autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="staff-submit">
            {t("adm.staff.create")}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t("adm.staff.passwordRule")}</Typography.Text>
    </Card>
  );
}

function SetRole({ user, markets, onClose }: { user: StaffRow; markets: MarketOption[]; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ role: string; marketId?: string }>();
  const role = Form.useWatch("role", form) ?? user.role;
  const crossMarket = CROSS_MARKET_ROLES.includes(role);
  const formError = useFormError(form);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  return (
    <Modal open title={t.f("adm.staff.setRoleTitle", { u: user.username, name: user.displayName })} okText={t("common.save")} cancelText={t("common.cancel")} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Alert type="info" showIcon title={t("adm.staff.reloginHint")} style={{ marginBottom: 12 }} />
      {formError.error && <Alert type="error" showIcon title={formError.error} style={{ marginBottom: 8 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: user.role, marketId: user.marketId ?? undefined }}
        onFinish={async (v) => {
          setBusy(true);
          formError.clear();
          const marketId = crossMarket ? null : (v.marketId ?? null);
          try {
            await mutateInMarket(marketId ?? user.marketId, "staff.setRole", { userId: user.id, role: v.role as Role, marketId });
            await qc.invalidateQueries();
            onClose();
          } catch (e) {
            formError.show(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="role" label={t("adm.staff.role")} rules={[need(t, t("adm.staff.role"), true)]}>
          <Select options={options(ROLE_LABELS, t.lang)} />
        </Form.Item>
        <Form.Item name="marketId" label={t("adm.staff.market")} rules={[{ required: !crossMarket, message: t.f("ops.v.choose", { name: t("adm.staff.market") }) }]}>
          <Select disabled={crossMarket} options={markets.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
