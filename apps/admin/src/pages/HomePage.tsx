import { Card, Col, Row, Typography } from "antd";
import { Link } from "react-router";
import { useT } from "../i18n/index.tsx";
import { allowedNav, NAV_ITEMS } from "../lib/nav.ts";
import { useSession } from "../lib/session.ts";

/** Start screen: the role's tasks as large tiles, so the counter is one click from each. */
export default function HomePage() {
  const t = useT();
  const { session } = useSession();
  const items = allowedNav(NAV_ITEMS, session?.procedures ?? []);
  return (
    <div>
      <h1 className="page-title">
        {t.f("desk.home.hello", { name: session?.displayName ?? "" })} <Typography.Text type="secondary" style={{ fontSize: 14 }}>{session?.market?.name}</Typography.Text>
      </h1>
      {items.length === 0 && <Typography.Paragraph>{t("desk.home.noTasks")}</Typography.Paragraph>}
      <Row gutter={[12, 12]}>
        {items.map((i) => (
          <Col key={i.path} xs={12} md={8} xl={6}>
            <Link to={i.path}>
              <Card hoverable size="small" style={{ textAlign: "center", fontSize: 17, padding: "12px 0" }}>{t(i.label)}</Card>
            </Link>
          </Col>
        ))}
        <Col xs={12} md={8} xl={6}>
          <a href="/board" target="_blank" rel="noreferrer"><Card hoverable size="small" style={{ textAlign: "center", fontSize: 17, padding: "12px 0" }}>{t("nav.board")}</Card></a>
        </Col>
      </Row>
    </div>
  );
}
