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
import { EnumTag, fmtTime, label, newIdemKey, options, PageHead, req } from "../ops/ops-common.tsx";
import { CROSS_MARKET_ROLES, mutateInMarket, ROLE_LABELS, useMarketNames, type MarketOption } from "./admin-common.ts";

type StaffRow = Out<"staff.list">[number];
type Role = In<"staff.create">["role"];

const EXPORT = (markets: MarketOption[]): ExportColumn<StaffRow>[] => [
  { title: "用户名", value: (r) => r.username },
  { title: "姓名", value: (r) => r.displayName },
  { title: "角色", value: (r) => label(ROLE_LABELS, r.role) },
  { title: "所属市场", value: (r) => marketName(markets, r.marketId) },
  { title: "状态", value: (r) => statusText(r) },
  { title: "最近登录", value: (r) => fmtTime(r.lastLoginAt) },
  { title: "密码修改时间", value: (r) => fmtTime(r.passwordChangedAt) },
  { title: "创建时间", value: (r) => fmtTime(r.createdAt) },
];

function marketName(markets: MarketOption[], id: string | null): string {
  if (!id) return "全省（不属于单个市场）";
  return markets.find((m) => m.id === id)?.name ?? `市场 ${id.slice(0, 8)}`;
}

function statusText(r: StaffRow): string {
  if (r.disabledAt) return "已停用";
  if (r.lockedUntil && new Date(r.lockedUntil) > new Date()) return "已锁定";
  return "正常";
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
        <ExportButton name="人员账号" columns={EXPORT(marketList)} rows={rows} />
      </PageHead>
      <NewStaff markets={marketList} onPassword={setPassword} />
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="还没有账号">
        <Table<StaffRow>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="middle"
          data-testid="staff-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个账号` }}
          columns={[
            { title: "用户名", dataIndex: "username", width: 150, className: "mono" },
            { title: "姓名", dataIndex: "displayName", width: 120 },
            { title: "角色", dataIndex: "role", width: 120, render: (v: string) => <EnumTag map={ROLE_LABELS} value={v} lang={t.lang} /> },
            { title: "所属市场", dataIndex: "marketId", render: (v: string | null) => marketName(marketList, v) },
            { title: "状态", width: 80, render: (_, r) => <Tag color={r.disabledAt ? "default" : statusText(r) === "已锁定" ? "orange" : "green"}>{statusText(r)}</Tag> },
            { title: "最近登录", dataIndex: "lastLoginAt", width: 140, render: (v: string | null) => fmtTime(v) },
            {
              title: t("common.actions"),
              width: 250,
              render: (_, r) =>
                r.id === session?.userId ? (
                  <Typography.Text type="secondary">当前账号</Typography.Text>
                ) : (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(r)}>
                      改角色
                    </Button>
                    <Popconfirm title={`为 ${r.username} 重置密码？该账号的登录会全部失效。`} okText="重置" cancelText="取消" onConfirm={() => act(r, "staff.resetPassword", "")}>
                      <Button size="small">重置密码</Button>
                    </Popconfirm>
                    {r.disabledAt ? (
                      <Button size="small" onClick={() => void act(r, "staff.enable", `已启用 ${r.username}`)}>
                        启用
                      </Button>
                    ) : (
                      <Popconfirm title={`停用 ${r.username}？该账号立即退出登录。`} okText="停用" cancelText="取消" onConfirm={() => act(r, "staff.disable", `已停用 ${r.username}`)}>
                        <Button size="small" danger>
                          停用
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
      <Modal open={!!password} title="新密码（只显示这一次）" onCancel={() => setPassword(null)} onOk={() => setPassword(null)} okText="已交给本人" cancelButtonProps={{ style: { display: "none" } }}>
        {password && (
          <div data-testid="generated-password">
            <p>账号 {password.username} 的密码：</p>
            <Typography.Paragraph copyable code style={{ fontSize: 18 }}>
              {password.password}
            </Typography.Paragraph>
            <Alert type="warning" showIcon title="请当面交给本人，并提醒其首次登录后修改密码。关闭后无法再查看。" />
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
  const [form] = Form.useForm<NewStaffForm>();
  const role = Form.useWatch("role", form);
  const crossMarket = !!role && CROSS_MARKET_ROLES.includes(role);
  const formError = useFormError(form);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdemKey);
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <Card size="small" title="新建账号">
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
            else message.success(`已创建账号 ${res.user.username}`);
          } catch (e) {
            formError.show(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="username"
          label="用户名"
          rules={[req("用户名"), { pattern: /^[a-zA-Z0-9._-]{3,32}$/, message: "用户名只能包含字母、数字、点、下划线和短横线（3–32 位）" }]}
          style={{ marginBottom: 8 }}
        >
          <Input style={{ width: 150 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[req("姓名"), { max: 40, message: "姓名不能超过 40 个字" }]} style={{ marginBottom: 8 }}>
          <Input style={{ width: 120 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[req("角色", "请选择")]} style={{ marginBottom: 8 }}>
          <Select data-testid="staff-role" style={{ width: 140 }} options={options(ROLE_LABELS, "zh")} />
        </Form.Item>
        <Form.Item name="marketId" label="所属市场" rules={[{ required: !crossMarket, message: "请选择所属市场" }]} style={{ marginBottom: 8 }}>
          <Select data-testid="staff-market" style={{ width: 180 }} disabled={crossMarket} placeholder={crossMarket ? "全省角色，无需选择" : "选择市场"} options={markets.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ min: 8, message: "密码至少 8 位" }]} style={{ marginBottom: 8 }}>
          <Input.Password style={{ width: 180 }} placeholder="留空则自动生成强密码" autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="staff-submit">
            创建
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">密码至少 8 位，须包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名。</Typography.Text>
    </Card>
  );
}

function SetRole({ user, markets, onClose }: { user: StaffRow; markets: MarketOption[]; onClose: () => void }) {
  const [form] = Form.useForm<{ role: string; marketId?: string }>();
  const role = Form.useWatch("role", form) ?? user.role;
  const crossMarket = CROSS_MARKET_ROLES.includes(role);
  const formError = useFormError(form);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  return (
    <Modal open title={`修改角色：${user.username}（${user.displayName}）`} okText="保存" cancelText="取消" confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Alert type="info" showIcon title="保存后该账号需重新登录，新权限才生效。" style={{ marginBottom: 12 }} />
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
        <Form.Item name="role" label="角色" rules={[req("角色", "请选择")]}>
          <Select options={options(ROLE_LABELS, "zh")} />
        </Form.Item>
        <Form.Item name="marketId" label="所属市场" rules={[{ required: !crossMarket, message: "请选择所属市场" }]}>
          <Select disabled={crossMarket} options={markets.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
