import { Alert, Checkbox, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { starText } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import type { Tr } from "../ops/ops-common.tsx";

type Board = Out<"publicity.leaderboard">;
type Row = Board["entries"][number];

const exportColumns = (t: Tr): ExportColumn<Row>[] => [
  { title: t("adm.lb.rank"), value: (r) => r.rank },
  { title: t("ops.c.workerNo"), value: (r) => r.workerNo },
  { title: t("ops.c.name"), value: (r) => r.name },
  { title: t("ops.c.stars"), value: (r) => r.stars },
  { title: t("ops.c.trade"), value: (r) => t.pick(r.trade) },
  { title: t("adm.lb.jobs"), value: (r) => r.jobs },
  { title: t("adm.lb.rated"), value: (r) => r.rated },
  { title: t("adm.lb.satisfied"), value: (r) => r.satisfied },
  { title: t("adm.lb.pct"), value: (r) => r.satisfactionPercent },
  { title: t("adm.lb.lb"), value: (r) => r.satisfactionLb },
  { title: t("adm.lb.consentCol"), value: (r) => t(r.publicConsent ? "ops.c.yes" : "ops.c.no") },
];

const WINDOWS = [30, 90, 180, 365];

/** R4 优秀榜 for staff: the computed ranking with full names and who may be shown publicly. */
export function LeaderboardTab() {
  const t = useT();
  const [trade, setTrade] = useState<string | undefined>(undefined);
  const [windowDays, setWindowDays] = useState(90);
  const [consentingOnly, setConsentingOnly] = useState(false);
  const q = useQ("publicity.leaderboard", { trade, windowDays, consentingOnly, limit: 100 });
  const rows = q.data?.entries ?? [];
  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("adm.lb.rules")}
        description={
          q.data
            ? t.f("adm.lb.rulesText", { from: q.data.window.from, to: q.data.window.to, minJobs: q.data.policy.minJobs, minRated: q.data.policy.minRated })
            : t("adm.lb.rulesShort")
        }
      />
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <TradeSelect allowClear style={{ width: 200 }} value={trade} onChange={(v) => setTrade(v ?? undefined)} data-testid="leaderboard-trade" />
          <Select
            style={{ width: 130 }}
            value={windowDays}
            onChange={setWindowDays}
            options={WINDOWS.map((d) => ({ value: d, label: t.f("adm.lb.window", { n: d }) }))}
            data-testid="leaderboard-window"
          />
          <Checkbox checked={consentingOnly} onChange={(e) => setConsentingOnly(e.target.checked)}>
            {t("adm.lb.consentingOnly")}
          </Checkbox>
        </Space>
        <ExportButton name={t("adm.publicity.leaders")} columns={exportColumns(t)} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText={t("adm.lb.empty")}>
        <Table<Row>
          rowKey="workerId"
          size="middle"
          data-testid="leaderboard-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => t.f("adm.lb.total", { n, m: q.data?.eligible ?? n }) }}
          columns={[
            { title: t("adm.lb.rank"), dataIndex: "rank", width: 64, render: (v: number) => <strong>{v}</strong> },
            { title: t("ops.worker"), width: 190, render: (_, r) => <span>{r.name} <Typography.Text type="secondary" className="mono">{r.workerNo}</Typography.Text></span> },
            { title: t("ops.c.stars"), dataIndex: "stars", width: 110, render: (v: number) => starText(v, t.lang) },
            { title: t("ops.c.trade"), width: 120, render: (_, r) => t.pick(r.trade) },
            { title: t("adm.lb.jobs"), dataIndex: "jobs", width: 90, align: "right" },
            {
              title: t("adm.lb.satisfaction"),
              width: 150,
              render: (_, r) => (
                <Tooltip title={r.reasons.map((x) => t.pick(x)).join(t("ops.c.listSep"))}>
                  <span>
                    {r.satisfied}/{r.rated}{t.f("ops.c.paren", { s: `${r.satisfactionPercent}%` })}
                  </span>
                </Tooltip>
              ),
            },
            { title: t("adm.lb.lb"), dataIndex: "satisfactionLb", width: 100, align: "right", render: (v: number) => `${(v * 100).toFixed(1)}%` },
            {
              title: t("adm.lb.public"),
              width: 110,
              render: (_, r) => (r.publicConsent ? <Tag color="green">{t("adm.lb.agreed")}</Tag> : <Tooltip title={t("adm.lb.notAgreedTip")}><Tag>{t("adm.lb.notAgreed")}</Tag></Tooltip>),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
