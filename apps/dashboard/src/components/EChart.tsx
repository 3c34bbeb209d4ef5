import { DownloadOutlined, FileExcelOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Space, Tooltip, Typography } from "antd";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useRef } from "react";
import type { Option } from "../charts/common.ts";
import { echarts } from "../echarts.ts";
import { useLang, translator } from "../i18n.ts";
import { optionToRows } from "./option-rows.ts";

// Test hook: e2e reads each chart's option through echarts.getInstanceByDom.
(globalThis as { __lingongEcharts?: typeof echarts }).__lingongEcharts = echarts;

export interface ChartClick {
  /** Category (x value) of the clicked bar or point. */
  name: string;
  seriesId: string | undefined;
  dataIndex: number;
}

export interface EChartProps {
  /** Stable id: file names of exports, and `data-chart` for tests. */
  id: string;
  title: string;
  /** The one-line definition of what the chart counts. */
  definition: string;
  option: Option | null;
  height?: number;
  loading?: boolean;
  dark?: boolean;
  onClick?: (click: ChartClick) => void;
}

/** The dashboard's one chart component: title, definition, PNG and Excel export, click-through. */
export function EChart({ id, title, definition, option, height = 320, loading, dark, onClick }: EChartProps) {
  const ref = useRef<ReactEChartsCore>(null);
  const { lang } = useLang();
  const t = translator(lang);
  const exportPng = () => {
    const inst = ref.current?.getEchartsInstance();
    if (!inst) return;
    const a = document.createElement("a");
    a.href = inst.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: dark ? "#0b1d3a" : "#fff" });
    a.download = `${id}.png`;
    a.click();
  };
  const exportExcel = async () => {
    if (!option) return;
    const { default: writeXlsxFile } = await import("write-excel-file/browser");
    await writeXlsxFile(optionToRows(option, t("month")), { sheet: title.slice(0, 31) }).toFile(`${id}.xlsx`);
  };
  const series = (option?.series ?? []) as { data?: unknown[] }[];
  const empty = !option || series.every((s) => (s.data?.length ?? 0) === 0);
  return (
    <Card
      size="small"
      title={title}
      className={dark ? "chart-card dark" : "chart-card"}
      extra={
        dark ? null : (
          <Space size={4}>
            <Tooltip title={t("exportPng")}>
              <Button size="small" icon={<DownloadOutlined />} onClick={exportPng} aria-label={`${t("exportPng")} ${title}`} />
            </Tooltip>
            <Tooltip title={t("exportExcel")}>
              <Button size="small" icon={<FileExcelOutlined />} onClick={() => void exportExcel()} aria-label={`${t("exportExcel")} ${title}`} />
            </Tooltip>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }} className="chart-definition">
        {definition}
      </Typography.Paragraph>
      <div data-chart={id}>
        {empty && !loading ? (
          <Empty description={t("noData")} style={{ height, paddingTop: height / 4 }} />
        ) : (
          <ReactEChartsCore
            ref={ref}
            echarts={echarts}
            option={option ?? {}}
            notMerge
            showLoading={loading}
            theme={dark ? "dark" : undefined}
            style={{ height }}
            onEvents={
              onClick
                ? { click: (p: { name: string; seriesId?: string; dataIndex: number }) => onClick({ name: p.name, seriesId: p.seriesId, dataIndex: p.dataIndex }) }
                : undefined
            }
          />
        )}
      </div>
    </Card>
  );
}
