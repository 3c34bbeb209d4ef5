import {
  allowedSkillGrades,
  formatFen,
  SKILL_GRADE_LABELS,
  SKILL_GRADE_ORDER,
  TRADE_CATEGORIES,
  TRADE_CATEGORY_LABELS,
  TRADES,
  type GuidanceWagePolicy,
  type SkillGrade,
  type TradeCategory,
} from "@lingong/core";
import { Alert, Descriptions, InputNumber, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { PublishBar } from "./PublishBar.tsx";
import { toFenTable, toYuanGrid, wageProblemsZh, type YuanGrid } from "./wage-table.ts";

interface Row {
  code: string;
  zh: string;
  category: TradeCategory;
}

const ROWS: Row[] = TRADES.map((t) => ({ code: t.code, zh: t.zh, category: t.category }));

/**
 * The guidance wage table as a grid of trade x skill grade in yuan a day. An empty cell takes the
 * nearest lower grade's rate; a trade with no row takes its category's default. Published as
 * integer fen after core's `validateGuidanceWagePolicy` passes.
 */
export function WageGrid({ body, editable }: { body: unknown; editable: boolean }) {
  const policy = body as GuidanceWagePolicy;
  const [grid, setGrid] = useState<YuanGrid>(() => toYuanGrid(policy.dayRateFen ?? {}));
  const [cats, setCats] = useState<Partial<Record<TradeCategory, number | null>>>(() =>
    Object.fromEntries(Object.entries(policy.categoryDefaultFen ?? {}).map(([k, v]) => [k, v / 100])),
  );
  const [problems, setProblems] = useState<string[]>([]);

  const draft = useMemo((): GuidanceWagePolicy => {
    const categoryDefaultFen = Object.fromEntries(TRADE_CATEGORIES.map((c) => [c, yuanToFen(cats[c]) ?? 0])) as Record<TradeCategory, number>;
    return { ...policy, dayRateFen: toFenTable(grid), categoryDefaultFen };
  }, [policy, grid, cats]);

  function setCell(trade: string, grade: SkillGrade, v: number | null) {
    setGrid((g) => ({ ...g, [trade]: { ...g[trade], [grade]: v } }));
    setProblems([]);
  }

  const exportCols: ExportColumn<Row>[] = [
    { title: "工种", value: (r) => r.zh },
    { title: "类别", value: (r) => TRADE_CATEGORY_LABELS[r.category].zh },
    ...SKILL_GRADE_ORDER.map((g) => ({ title: `${SKILL_GRADE_LABELS[g].zh}（元/天）`, value: (r: Row) => grid[r.code]?.[g] ?? null })),
  ];

  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">日工价（元/天）。空格按较低等级执行；未列出的工种按类别默认价执行。</Typography.Text>
        <ExportButton name="劳务报酬指导价" columns={exportCols} rows={ROWS} />
      </Space>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="wage-problems"
          title="指导价表有误，未发布"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<Row>
        rowKey="code"
        size="small"
        data-testid="wage-grid"
        dataSource={ROWS}
        pagination={false}
        scroll={{ y: 380 }}
        columns={[
          { title: "工种", dataIndex: "zh", width: 150, fixed: "left" },
          ...SKILL_GRADE_ORDER.map((g) => ({
            title: SKILL_GRADE_LABELS[g].zh,
            width: 110,
            render: (_: unknown, r: Row) => {
              if (!allowedSkillGrades(r.code).includes(g)) return <Typography.Text type="secondary">—</Typography.Text>;
              const v = grid[r.code]?.[g] ?? null;
              return editable ? (
                <InputNumber
                  aria-label={`${r.zh} ${SKILL_GRADE_LABELS[g].zh} 日工价`}
                  size="small"
                  min={0}
                  max={100000}
                  precision={2}
                  value={v}
                  onChange={(n) => setCell(r.code, g, typeof n === "number" ? n : null)}
                  style={{ width: 96 }}
                />
              ) : v === null ? (
                ""
              ) : (
                formatFen(yuanToFen(v) ?? 0)
              );
            },
          })),
        ]}
      />
      <Descriptions size="small" column={4} style={{ marginTop: 12 }} title="类别默认日工价（元/天）">
        {TRADE_CATEGORIES.map((c) => (
          <Descriptions.Item key={c} label={TRADE_CATEGORY_LABELS[c].zh}>
            {editable ? (
              <InputNumber
                aria-label={`${TRADE_CATEGORY_LABELS[c].zh}类默认日工价`}
                size="small"
                min={0}
                precision={2}
                value={cats[c] ?? null}
                onChange={(n) => {
                  setCats((x) => ({ ...x, [c]: typeof n === "number" ? n : null }));
                  setProblems([]);
                }}
                style={{ width: 96 }}
              />
            ) : (
              formatFen(policy.categoryDefaultFen?.[c] ?? 0)
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
        <Descriptions.Item label="星级系数（‰，0–5 星）">{(policy.starMultiplierPermille ?? []).join(" / ")}</Descriptions.Item>
        <Descriptions.Item label="区间半宽（‰）">{policy.rangeSpreadPermille}</Descriptions.Item>
        <Descriptions.Item label="低于下限提示（‰）">{policy.floorPermille}</Descriptions.Item>
        <Descriptions.Item label="半天折算（‰）">{policy.halfDayPermille}</Descriptions.Item>
        <Descriptions.Item label="每天工时">{policy.hoursPerDay}</Descriptions.Item>
      </Descriptions>
      {editable && (
        <PublishBar
          kind="wages"
          getBody={() => {
            const found = wageProblemsZh(draft);
            setProblems(found);
            return found.length > 0 ? null : (draft as unknown as Record<string, unknown>);
          }}
        />
      )}
    </div>
  );
}
