import { SearchOutlined } from "@ant-design/icons";
import { AutoComplete, Input, Tag, Typography } from "antd";
import type { RefSelectProps } from "antd";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { useT } from "../i18n/index.tsx";
import { useQ } from "../lib/api.ts";
import { SEARCH_DEBOUNCE_MS, useDebounced } from "../lib/use-search.ts";
import type { Out } from "../lib/api-types.ts";
import { genderLabel, starText } from "../lib/display.ts";
import { errorInfo } from "../lib/errors.ts";
import { isQuickFindShortcut, isTypingTarget, parsePick, pickPath, pickValue, quickFindTerm } from "../lib/quick-find.ts";
import { useCan } from "../lib/session.ts";
import { EMPLOYER_STATUS } from "../pages/employers/employer-common.ts";
import { STATUS_LABELS, useTownshipOptions } from "../pages/workers/worker-common.tsx";

type Worker = Out<"workers.search">[number];
type Employer = Out<"employers.search">[number];

const WORKER_LIMIT = 8;
const EMPLOYER_LIMIT = 5;

const sub = { color: "#666", fontSize: 12 } as const;

/** The township and a separator; nothing when it is set but this role cannot read the names. */
function townText(t: ReturnType<typeof useT>, townshipId: string | null, name: string | undefined): string {
  if (name) return `${name} · `;
  return townshipId ? "" : `${t("search.noTownship")} · `;
}

/**
 * The header's quick-find: workers (and employers where the role may search them) by name, phone,
 * ID number or number as you type. Searches go through the POST-only `*.search` procedures (the
 * client posts every query), so a typed ID number or phone never lands in a URL; results show the
 * masked fields the API returns. ↑↓ + Enter opens an archive, Enter with no row highlighted opens
 * the full worker list for the text, Esc closes, "/" focuses the box from anywhere but a field.
 */
export function QuickFind() {
  const t = useT();
  const navigate = useNavigate();
  const ref = useRef<RefSelectProps>(null);
  const [text, setText] = useState("");
  const live = quickFindTerm(text);
  const term = useDebounced(live, SEARCH_DEBOUNCE_MS);
  const settled = term !== null && term === live;
  const mayWorkers = useCan("workers.search");
  const mayEmployers = useCan("employers.search");
  const towns = useTownshipOptions();
  const townName = useMemo(() => new Map(towns.options.map((o) => [o.value, o.label])), [towns.options]);

  const workersQ = useQ("workers.search", { q: term ?? "", limit: WORKER_LIMIT }, { enabled: term !== null && mayWorkers });
  const employersQ = useQ("employers.search", { q: term ?? "", limit: EMPLOYER_LIMIT }, { enabled: term !== null && mayEmployers });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!isQuickFindShortcut(e) || isTypingTarget(e.target as HTMLElement | null) || isTypingTarget(document.activeElement as HTMLElement | null)) return;
      e.preventDefault();
      ref.current?.focus();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function leave(path: string, state?: { q: string }) {
    setText("");
    ref.current?.blur();
    navigate(path, state ? { state } : undefined);
  }

  function openList() {
    const q = text.trim();
    if (q) leave("/workers", { q });
  }

  const options = useMemo(() => {
    if (!live) return [];
    const groups: { label: ReactNode; options: { value: string; label: ReactNode; disabled?: boolean }[] }[] = [];
    const workers = settled && mayWorkers ? (workersQ.data ?? []) : [];
    const employers = settled && mayEmployers ? (employersQ.data ?? []) : [];
    if (workers.length > 0) groups.push({ label: t("search.workers"), options: workers.map((w) => ({ value: pickValue({ kind: "worker", id: w.id }), label: <WorkerItem w={w} town={townName.get(w.townshipId ?? "")} /> })) });
    if (employers.length > 0) groups.push({ label: t("search.employers"), options: employers.map((e) => ({ value: pickValue({ kind: "employer", id: e.id }), label: <EmployerItem e={e} town={townName.get(e.townshipId ?? "")} /> })) });
    const pending = !settled || (mayWorkers && workersQ.isFetching) || (mayEmployers && employersQ.isFetching);
    const error = (mayWorkers ? workersQ.error : null) ?? (mayEmployers ? employersQ.error : null);
    const status = pending ? t("search.searching") : error ? t.f("search.error", { msg: errorInfo(error).message }) : groups.length === 0 ? t("search.noMatch") : null;
    const tail: { value: string; label: ReactNode; disabled?: boolean }[] = [];
    if (status) tail.push({ value: "status", disabled: true, label: <span data-testid="quick-find-status">{status}</span> });
    tail.push({ value: pickValue({ kind: "all" }), label: <span data-testid="quick-find-all">{t.f("search.seeAll", { q: live })}</span> });
    groups.push({ label: t("search.hint"), options: tail });
    return groups;
  }, [live, settled, workersQ.data, workersQ.isFetching, workersQ.error, employersQ.data, employersQ.isFetching, employersQ.error, mayWorkers, mayEmployers, townName, t]);

  // A role that may search neither (e.g. an auditor) gets no box rather than a box that fails.
  if (!mayWorkers && !mayEmployers) return null;
  return (
    // The header's 64px line height would otherwise stretch the input to the full bar.
    <div style={{ flex: "0 1 420px", minWidth: 0, lineHeight: "normal" }}>
      <AutoComplete
        ref={ref}
        value={text}
        options={options}
        onChange={(v: string) => setText(v)}
        onSelect={(v: string) => {
          const pick = parsePick(v);
          if (!pick) return;
          if (pick.kind === "all") openList();
          else leave(pickPath(pick));
        }}
        onKeyDown={(e) => {
          // The list handles Enter first and prevents the default when it opened a highlighted row.
          if (e.key === "Enter" && !e.defaultPrevented && !e.nativeEvent.isComposing) openList();
        }}
        popupMatchSelectWidth={560}
        style={{ width: "100%" }}
        data-testid="quick-find"
      >
        <Input
          aria-label={t("common.search")}
          placeholder={t("search.placeholder")}
          prefix={<SearchOutlined style={{ color: "#999" }} />}
          allowClear
          autoComplete="off"
          data-testid="global-search"
        />
      </AutoComplete>
    </div>
  );
}

function WorkerItem({ w, town }: { w: Worker; town: string | undefined }) {
  const t = useT();
  const status = STATUS_LABELS[w.status];
  const who = [genderLabel(w.gender, t.lang), w.age !== null ? t.f("search.age", { n: w.age }) : null].filter(Boolean).join(" ");
  return (
    <div data-testid="quick-find-worker" style={{ lineHeight: 1.5, padding: "2px 0" }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <Typography.Text strong>{w.name}</Typography.Text>
        <span className="mono">{w.workerNo}</span>
        <span style={sub}>{who}</span>
        <span style={{ marginLeft: "auto" }}>{starText(w.stars, t.lang)}</span>
        <Tag color={status?.color} style={{ marginInlineEnd: 0 }}>{status ? t.pick(status) : w.status}</Tag>
      </div>
      <div style={sub}>
        {townText(t, w.townshipId, town)}<span className="mono">{w.phoneMasked ?? ""}</span> · <span className="mono">{w.idNumberMasked ?? ""}</span>
      </div>
    </div>
  );
}

function EmployerItem({ e, town }: { e: Employer; town: string | undefined }) {
  const t = useT();
  const status = EMPLOYER_STATUS[e.status];
  return (
    <div data-testid="quick-find-employer" style={{ lineHeight: 1.5, padding: "2px 0" }}>
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <Typography.Text strong ellipsis style={{ maxWidth: 300 }}>{e.name}</Typography.Text>
        <span className="mono">{e.employerNo}</span>
        <Tag color={status?.color} style={{ marginLeft: "auto", marginInlineEnd: 0 }}>{t(`search.employerStatus.${e.status}`)}</Tag>
      </div>
      <div style={sub}>
        {townText(t, e.townshipId, town)}{e.contactName} <span className="mono">{e.contactPhoneMasked ?? ""}</span>
      </div>
    </div>
  );
}
