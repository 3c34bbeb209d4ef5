import { formatFen } from "@lingong/core";
import { Alert, App, Button, Card, Descriptions, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import { shanghaiDateTime, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useCan } from "../../lib/session.ts";
import { label } from "../ops/ops-common.tsx";
import { ORDER_STATUS } from "../orders/order-common.ts";
import { EMPLOYER_ACTION, EMPLOYER_STATUS, INDUSTRY_LABELS, type EmployerView } from "./employer-common.ts";

interface EmployerDetail {
  profile: EmployerView;
  orders: { id: string; orderNo: string; tradeCode: string; headcount: number; filledCount: number; startDate: string; endDate: string; status: string; wageFen: number; wageUnit: string }[];
  stats: { dispatches: number; completed: number; unpaidCompleted: number };
}

interface EmployerRecord {
  decision?: { action: string; reasons: { code: string; zh: string; en: string }[]; reviewOn?: string | null };
  events?: { id: string; employerEvent?: string; closedAt?: string }[];
  actions?: { id: string; kind: string; statusBefore: string; statusAfter: string; decidedAt: string; note: string | null }[];
}

/** Employer record (R10): profile, verification, orders, and the arrears/warning ladder. */
export default function EmployerPage() {
  const t = useT();
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const q = useQ("employers.get", { employerId: id });
  const canRecord = useCan("employerRecord.get");
  const canApply = useCan("employerRecord.decide");
  const record = useQ("employerRecord.get", { employerId: id }, { enabled: canRecord });
  const verify = useM("employers.verify");
  const apply = useM("employerRecord.decide");
  const d = q.data as EmployerDetail | undefined;
  const rec = record.data as EmployerRecord | undefined;

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {d && (
        <div>
          <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
            <h1 className="page-title" style={{ margin: 0 }}>
              <Typography.Text>{d.profile.name}</Typography.Text> <Tag color={EMPLOYER_STATUS[d.profile.status]?.color}>{label(EMPLOYER_STATUS, d.profile.status, t.lang)}</Tag>
              {d.profile.verifiedAt ? <Tag color="green">{t("desk.emp.verified")}</Tag> : <Tag>{t("desk.emp.unverified")}</Tag>}
            </h1>
            <Space>
              {!d.profile.verifiedAt && (
                <Button type="primary" loading={verify.isPending} data-testid="verify-employer"
                  onClick={() => verify.mutate({ employerId: id }, { onSuccess: () => message.success(t("desk.emp.verified")), onError: (e) => message.error(errorInfo(e, t.lang).message) })}>
                  {t("desk.emp.approve")}
                </Button>
              )}
              <Link to="/orders/new" state={{ employerId: id }}><Button>{t("desk.emp.newOrder")}</Button></Link>
            </Space>
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={3} items={[
              { key: "no", label: t("desk.no"), children: <span className="mono">{d.profile.employerNo}</span> },
              { key: "kind", label: t("desk.emp.kind"), children: d.profile.kind === "company" ? t("desk.emp.company") : t("desk.emp.household") },
              { key: "code", label: t("desk.emp.creditCode"), children: <span className="mono">{d.profile.creditCode ?? "—"}</span> },
              { key: "ind", label: t("desk.emp.industry"), children: label(INDUSTRY_LABELS, d.profile.industry, t.lang) },
              { key: "contact", label: t("desk.emp.contact"), children: d.profile.contactName },
              { key: "phone", label: t("desk.emp.phone"), children: <span className="mono">{d.profile.contactPhoneMasked}</span> },
              { key: "addr", label: t("desk.emp.address"), children: d.profile.address ?? "" },
              { key: "reason", label: t("desk.emp.statusReason"), children: d.profile.statusReason ?? "" },
            ]} />
          </Card>
          <Space size={24} style={{ marginBottom: 12 }}>
            <Statistic title={t("desk.emp.dispatches")} value={d.stats.dispatches} />
            <Statistic title={t("desk.emp.completed")} value={d.stats.completed} />
            <Statistic title={t("desk.emp.unpaid")} value={d.stats.unpaidCompleted} styles={{ content: { color: d.stats.unpaidCompleted > 0 ? "#cf1322" : undefined } }} />
          </Space>
          {canRecord && (
            <Card size="small" title={t("desk.emp.record")} style={{ marginBottom: 12 }}>
              {record.error && <Alert type="error" showIcon title={errorInfo(record.error, t.lang).message} />}
              {rec?.decision && (
                <Alert
                  type={rec.decision.action === "none" ? "info" : "warning"}
                  showIcon
                  title={`${t.f("desk.emp.advice", { action: label(EMPLOYER_ACTION, rec.decision.action, t.lang) })}${rec.decision.reviewOn ? t.f("desk.emp.reviewOn", { day: rec.decision.reviewOn }) : ""}`}
                  description={<Reasons reasons={rec.decision.reasons} />}
                  action={canApply && rec.decision.action !== "none" ? (
                    <Button loading={apply.isPending} onClick={() => apply.mutate({ employerId: id }, { onSuccess: () => message.success(t("desk.emp.applied")), onError: (e) => message.error(errorInfo(e, t.lang).message) })}>{t("desk.emp.apply")}</Button>
                  ) : undefined}
                  style={{ marginBottom: 8 }}
                />
              )}
              <Table size="small" rowKey="id" dataSource={rec?.actions ?? []} pagination={false} locale={{ emptyText: t("desk.emp.noActions") }}
                columns={[
                  { title: t("desk.time"), dataIndex: "decidedAt", render: (v: string) => shanghaiDateTime(v).slice(0, 10) },
                  { title: t("desk.emp.action"), dataIndex: "kind", render: (v: string) => label(EMPLOYER_ACTION, v, t.lang) },
                  { title: t("desk.emp.statusChange"), render: (_, a) => `${label(EMPLOYER_STATUS, a.statusBefore, t.lang)} → ${label(EMPLOYER_STATUS, a.statusAfter, t.lang)}` },
                  { title: t("desk.note"), dataIndex: "note" },
                ]} />
            </Card>
          )}
          <Card size="small" title={t("nav.orders")}>
            <Table size="small" rowKey="id" dataSource={d.orders} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: t("desk.emp.noOrders") }}
              columns={[
                { title: t("desk.orderNo"), dataIndex: "orderNo", render: (v: string, o) => <Link className="mono" to={`/orders/${o.id}`}>{v}</Link> },
                { title: t("desk.trade"), dataIndex: "tradeCode", render: (v: string) => tradeLabel(v, t.lang) },
                { title: t("desk.headcount"), render: (_, o) => `${o.filledCount}/${o.headcount}` },
                { title: t("desk.date"), render: (_, o) => (o.startDate === o.endDate ? o.startDate : t.f("desk.range", { a: o.startDate, b: o.endDate })) },
                { title: t("desk.wage"), render: (_, o) => formatFen(o.wageFen) },
                { title: t("common.status"), dataIndex: "status", render: (v: string) => <Tag color={ORDER_STATUS[v]?.color}>{label(ORDER_STATUS, v, t.lang)}</Tag> },
              ]} />
          </Card>
        </div>
      )}
    </QueryState>
  );
}
