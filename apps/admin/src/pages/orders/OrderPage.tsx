import { formatFen, type DiscriminationFinding, type Reason } from "@lingong/core";
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { FindingsPanel } from "../../components/FindingsText.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { useM, useQ } from "../../lib/api.ts";
import { gradeLabel, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { label } from "../ops/ops-common.tsx";
import { DispatchTable } from "./DispatchTable.tsx";
import { MatchingPanel } from "./MatchingPanel.tsx";
import { ORDER_STATUS, wageUnitLabel } from "./order-common.ts";

interface OrderDetail {
  order: { id: string; orderNo: string; tradeCode: string; skillGrade: string; minStars: number; headcount: number; filledCount: number; startDate: string; endDate: string; place: string; wageFen: number; wageUnit: string; requirements: string; status: string; overrideReason?: string | null };
  employer: { id: string; name: string; employerNo: string; status: string };
  guidance: { lowFen: number; highFen: number };
  wage: { belowFloor: boolean; reasons: Reason[] };
  findings: DiscriminationFinding[];
}

/** One order: its assessment, publishing, recommendation or lottery, shortlist, room and dispatch. */
export default function OrderPage() {
  const t = useT();
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const q = useQ("orders.get", { orderId: id });
  const d = q.data as OrderDetail | undefined;
  const publish = useM("orders.publish");
  const [overrideReason, setOverrideReason] = useState("");

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {d && (
        <div>
          <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
            <h1 className="page-title" style={{ margin: 0 }}>
              <span className="mono">{d.order.orderNo}</span> {tradeLabel(d.order.tradeCode, t.lang)} <Tag color={ORDER_STATUS[d.order.status]?.color}>{label(ORDER_STATUS, d.order.status, t.lang)}</Tag>
            </h1>
            {d.order.status === "draft" && (
              <Space>
                {d.findings.length > 0 && <Input placeholder={t("desk.o.overrideNeeded")} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} style={{ width: 260 }} />}
                <Button type="primary" loading={publish.isPending} data-testid="publish"
                  onClick={() => publish.mutate({ orderId: id, overrideReason: overrideReason.trim() || undefined }, { onSuccess: () => message.success(t("desk.o.published")), onError: (e) => message.error(errorInfo(e, t.lang).message) })}>
                  {t("desk.o.publish")}
                </Button>
              </Space>
            )}
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={3} items={[
              { key: "emp", label: t("desk.employer"), children: <Link to={`/employers/${d.employer.id}`}><Typography.Text>{d.employer.name}</Typography.Text></Link> },
              { key: "grade", label: t("desk.grade"), children: gradeLabel(d.order.skillGrade, t.lang) },
              { key: "stars", label: t("desk.minStars"), children: d.order.minStars ? t.f("desk.stars", { n: d.order.minStars }) : t("desk.anyStars") },
              { key: "head", label: t("desk.headcount"), children: `${d.order.filledCount}/${d.order.headcount}` },
              { key: "date", label: t("desk.date"), children: d.order.startDate === d.order.endDate ? d.order.startDate : t.f("desk.range", { a: d.order.startDate, b: d.order.endDate }) },
              { key: "place", label: t("desk.place"), children: d.order.place },
              { key: "wage", label: t("desk.wage"), children: `${formatFen(d.order.wageFen)} ${wageUnitLabel(d.order.wageUnit, t.lang)}` },
              { key: "guide", label: t("desk.o.guidanceShort"), children: `${formatFen(d.guidance.lowFen)} – ${formatFen(d.guidance.highFen)}` },
              { key: "req", label: t("order.requirements"), children: d.order.requirements || "—" },
            ]} />
            {d.wage.belowFloor && <Alert type="error" showIcon title={t("desk.o.belowFloor")} description={<Reasons reasons={d.wage.reasons.slice(0, 1)} />} style={{ marginTop: 8 }} />}
            <div style={{ marginTop: 8 }}><FindingsPanel text={d.order.requirements} findings={d.findings} /></div>
          </Card>
          {d.order.status !== "draft" && <MatchingPanel orderId={id} startDate={d.order.startDate} endDate={d.order.endDate} headcount={d.order.headcount - d.order.filledCount} open={["published", "partly_filled"].includes(d.order.status)} />}
          <Card size="small" title={t("desk.o.dispatched")} style={{ marginTop: 12 }}>
            <DispatchTable orderId={id} />
          </Card>
        </div>
      )}
    </QueryState>
  );
}
