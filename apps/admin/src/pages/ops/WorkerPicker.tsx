import { Select, Spin, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { starText } from "../../lib/display.ts";
import { usePickerSearch } from "../../lib/use-search.ts";
import { STATUS_LABELS, type WorkerRow } from "../workers/worker-common.tsx";

export interface PickedWorker {
  id: string;
  name: string;
  workerNo: string;
  phoneMasked?: string | null | undefined;
  status?: string | undefined;
  stars?: number | undefined;
}

interface Props {
  value?: string | undefined;
  onChange?: (id: string | undefined, worker: PickedWorker | undefined) => void;
  autoFocus?: boolean;
  id?: string;
  testId?: string;
  disabled?: boolean;
}

/**
 * Worker field for any counter form: the same search as the header (name, phone, ID number or
 * worker number, through `workers.search` by POST), the value is the worker's opaque id.
 */
export function WorkerPicker({ value, onChange, autoFocus, id, testId, disabled }: Props) {
  const t = useT();
  const [term, setTerm] = useState("");
  const [picked, setPicked] = useState<WorkerRow | null>(null);
  const { rows, busy, error } = usePickerSearch<WorkerRow>("workers.search", term, t.lang);

  // A cleared form drops the remembered worker as well.
  if (!value && picked) setPicked(null);
  const list = picked && !rows.some((r) => r.id === picked.id) ? [picked, ...rows] : rows;
  const options = list.map((w) => ({
    value: w.id,
    label: `${w.name}${t.f("ops.c.paren", { s: w.workerNo })}`,
    row: w,
  }));

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      autoFocus={autoFocus}
      disabled={disabled}
      allowClear
      value={value}
      placeholder={t("ops.workerPick")}
      notFoundContent={busy ? <Spin size="small" /> : error ? <Typography.Text type="danger">{error}</Typography.Text> : term.trim() ? t("ops.noMatch") : null}
      options={options}
      optionRender={(o) => {
        const w = (o.data as { row: WorkerRow }).row;
        return (
          <span>
            <Typography.Text strong>{w.name}</Typography.Text>
            <Typography.Text type="secondary" className="mono" style={{ marginLeft: 8 }}>{w.workerNo}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{w.phoneMasked ?? ""}</Typography.Text>
            <span style={{ marginLeft: 8 }}>{starText(w.stars, t.lang)}</span>
            {w.status !== "active" && <Typography.Text type="warning" style={{ marginLeft: 8 }}>{t.pick(STATUS_LABELS[w.status]) || w.status}</Typography.Text>}
          </span>
        );
      }}
      onChange={(v) => {
        const w = list.find((r) => r.id === v);
        setPicked(w ?? null);
        onChange?.(v ?? undefined, w ? { id: w.id, name: w.name, workerNo: w.workerNo, phoneMasked: w.phoneMasked, status: w.status, stars: w.stars } : undefined);
      }}
      style={{ width: "100%" }}
    />
  );
}
