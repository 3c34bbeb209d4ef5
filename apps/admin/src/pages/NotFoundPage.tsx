import { Button, Result } from "antd";
import { Link } from "react-router";
import { useT } from "../i18n/index.tsx";

export default function NotFoundPage() {
  const t = useT();
  return <Result status="404" title={t("desk.notFound")} subTitle={t("desk.notFound.hint")} extra={<Link to="/"><Button type="primary">{t("desk.notFound.home")}</Button></Link>} />;
}
