import { formatFen } from "@lingong/core";
import { Alert, App, Button, Card, Descriptions, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useM, useQ } from "../../lib/api.ts";
import { shanghaiDateTime, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { useCan } from "../../lib/session.ts";
import { ORDER_STATUS } from "../orders/order-common.ts";
import { EMPLOYER_STATUS, INDUSTRY_LABELS, type EmployerView } from "./employer-common.ts";

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

const ACTION_LABEL: Record<string, string> = { none: "无需处理", warning: "警示", exclusion: "暂停合作", lifted: "解除" };

/** Employer record (R10): profile, verification, orders, and the arrears/warning ladder. */
export default function EmployerPage() {
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
              <Typography.Text>{d.profile.name}</Typography.Text> <Tag color={EMPLOYER_STATUS[d.profile.status]?.color}>{EMPLOYER_STATUS[d.profile.status]?.zh}</Tag>
              {d.profile.verifiedAt ? <Tag color="green">已核验</Tag> : <Tag>未核验</Tag>}
            </h1>
            <Space>
              {!d.profile.verifiedAt && (
                <Button type="primary" loading={verify.isPending} data-testid="verify-employer"
                  onClick={() => verify.mutate({ employerId: id }, { onSuccess: () => message.success("已核验"), onError: (e) => message.error(errorInfo(e).message) })}>
                  核验通过
                </Button>
              )}
              <Link to="/orders/new" state={{ employerId: id }}><Button>为其登记用工需求</Button></Link>
            </Space>
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={3} items={[
              { key: "no", label: "编号", children: <span className="mono">{d.profile.employerNo}</span> },
              { key: "kind", label: "类型", children: d.profile.kind === "company" ? "单位" : "个人/家庭" },
              { key: "code", label: "统一社会信用代码", children: <span className="mono">{d.profile.creditCode ?? "—"}</span> },
              { key: "ind", label: "行业", children: INDUSTRY_LABELS[d.profile.industry] ?? d.profile.industry },
              { key: "contact", label: "联系人", children: d.profile.contactName },
              { key: "phone", label: "联系电话", children: <span className="mono">{d.profile.contactPhoneMasked}</span> },
              { key: "addr", label: "地址", children: d.profile.address ?? "" },
              { key: "reason", label: "状态说明", children: d.profile.statusReason ?? "" },
            ]} />
          </Card>
          <Space size={24} style={{ marginBottom: 12 }}>
            <Statistic title="派工人次" value={d.stats.dispatches} />
            <Statistic title="已完工" value={d.stats.completed} />
            <Statistic title="完工未确认工资到账" value={d.stats.unpaidCompleted} styles={{ content: { color: d.stats.unpaidCompleted > 0 ? "#cf1322" : undefined } }} />
          </Space>
          {canRecord && (
            <Card size="small" title="信用记录（欠薪、警示）" style={{ marginBottom: 12 }}>
              {record.error && <Alert type="error" showIcon title={errorInfo(record.error).message} />}
              {rec?.decision && (
                <Alert
                  type={rec.decision.action === "none" ? "info" : "warning"}
                  showIcon
                  title={`规则建议：${ACTION_LABEL[rec.decision.action] ?? rec.decision.action}${rec.decision.reviewOn ? `（复查日 ${rec.decision.reviewOn}）` : ""}`}
                  description={<Reasons reasons={rec.decision.reasons} />}
                  action={canApply && rec.decision.action !== "none" ? (
                    <Button loading={apply.isPending} onClick={() => apply.mutate({ employerId: id }, { onSuccess: () => message.success("已执行"), onError: (e) => message.error(errorInfo(e).message) })}>执行</Button>
                  ) : undefined}
                  style={{ marginBottom: 8 }}
                />
              )}
              <Table size="small" rowKey="id" dataSource={rec?.actions ?? []} pagination={false} locale={{ emptyText: "没有警示或暂停记录" }}
                columns={[
                  { title: "时间", dataIndex: "decidedAt", render: (v: string) => shanghaiDateTime(v).slice(0, 10) },
                  { title: "处理", dataIndex: "kind", render: (v: string) => ACTION_LABEL[v] ?? v },
                  { title: "状态变化", render: (_, a) => `${EMPLOYER_STATUS[a.statusBefore]?.zh ?? a.statusBefore} → ${EMPLOYER_STATUS[a.statusAfter]?.zh ?? a.statusAfter}` },
                  { title: "备注", dataIndex: "note" },
                ]} />
            </Card>
          )}
          <Card size="small" title="用工需求">
            <Table size="small" rowKey="id" dataSource={d.orders} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: "暂无用工需求" }}
              columns={[
                { title: "单号", dataIndex: "orderNo", render: (v: string, o) => <Link className="mono" to={`/orders/${o.id}`}>{v}</Link> },
                { title: "工种", dataIndex: "tradeCode", render: (v: string) => tradeLabel(v) },
                { title: "人数", render: (_, o) => `${o.filledCount}/${o.headcount}` },
                { title: "日期", render: (_, o) => (o.startDate === o.endDate ? o.startDate : `${o.startDate} 至 ${o.endDate}`) },
                { title: "报酬", render: (_, o) => formatFen(o.wageFen) },
                { title: "状态", dataIndex: "status", render: (v: string) => <Tag color={ORDER_STATUS[v]?.color}>{ORDER_STATUS[v]?.zh ?? v}</Tag> },
              ]} />
          </Card>
        </div>
      )}
    </QueryState>
  );
}
