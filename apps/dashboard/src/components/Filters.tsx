import { DatePicker, Select, Space } from "antd";
import dayjs from "dayjs";
import { TRADES } from "@lingong/core";
import type { AnalyticsFilterInput, MarketsData } from "../api-types.ts";
import { tradeLabel } from "../charts/common.ts";
import { translator, useLang } from "../i18n.ts";

export interface FiltersProps {
  value: AnalyticsFilterInput;
  markets: MarketsData | undefined;
  onChange(next: AnalyticsFilterInput): void;
}

/** Period (months), market (province view only), township and trade. */
export function Filters({ value, markets, onChange }: FiltersProps) {
  const { lang } = useLang();
  const t = translator(lang);
  const chosenMarkets = value.marketIds ?? [];
  const townships = (markets?.townships ?? []).filter((tw) => chosenMarkets.length === 0 ? (markets?.markets.length ?? 0) === 1 : chosenMarkets.includes(tw.marketId));
  return (
    <Space wrap className="filters">
      <DatePicker.RangePicker
        picker="month"
        allowClear={false}
        value={[dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)]}
        onChange={(r) => {
          if (r?.[0] && r[1]) onChange({ ...value, from: r[0].format("YYYY-MM"), to: r[1].format("YYYY-MM") });
        }}
        aria-label={t("period")}
      />
      {markets?.province ? (
        <Select
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t("allMarkets")}
          value={chosenMarkets}
          options={markets.markets.map((m) => ({ value: m.id, label: m.name }))}
          onChange={(ids: string[]) => onChange({ ...value, marketIds: ids.length ? ids : undefined, townshipId: undefined })}
          optionFilterProp="label"
          maxTagCount={2}
          data-testid="market-filter"
        />
      ) : null}
      <Select
        allowClear
        style={{ minWidth: 140 }}
        placeholder={t("allTownships")}
        value={value.townshipId}
        disabled={townships.length === 0}
        options={townships.map((tw) => ({ value: tw.id, label: tw.name }))}
        onChange={(id: string | undefined) => onChange({ ...value, townshipId: id })}
      />
      <Select
        allowClear
        showSearch
        style={{ minWidth: 160 }}
        placeholder={t("allTrades")}
        value={value.trade}
        options={TRADES.map((tr) => ({ value: tr.code, label: tradeLabel(tr.code, t) }))}
        optionFilterProp="label"
        onChange={(code: string | undefined) => onChange({ ...value, trade: code })}
      />
    </Space>
  );
}
