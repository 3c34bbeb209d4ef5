import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { allowedSkillGrades, TRADE_CATEGORIES, TRADE_CATEGORY_LABELS, TRADES, type SkillGrade } from "@lingong/core";
import { Button, Form, Select, Space, type SelectProps } from "antd";
import { useT } from "../i18n/index.tsx";
import { gradeLabel } from "../lib/display.ts";

/** Trade picker grouped by category, searchable by Chinese name. */
export function TradeSelect(props: SelectProps<string>) {
  const t = useT();
  const options = TRADE_CATEGORIES.map((c) => ({
    label: t.pick(TRADE_CATEGORY_LABELS[c]),
    title: c,
    options: TRADES.filter((tr) => tr.category === c).map((tr) => ({ value: tr.code, label: t.lang === "en" ? tr.en : tr.zh })),
  }));
  return <Select showSearch={{ optionFilterProp: "label" }} placeholder={t("trade.pick")} options={options} {...props} />;
}

/** Grades the trade allows (catalogue), so an impossible pair cannot be picked. */
export function gradeOptions(trade: string | undefined, lang: "zh" | "en") {
  const grades: readonly SkillGrade[] = trade ? allowedSkillGrades(trade) : ["none"];
  return grades.map((g) => ({ value: g, label: gradeLabel(g, lang) }));
}

export interface TradeRow {
  tradeCode?: string;
  skillGrade?: SkillGrade;
}

/** `trades: [{ tradeCode, skillGrade }]` as a list of rows; a trade change resets its grade. */
export function TradeGradeList({ name = "trades", min = 1 }: { name?: string; min?: number }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows: TradeRow[] | undefined) => {
            // An empty row already says 请选择工种; this one speaks only when there is no row at all.
            if ((rows ?? []).length < min) throw new Error(t("trade.atLeastOne"));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" style={{ display: "flex" }}>
              <Form.Item name={[field.name, "tradeCode"]} rules={[{ required: true, message: t("trade.required") }]} style={{ width: 220 }}>
                <TradeSelect
                  aria-label={t("order.trade")}
                  onChange={(code: string) => {
                    const grades = allowedSkillGrades(code);
                    form.setFieldValue([name, field.name, "skillGrade"], grades.length === 1 ? grades[0] : "none");
                  }}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const trade = form.getFieldValue([name, field.name, "tradeCode"]) as string | undefined;
                  return (
                    <Form.Item name={[field.name, "skillGrade"]} rules={[{ required: true, message: t("trade.gradeRequired") }]} style={{ width: 200 }}>
                      <Select aria-label={t("trade.grade")} placeholder={t("trade.grade")} options={gradeOptions(trade, t.lang)} disabled={!trade} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined aria-label={t("trade.remove")} onClick={() => remove(field.name)} />}
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ skillGrade: "none" })} icon={<PlusOutlined />}>
            {t("trade.add")}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
