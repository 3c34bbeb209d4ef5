import { LogoutOutlined, GlobalOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Menu, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useLang, useT } from "../i18n/index.tsx";
import { trpcClient } from "../lib/api.ts";
import { allowedNav, NAV_ITEMS } from "../lib/nav.ts";
import type { Session } from "../lib/session.ts";
import { QuickFind } from "./QuickFind.tsx";

const GROUP_LABELS = {
  counter: { zh: "窗口业务", en: "Counter" },
  after: { zh: "售后与权益", en: "After-service" },
  hall: { zh: "大厅服务", en: "Hall services" },
  office: { zh: "综合管理", en: "Office" },
} as const;

export function StaffLayout({ session }: { session: Session }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const items = useMemo(() => allowedNav(NAV_ITEMS, session.procedures), [session.procedures]);

  const menuItems = useMemo(() => {
    const groups = (Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[])
      .map((g) => ({
        type: "group" as const,
        key: g,
        label: t.pick(GROUP_LABELS[g]),
        children: items.filter((i) => i.group === g).map((i) => ({ key: i.path, label: <Link to={i.path}>{t(i.label)}</Link> })),
      }))
      .filter((g) => g.children.length > 0);
    return [{ key: "/", label: <Link to="/">{t("nav.home")}</Link> }, ...groups];
  }, [items, t]);

  const selected = useMemo(() => {
    const match = [...items].sort((a, b) => b.path.length - a.path.length).find((i) => location.pathname === i.path || location.pathname.startsWith(`${i.path}/`));
    return match ? [match.path] : [location.pathname];
  }, [items, location.pathname]);

  async function logout() {
    try {
      await trpcClient.mutation("auth.logout", undefined);
    } finally {
      qc.clear();
      navigate("/login", { replace: true });
    }
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0} className="no-print" style={{ borderRight: "1px solid #eee", position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
        <div style={{ padding: "16px 16px 8px", fontWeight: 700, fontSize: 16 }}>{t("appName")}</div>
        {session.market && <div style={{ padding: "0 16px 8px", color: "#666" }}>{session.market.name}</div>}
        <Menu mode="inline" selectedKeys={selected} items={menuItems} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="no-print" style={{ background: "#fff", padding: "0 16px", display: "flex", alignItems: "center", gap: 16, borderBottom: "1px solid #eee" }}>
          <QuickFind />
          <Space style={{ marginLeft: "auto" }}>
            <UserOutlined />
            <Typography.Text>{session.displayName}</Typography.Text>
            <Tag color="blue">{t.pick(session.roleLabel)}</Tag>
            <Button icon={<GlobalOutlined />} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
              {t("common.language")}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()}>
              {t("common.logout")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
