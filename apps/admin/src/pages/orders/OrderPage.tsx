import { formatFen, type DiscriminationFinding, type Reason } from "@lingong/core";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, Popover, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { FindingsPanel } from "../../components/FindingsText.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { Reasons } from "../../components/Reasons.tsx";
import { trpcClient, useM, useQ } from "../../lib/api.ts";
import { gradeLabel, starText, tradeLabel } from "../../lib/display.ts";
import { errorInfo } from "../../lib/errors.ts";
import { BREAKDOWN_LABELS, toRecommendation, type CandidateRow, type Recommendation } from "../../lib/recommend.ts";
import { useCan } from "../../lib/session.ts";
import { DispatchTable } from "./DispatchTable.tsx";
import { ORDER_STATUS, WAGE_UNITS } from "./order-common.ts";

interface OrderDetail {
  order: { id: string; orderNo: string; tradeCode: string; skillGrade: string; minStars: number; headcount: number; filledCount: number; startDate: string; endDate: string; place: string; wageFen: number; wageUnit: string; requirements: string; status: string; overrideReason?: string | null };
  employer: { id: string; name: string; employerNo: string; status: string };
  guidance: { lowFen: number; highFen: number };
  wage: { belowFloor: boolean; reasons: Reason[] };
  findings: DiscriminationFinding[];
}

/** One order: its assessment, publishing, recommendation or lottery, shortlist, room and dispatch. */
export default function OrderPage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const q = useQ("orders.get", { orderId: id });
  const d = q.data as OrderDetail | undefined;
  const publish = useM("orders.publish");
  const [overrideReason, setOverrideReason] = useState("");

  return (
    <QueryState isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()}>
      {d && (
        <div>
          <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
            <h1 className="page-title" style={{ margin: 0 }}>
              <span className="mono">{d.order.orderNo}</span> {tradeLabel(d.order.tradeCode)} <Tag color={ORDER_STATUS[d.order.status]?.color}>{ORDER_STATUS[d.order.status]?.zh ?? d.order.status}</Tag>
            </h1>
            {d.order.status === "draft" && (
              <Space>
                {d.findings.length > 0 && <Input placeholder="强制发布理由（含歧视提示时必填）" value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} style={{ width: 260 }} />}
                <Button type="primary" loading={publish.isPending} data-testid="publish"
                  onClick={() => publish.mutate({ orderId: id, overrideReason: overrideReason.trim() || undefined }, { onSuccess: () => message.success("已发布，大厅屏幕和岗位页将显示"), onError: (e) => message.error(errorInfo(e).message) })}>
                  发布
                </Button>
              </Space>
            )}
          </Space>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={3} items={[
              { key: "emp", label: "用工方", children: <Link to={`/employers/${d.employer.id}`}><Typography.Text>{d.employer.name}</Typography.Text></Link> },
              { key: "grade", label: "技术等级", children: gradeLabel(d.order.skillGrade) },
              { key: "stars", label: "最低星级", children: d.order.minStars ? `${d.order.minStars} 星` : "不限" },
              { key: "head", label: "人数", children: `${d.order.filledCount}/${d.order.headcount}` },
              { key: "date", label: "日期", children: d.order.startDate === d.order.endDate ? d.order.startDate : `${d.order.startDate} 至 ${d.order.endDate}` },
              { key: "place", label: "地点", children: d.order.place },
              { key: "wage", label: "报酬", children: `${formatFen(d.order.wageFen)} ${WAGE_UNITS.find((u) => u.value === d.order.wageUnit)?.label ?? ""}` },
              { key: "guide", label: "指导价", children: `${formatFen(d.guidance.lowFen)} – ${formatFen(d.guidance.highFen)}` },
              { key: "req", label: "用工要求", children: d.order.requirements || "—" },
            ]} />
            {d.wage.belowFloor && <Alert type="error" showIcon title="报酬低于指导价下限" description={<Reasons reasons={d.wage.reasons.slice(0, 1)} />} style={{ marginTop: 8 }} />}
            <div style={{ marginTop: 8 }}><FindingsPanel text={d.order.requirements} findings={d.findings} /></div>
          </Card>
          {d.order.status !== "draft" && <MatchingPanel orderId={id} startDate={d.order.startDate} endDate={d.order.endDate} headcount={d.order.headcount - d.order.filledCount} open={["published", "partly_filled"].includes(d.order.status)} />}
          <Card size="small" title="已派工" style={{ marginTop: 12 }}>
            <DispatchTable orderId={id} />
          </Card>
        </div>
      )}
    </QueryState>
  );
}

function Breakdown({ c }: { c: CandidateRow }) {
  if (!c.breakdown) return null;
  return (
    <Space size={4} wrap>
      {(Object.keys(BREAKDOWN_LABELS) as (keyof typeof BREAKDOWN_LABELS)[]).map((k) =>
        c.breakdown?.[k] !== undefined ? <Tag key={k}>{BREAKDOWN_LABELS[k]} {Number(c.breakdown[k]).toFixed(1)}</Tag> : null,
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

function MatchingPanel({ orderId, startDate, endDate, headcount, open }: { orderId: string; startDate: string; endDate: string; headcount: number; open: boolean }) {
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
      setError(errorInfo(err).message);
    } finally {
      setBusy(false);
      setRunning(null);
    }
  }

  async function addShortlist() {
    try {
      await trpcClient.mutation("matching.shortlistAdd", { orderId, workerIds: selected, source: mode === "lottery" ? "lottery" : "recommend", lotteryDrawId: mode === "lottery" ? drawId : undefined, idempotencyKey: crypto.randomUUID() });
      message.success(`已加入候选名单（${selected.length} 人）`);
      await qc.invalidateQueries();
    } catch (err) {
      message.error(errorInfo(err).message);
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
        message.error(`${who}：${errorInfo(err).message}`);
      }
    }
    if (ok > 0) {
      message.success(`已派工 ${ok} 人`);
      setSelected([]);
      await qc.invalidateQueries();
      if (mode) await run("rank");
    }
  }

  return (
    <Card size="small" title="推荐与派工（R6）" extra={
      <Space>
        <Button type="primary" onClick={() => void run("rank")} loading={busy && running === "rank"} disabled={!open} data-testid="recommend">按评分推荐</Button>
        <Input placeholder="摇号种子（留空自动生成）" value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: 200 }} aria-label="摇号种子" />
        <Button onClick={() => void run("lottery")} loading={busy && running === "lottery"} disabled={!open} data-testid="lottery">摇号</Button>
      </Space>
    }>
      {!open && <Alert type="info" showIcon title="该需求已满员或已结束，不再推荐" />}
      {open && !result && !error && <Typography.Text type="secondary">点击“按评分推荐”按技能、星级、满意率、距离和轮换排序；或“摇号”在符合条件的人中公开抽签。</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {result && (
        <>
          {mode === "lottery" && result.seed && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="lottery-seed"
              title={<span>摇号种子：<Typography.Text code copyable>{result.seed}</Typography.Text>{result.checksum ? <> 校验码：<Typography.Text code>{result.checksum}</Typography.Text></> : null}（凭种子可复核抽签结果）</span>} />
          )}
          {result.shortfall > 0 && <Alert type="warning" showIcon title={`符合条件的人数不足，还差 ${result.shortfall} 人`} style={{ marginBottom: 8 }} />}
          <Table<CandidateRow>
            size="small"
            rowKey="workerId"
            dataSource={result.candidates}
            pagination={false}
            locale={{ emptyText: "没有符合条件的零工" }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
            columns={[
              { title: mode === "lottery" ? "抽中顺序" : "名次", dataIndex: "rank", width: 80 },
              { title: "姓名", render: (_, c) => <Link to={`/workers/${c.workerId}`}><Typography.Text>{c.name || c.workerNo || c.workerId.slice(0, 8)}</Typography.Text></Link> },
              { title: "编号", dataIndex: "workerNo", width: 100, render: (v: string) => <span className="mono">{v}</span> },
              { title: "星级", dataIndex: "stars", width: 100, render: (v: number | null) => (v === null ? "" : starText(v)) },
              { title: "得分", dataIndex: "score", width: 70, render: (v: number | null) => (v === null ? "" : v.toFixed(1)) },
              { title: "得分构成", render: (_, c) => <Breakdown c={c} /> },
              { title: "理由", width: 70, render: (_, c) => (c.reasons.length ? <Popover content={<Reasons reasons={c.reasons} />}><a>查看</a></Popover> : null) },
            ]}
          />
          {result.excludedByReason.length > 0 && (
            <div style={{ marginTop: 8 }} data-testid="excluded">
              <Typography.Text type="secondary">未入选：</Typography.Text>
              {result.excludedByReason.map((e) => <Tag key={e.code}>{e.label} {e.count} 人</Tag>)}
              {result.excluded.length > 0 && (
                <Popover content={<ul className="reason-list">{result.excluded.map((x) => <li key={x.workerId}>{x.name || x.workerId.slice(0, 8)}：{x.reasons.map((r) => r.zh).join("；")}</li>)}</ul>}>
                  <a>明细</a>
                </Popover>
              )}
            </div>
          )}
          <Space style={{ marginTop: 12 }} wrap>
            <Typography.Text>已选 {selected.length} 人</Typography.Text>
            {canShortlist && <Button disabled={selected.length === 0} onClick={() => void addShortlist()} data-testid="shortlist-add">加入候选名单</Button>}
            <Typography.Text>工作时间</Typography.Text>
            <Select aria-label="开工时间" style={{ width: 90 }} value={hours[0]} onChange={(h) => setHours([h, hours[1]])} options={HOURS} showSearch={{ optionFilterProp: "label" }} />
            <Typography.Text>至</Typography.Text>
            <Select aria-label="收工时间" style={{ width: 90 }} value={hours[1]} onChange={(h) => setHours([hours[0], h])} options={HOURS} showSearch={{ optionFilterProp: "label" }} />
            <Button type="primary" disabled={selected.length === 0 || (startDate === endDate && hours[1] <= hours[0])} onClick={() => void dispatch(selected)} data-testid="dispatch-selected">直接派工（{selected.length} 人）</Button>
          </Space>
        </>
      )}
      {shortlist.length > 0 && (
        <Card size="small" type="inner" title={`候选名单（${shortlist.length} 人）`} style={{ marginTop: 12 }} extra={<RoomBooking orderId={orderId} party={shortlist.filter((x) => ["shortlisted", "invited", "accepted"].includes(x.status)).length + 1} />}>
          <Table<ShortlistRow> size="small" rowKey="id" dataSource={shortlist} pagination={false}
            columns={[
              { title: "姓名", render: (_, r) => <Link to={`/workers/${r.workerId}`}><Typography.Text>{r.name}</Typography.Text></Link> },
              { title: "编号", dataIndex: "workerNo", render: (v: string) => <span className="mono">{v}</span> },
              { title: "星级", dataIndex: "stars", render: (v: number) => starText(v) },
              { title: "来源", dataIndex: "source", render: (v: string) => ({ recommend: "推荐", lottery: "摇号", manual: "手工" })[v] ?? v },
              { title: "操作", render: (_, r) => <Button size="small" type="primary" onClick={() => void dispatch([r.workerId])}>派工</Button> },
            ]} />
        </Card>
      )}
    </Card>
  );
}

/** Books a negotiation room for the shortlist plus the employer; only rooms large enough are offered. */
function RoomBooking({ orderId, party }: { orderId: string; party: number }) {
  const { message } = App.useApp();
  const roomsQ = useQ("matching.rooms", undefined);
  const rooms = ((Array.isArray(roomsQ.data) ? roomsQ.data : []) as Room[]).filter((r) => r.active !== false);
  const fits = rooms.filter((r) => r.capacity >= party);
  const [roomId, setRoomId] = useState<string | undefined>();
  const [slot, setSlot] = useState<[Dayjs, Dayjs] | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const chosen = roomId ?? fits[0]?.id;

  async function book() {
    if (!chosen || !slot) return;
    try {
      await trpcClient.mutation("matching.book", { roomId: chosen, orderId, startsAt: slot[0].toDate(), endsAt: slot[1].toDate(), idempotencyKey: crypto.randomUUID() });
      const name = rooms.find((r) => r.id === chosen)?.name ?? "";
      setBooked(`${name} ${slot[0].format("MM-DD HH:mm")}–${slot[1].format("HH:mm")}`);
      message.success("已预约洽谈室");
    } catch (err) {
      message.error(errorInfo(err).message);
    }
  }

  if (booked) return <Tag color="blue">洽谈室：{booked}</Tag>;
  return (
    <Space size={4}>
      <Typography.Text type="secondary">需 {party} 座</Typography.Text>
      <Select size="small" style={{ width: 150 }} value={chosen} onChange={setRoomId} placeholder={fits.length ? "选择洽谈室" : "没有足够大的洽谈室"}
        options={rooms.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}座）`, disabled: r.capacity < party }))} />
      <DatePicker.RangePicker size="small" showTime={{ format: "HH:mm", minuteStep: 15 }} format="MM-DD HH:mm" value={slot} onChange={(v) => setSlot(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
      <Button size="small" disabled={!chosen || !slot} onClick={() => void book()}>预约</Button>
    </Space>
  );
}
