import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Input, Popover, Select, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { Reasons } from "../../components/Reasons.tsx";
import { useT } from "../../i18n/index.tsx";
import { trpcClient, useQ } from "../../lib/api.ts";
import { starText } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { BREAKDOWN_LABELS, toRecommendation, type CandidateRow, type Recommendation } from "../../lib/recommend.ts";
import { useCan } from "../../lib/session.ts";

function Breakdown({ c }: { c: CandidateRow }) {
  const t = useT();
  if (!c.breakdown) return null;
  return (
    <Space size={4} wrap>
      {(Object.keys(BREAKDOWN_LABELS) as (keyof typeof BREAKDOWN_LABELS)[]).map((k) =>
        c.breakdown?.[k] !== undefined ? <Tag key={k}>{t.pick(BREAKDOWN_LABELS[k])} {Number(c.breakdown[k]).toFixed(1)}</Tag> : null,
      )}
    </Space>
  );
}

interface ShortlistRow {
  id: string;
  workerId: string;
  workerNo: string;
  name: string;
  stars: number;
  status: string;
  source: string;
}

interface Room {
  id: string;
  name: string;
  capacity: number;
  active: boolean;
}

/** R6 recommendation and the lottery, then shortlist -> room sized to it (R5) -> dispatch. */
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, "0")}:00` }));
/** An hour on a market day (Asia/Shanghai) as an instant. */
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

export function MatchingPanel({ orderId, startDate, endDate, headcount, open }: { orderId: string; startDate: string; endDate: string; headcount: number; open: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // The mode of the result on screen; `running` is the one being fetched.
  const [mode, setMode] = useState<"rank" | "lottery" | null>(null);
  const [running, setRunning] = useState<"rank" | "lottery" | null>(null);
  const [result, setResult] = useState<Recommendation | null>(null);
  const [drawId, setDrawId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [seed, setSeed] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const shortlistQ = useQ("matching.shortlist", { orderId });
  const shortlist = (Array.isArray(shortlistQ.data) ? shortlistQ.data : []) as ShortlistRow[];
  const canShortlist = useCan("matching.shortlistAdd");
  const [hours, setHours] = useState<[number, number]>([8, 18]);

  async function run(kind: "rank" | "lottery") {
    setBusy(true);
    setRunning(kind);
    setError(null);
    try {
      const ranked = toRecommendation(await trpcClient.query("matching.recommend", { orderId, topK: 50 }));
      if (kind === "rank") {
        setResult(ranked);
        setMode("rank");
        setDrawId(undefined);
        setSelected(ranked.candidates.slice(0, Math.max(0, headcount)).map((c) => c.workerId));
      } else {
        const draw = (await trpcClient.mutation("matching.lottery", { orderId, seed: seed.trim() || undefined, count: Math.max(1, headcount), idempotencyKey: crypto.randomUUID() })) as { drawId: string; drawn: string[] };
        const lottery = toRecommendation(draw);
        const byId = new Map(ranked.candidates.map((c) => [c.workerId, c]));
        lottery.candidates = lottery.candidates.map((c) => ({ ...(byId.get(c.workerId) ?? c), rank: c.rank }));
        lottery.excludedByReason = ranked.excludedByReason;
        lottery.excluded = ranked.excluded;
        setResult(lottery);
        setMode("lottery");
        setDrawId(draw.drawId);
        setSelected(lottery.candidates.map((c) => c.workerId));
      }
    } catch (err) {
      setResult(null);
      setError(errorInfo(err, t.lang).message);
    } finally {
      setBusy(false);
      setRunning(null);
    }
  }

  async function addShortlist() {
    try {
      await trpcClient.mutation("matching.shortlistAdd", { orderId, workerIds: selected, source: mode === "lottery" ? "lottery" : "recommend", lotteryDrawId: mode === "lottery" ? drawId : undefined, idempotencyKey: crypto.randomUUID() });
      message.success(t.f("desk.m.shortlistAdded", { n: selected.length }));
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err, t.lang).message);
    }
  }

  async function dispatch(workerIds: string[]) {
    let ok = 0;
    for (const workerId of workerIds) {
      const sl = shortlist.find((x) => x.workerId === workerId);
      try {
        await trpcClient.mutation("dispatches.create", { orderId, workerId, startsAt: at(startDate, hours[0]), endsAt: at(endDate, hours[1]), ...(sl ? { shortlistId: sl.id } : {}), idempotencyKey: `${orderId}-${workerId}` });
        ok++;
      } catch (err) {
        const who = result?.candidates.find((c) => c.workerId === workerId)?.name ?? sl?.name ?? "";
        message.error(t.f("desk.m.who", { who, message: errorInfo(err, t.lang).message }));
      }
    }
    if (ok > 0) {
      message.success(t.f("desk.m.dispatchedN", { n: ok }));
      setSelected([]);
      await qc.invalidateQueries();
      if (mode) await run("rank");
    }
  }

  return (
    <Card size="small" title={t("desk.m.title")} data-testid="matching" extra={
      <Space>
        <Button type="primary" onClick={() => void run("rank")} loading={busy && running === "rank"} disabled={!open} data-testid="recommend">{t("desk.m.recommend")}</Button>
        <Input placeholder={t("desk.m.seed")} value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: 200 }} aria-label={t("desk.m.seedAria")} />
        <Button onClick={() => void run("lottery")} loading={busy && running === "lottery"} disabled={!open} data-testid="lottery">{t("desk.m.lottery")}</Button>
      </Space>
    }>
      {!open && <Alert type="info" showIcon title={t("desk.m.closed")} />}
      {open && !result && !error && <Typography.Text type="secondary">{t("desk.m.hint")}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {result && (
        <>
          {mode === "lottery" && result.seed && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="lottery-seed"
              title={<span>{t("desk.m.seedIs")}<Typography.Text code copyable>{result.seed}</Typography.Text>{result.checksum ? <>{t("desk.m.checksum")}<Typography.Text code>{result.checksum}</Typography.Text></> : null}{t("desk.m.verifiable")}</span>} />
          )}
          {result.shortfall > 0 && <Alert type="warning" showIcon title={t.f("desk.m.shortfall", { n: result.shortfall })} style={{ marginBottom: 8 }} />}
          <Table<CandidateRow>
            size="small"
            rowKey="workerId"
            dataSource={result.candidates}
            pagination={false}
            locale={{ emptyText: t("desk.m.noCandidates") }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: mode === "lottery" ? t("desk.m.drawOrder") : t("desk.m.rank"), dataIndex: "rank", width: 80 },
              { title: t("worker.name"), render: (_, c) => <Link to={`/workers/${c.workerId}`}><Typography.Text>{c.name || c.workerNo || c.workerId.slice(0, 8)}</Typography.Text></Link> },
              { title: t("desk.no"), dataIndex: "workerNo", width: 100, render: (v: string) => <span className="mono">{v}</span> },
              { title: t("worker.star"), dataIndex: "stars", width: 100, render: (v: number | null) => (v === null ? "" : starText(v, t.lang)) },
              { title: t("desk.m.score"), dataIndex: "score", width: 70, render: (v: number | null) => (v === null ? "" : v.toFixed(1)) },
              { title: t("desk.m.breakdown"), render: (_, c) => <Breakdown c={c} /> },
              { title: t("desk.m.reasons"), width: 80, render: (_, c) => (c.reasons.length ? <Popover content={<Reasons reasons={c.reasons} />}><a>{t("common.view")}</a></Popover> : null) },
            ]}
          />
          {result.excludedByReason.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="excluded">
              <Typography.Text type="secondary">{t("desk.m.left")}</Typography.Text>
              {result.excludedByReason.map((e) => <Tag key={e.code}>{t.pick(e.label)} {t.f("desk.people", { n: e.count })}</Tag>)}
              {result.excluded.length > 0 && (
                <Popover content={<ul className="reason-list">{result.excluded.map((x) => <li key={x.workerId}>{t.f("desk.m.who", { who: x.name || x.workerId.slice(0, 8), message: x.reasons.map((r) => t.pick(r)).join(t("desk.m.sep")) })}</li>)}</ul>}>
                  <a>{t("desk.m.details")}</a>
                </Popover>
              )}
            </div>
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Typography.Text>{t.f("desk.m.selected", { n: selected.length })}</Typography.Text>
            {canShortlist && <Button disabled={selected.length === 0} onClick={() => void addShortlist()} data-testid="shortlist-add">{t("desk.m.shortlistAdd")}</Button>}
            <Typography.Text>{t("desk.m.hours")}</Typography.Text>
            <Select aria-label={t("desk.m.from")} style={{ width: 90 }} value={hours[0]} onChange={(h) => setHours([h, hours[1]])} options={HOURS} showSearch={{ optionFilterProp: "label" }} />
            <Typography.Text>{t("desk.m.to")}</Typography.Text>
            <Select aria-label={t("desk.m.until")} style={{ width: 90 }} value={hours[1]} onChange={(h) => setHours([hours[0], h])} options={HOURS} showSearch={{ optionFilterProp: "label" }} />
            <Button type="primary" disabled={selected.length === 0 || (startDate === endDate && hours[1] <= hours[0])} onClick={() => void dispatch(selected)} data-testid="dispatch-selected">{t.f("desk.m.dispatchSelected", { n: selected.length })}</Button>
          </Space>
        </>
      )}
      {shortlist.length > 0 && (
        <Card size="small" type="inner" title={t.f("desk.m.shortlist", { n: shortlist.length })} style={{ marginTop: 12 }} extra={<RoomBooking orderId={orderId} party={shortlist.filter((x) => ["shortlisted", "invited", "accepted"].includes(x.status)).length + 1} />}>
          <Table<ShortlistRow> size="small" rowKey="id" dataSource={shortlist} pagination={false}
            columns={[
              { title: t("worker.name"), render: (_, r) => <Link to={`/workers/${r.workerId}`}><Typography.Text>{r.name}</Typography.Text></Link> },
              { title: t("desk.no"), dataIndex: "workerNo", render: (v: string) => <span className="mono">{v}</span> },
              { title: t("worker.star"), dataIndex: "stars", render: (v: number) => starText(v, t.lang) },
              { title: t("desk.m.source"), dataIndex: "source", render: (v: string) => (v === "recommend" || v === "lottery" || v === "manual" ? t(`desk.m.src.${v}`) : v) },
              { title: t("common.actions"), render: (_, r) => <Button size="small" type="primary" onClick={() => void dispatch([r.workerId])}>{t("desk.m.dispatch")}</Button> },
            ]} />
        </Card>
      )}
    </Card>
  );
}

interface Booking {
  id: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Books a negotiation room for the shortlist plus the employer; only rooms large enough are offered.
 * The order's bookings from today on stay listed, so a reload or a colleague's screen shows them too.
 */
function RoomBooking({ orderId, party }: { orderId: string; party: number }) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const roomsQ = useQ("matching.rooms", undefined);
  const rooms = ((Array.isArray(roomsQ.data) ? roomsQ.data : []) as Room[]).filter((r) => r.active !== false);
  const fits = rooms.filter((r) => r.capacity >= party);
  const [roomId, setRoomId] = useState<string | undefined>();
  const [slot, setSlot] = useState<[Dayjs, Dayjs] | null>(null);
  // Fixed once per mount so the query key stays stable across renders.
  const [span] = useState(() => ({ from: dayjs().startOf("day").toDate(), to: dayjs().add(180, "day").toDate() }));
  const bookingsQ = useQ("matching.bookings", { ...span, orderId });
  const bookings = (Array.isArray(bookingsQ.data) ? bookingsQ.data : []) as unknown as Booking[];
  const chosen = roomId ?? fits[0]?.id;
  const roomName = (id: string) => rooms.find((r) => r.id === id)?.name ?? "";
  const when = (b: Booking) => `${dayjs(b.startsAt).format("MM-DD HH:mm")}–${dayjs(b.endsAt).format("HH:mm")}`;

  async function book() {
    if (!chosen || !slot) return;
    try {
      await trpcClient.mutation("matching.book", { roomId: chosen, orderId, startsAt: slot[0].toDate(), endsAt: slot[1].toDate(), idempotencyKey: crypto.randomUUID() });
      setSlot(null);
      message.success(t("desk.room.booked"));
      await qc.invalidateQueries({ queryKey: ["matching.bookings"] });
    } catch (err) {
      message.error(errorInfo(err, t.lang).message);
    }
  }

  return (
    <Space size={4} wrap>
      {bookings.map((b) => (
        <Tag key={b.id} color="blue">
          {t.f("desk.room.tag", { room: `${roomName(b.roomId)} ${when(b)}` })}
        </Tag>
      ))}
      <Typography.Text type="secondary">{t.f("desk.room.seats", { n: party })}</Typography.Text>
      <Select size="small" style={{ width: 150 }} value={chosen} onChange={setRoomId} placeholder={fits.length ? t("desk.room.pick") : t("desk.room.noneFits")}
        options={rooms.map((r) => ({ value: r.id, label: t.f("desk.room.option", { name: r.name, n: r.capacity }), disabled: r.capacity < party }))} />
      <DatePicker.RangePicker size="small" showTime={{ format: "HH:mm", minuteStep: 15 }} format="MM-DD HH:mm" value={slot} onChange={(v) => setSlot(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
      <Button size="small" disabled={!chosen || !slot} onClick={() => void book()}>{t("desk.room.book")}</Button>
    </Space>
  );
}
