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
import { Descriptions, InputNumber, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useT } from "../../i18n/index.tsx";
import { yuanToFen } from "../../lib/display.ts";
import type { ExportColumn } from "../../lib/excel.ts";
import { PublishBar } from "./PublishBar.tsx";
import { toFenTable, toYuanGrid, wageProblems, type YuanGrid } from "./wage-table.ts";
import { ProblemsAlert } from "./ProblemsAlert.tsx";

interface Row {
  code: string;
  zh: string;
  en: string;
  category: TradeCategory;
}

const ROWS: Row[] = TRADES.map((t) => ({ code: t.code, zh: t.zh, en: t.en, category: t.category }));

/**
 * The guidance wage table as a grid of trade x skill grade in yuan a day. An empty cell takes the
 * nearest lower grade's rate; a trade with no row takes its category's default. Published as
 * integer fen after core's `validateGuidanceWagePolicy` passes.
 */
export function WageGrid({ body, editable }: { body: unknown; editable: boolean }) {
  const t = useT();
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
    { title: t("ops.c.trade"), value: (r) => t.pick(r) },
    { title: t("ops.c.category"), value: (r) => t.pick(TRADE_CATEGORY_LABELS[r.category]) },
    ...SKILL_GRADE_ORDER.map((g) => ({ title: t.f("adm.wage.perDayCol", { grade: t.pick(SKILL_GRADE_LABELS[g]) }), value: (r: Row) => grid[r.code]?.[g] ?? null })),
  ];

  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">{t("adm.wage.hint")}</Typography.Text>
        <ExportButton name={t("adm.wage.export")} columns={exportCols} rows={ROWS} />
      </Space>
      <ProblemsAlert title={t("adm.wage.problems")} problems={problems} testId="wage-problems" />
      <Table<Row>
        rowKey="code"
        size="small"
        data-testid="wage-grid"
        dataSource={ROWS}
        pagination={false}
        scroll={{ y: 380 }}
        columns={[
          { title: t("ops.c.trade"), dataIndex: t.lang, width: 150, fixed: "left" },
          ...SKILL_GRADE_ORDER.map((g) => ({
            title: t.pick(SKILL_GRADE_LABELS[g]),
            width: 110,
            render: (_: unknown, r: Row) => {
              if (!allowedSkillGrades(r.code).includes(g)) return <Typography.Text type="secondary">—</Typography.Text>;
              const v = grid[r.code]?.[g] ?? null;
              return editable ? (
                <InputNumber
                  aria-label={t.f("adm.wage.cellLabel", { trade: t.pick(r), grade: t.pick(SKILL_GRADE_LABELS[g]) })}
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
      <Descriptions size="small" column={4} style={{ marginTop: 12 }} title={t("adm.wage.catDefaults")}>
        {TRADE_CATEGORIES.map((c) => (
          <Descriptions.Item key={c} label={t.pick(TRADE_CATEGORY_LABELS[c])}>
            {editable ? (
              <InputNumber
                aria-label={t.f("adm.wage.catLabel", { cat: t.pick(TRADE_CATEGORY_LABELS[c]) })}
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
        <Descriptions.Item label={t("adm.wage.starMult")}>{(policy.starMultiplierPermille ?? []).join(" / ")}</Descriptions.Item>
        <Descriptions.Item label={t("adm.wage.spread")}>{policy.rangeSpreadPermille}</Descriptions.Item>
        <Descriptions.Item label={t("adm.wage.floor")}>{policy.floorPermille}</Descriptions.Item>
        <Descriptions.Item label={t("adm.wage.halfDay")}>{policy.halfDayPermille}</Descriptions.Item>
        <Descriptions.Item label={t("adm.wage.hours")}>{policy.hoursPerDay}</Descriptions.Item>
      </Descriptions>
      {editable && (
        <PublishBar
          kind="wages"
          getBody={() => {
            const found = wageProblems(draft, t.lang);
            setProblems(found);
            return found.length > 0 ? null : (draft as unknown as Record<string, unknown>);
          }}
        />
      )}
    </div>
  );
}
