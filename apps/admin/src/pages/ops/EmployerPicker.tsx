import { Select, Spin, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { usePickerSearch } from "../../lib/use-search.ts";

interface EmployerRow {
  id: string;
  name: string;
  employerNo?: string | null;
  contactName?: string | null;
  status?: string | null;
}

/** Employer field: searches `employers.search` by name, number or phone as the user types. */
export function EmployerPicker({ value, onChange, testId }: { value?: string; onChange?: (id: string | undefined) => void; testId?: string }) {
  const t = useT();
  const [term, setTerm] = useState("");
  const [picked, setPicked] = useState<EmployerRow | null>(null);
  const { rows, busy, error } = usePickerSearch<EmployerRow>("employers.search", term, t.lang);
  if (!value && picked) setPicked(null);
  const list = picked && !rows.some((r) => r.id === picked.id) ? [picked, ...rows] : rows;
  return (
    <Select<string>
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      allowClear
      value={value}
      placeholder={t("ops.emp.pick")}
      notFoundContent={busy ? <Spin size="small" /> : error ? <Typography.Text type="danger">{error}</Typography.Text> : term.trim() ? t("ops.emp.noMatch") : null}
      options={list.map((e) => ({ value: e.id, label: `${e.name}${e.employerNo ? t.f("ops.c.paren", { s: e.employerNo }) : ""}` }))}
      onChange={(v) => {
        setPicked(list.find((r) => r.id === v) ?? null);
        onChange?.(v ?? undefined);
      }}
      style={{ width: "100%" }}
    />
  );
}
