import { Alert, Checkbox, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { TradeSelect } from "../../components/TradeSelect.tsx";
import { useQ } from "../../lib/api.ts";
import type { Out } from "../../lib/api-types.ts";
import { starText } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";

type Board = Out<"publicity.leaderboard">;
type Row = Board["entries"][number];

const EXPORT: ExportColumn<Row>[] = [
  { title: "名次", value: (r) => r.rank },
  { title: "零工编号", value: (r) => r.workerNo },
  { title: "姓名", value: (r) => r.name },
  { title: "星级", value: (r) => r.stars },
  { title: "工种", value: (r) => r.trade?.zh ?? "" },
  { title: "完成单数", value: (r) => r.jobs },
  { title: "回访次数", value: (r) => r.rated },
  { title: "满意次数", value: (r) => r.satisfied },
  { title: "满意率%", value: (r) => r.satisfactionPercent },
  { title: "满意率下限", value: (r) => r.satisfactionLb },
  { title: "同意公开展示", value: (r) => (r.publicConsent ? "是" : "否") },
];

const WINDOWS = [30, 90, 180, 365];

/** R4 优秀榜 for staff: the computed ranking with full names and who may be shown publicly. */
export function LeaderboardTab() {
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
        title="排名规则"
        description={
          q.data
            ? `统计 ${q.data.window.from} 至 ${q.data.window.to}：完成不少于 ${q.data.policy.minJobs} 单、回访不少于 ${q.data.policy.minRated} 次、无成立投诉、未在候场或逐出期的零工，按回访满意率的 95% 置信下限排序（1 单 1 满意不会排在 50 单 48 满意之前），其次完成单数、星级。大厅屏幕和手机页只显示已在荣誉榜上同意公开展示的零工，且只显示姓氏。`
            : "按回访满意率的置信下限排序。"
        }
      />
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <TradeSelect allowClear style={{ width: 200 }} value={trade} onChange={(v) => setTrade(v ?? undefined)} data-testid="leaderboard-trade" />
          <Select
            style={{ width: 130 }}
            value={windowDays}
            onChange={setWindowDays}
            options={WINDOWS.map((d) => ({ value: d, label: `近 ${d} 天` }))}
            data-testid="leaderboard-window"
          />
          <Checkbox checked={consentingOnly} onChange={(e) => setConsentingOnly(e.target.checked)}>
            只看可公开展示的
          </Checkbox>
        </Space>
        <ExportButton name="优秀零工排行" columns={EXPORT} rows={rows} />
      </Space>
      <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} isEmpty={rows.length === 0} emptyText="这段时间还没有达到上榜条件的零工">
        <Table<Row>
          rowKey="workerId"
          size="middle"
          data-testid="leaderboard-list"
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人（符合条件 ${q.data?.eligible ?? n} 人）` }}
          columns={[
            { title: "名次", dataIndex: "rank", width: 64, render: (v: number) => <strong>{v}</strong> },
            { title: "零工", width: 190, render: (_, r) => <span>{r.name} <Typography.Text type="secondary" className="mono">{r.workerNo}</Typography.Text></span> },
            { title: "星级", dataIndex: "stars", width: 110, render: (v: number) => starText(v) },
            { title: "工种", width: 120, render: (_, r) => r.trade?.zh ?? "" },
            { title: "完成单数", dataIndex: "jobs", width: 90, align: "right" },
            {
              title: "回访满意",
              width: 150,
              render: (_, r) => (
                <Tooltip title={r.reasons.map((x) => x.zh).join("；")}>
                  <span>
                    {r.satisfied}/{r.rated}（{r.satisfactionPercent}%）
                  </span>
                </Tooltip>
              ),
            },
            { title: "满意率下限", dataIndex: "satisfactionLb", width: 100, align: "right", render: (v: number) => `${(v * 100).toFixed(1)}%` },
            {
              title: "公开展示",
              width: 110,
              render: (_, r) => (r.publicConsent ? <Tag color="green">已同意</Tag> : <Tooltip title="需在荣誉榜登记并征得本人同意后才在大厅屏幕显示"><Tag>未同意</Tag></Tooltip>),
            },
          ]}
        />
      </QueryState>
    </div>
  );
}
