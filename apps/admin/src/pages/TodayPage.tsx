import { DatePicker, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useT } from "../i18n/index.tsx";
import { todayShanghai } from "../lib/display.ts";
import { DispatchTable } from "./orders/DispatchTable.tsx";

/** Today's board of dispatches: start, complete, no-show and the worker's paid confirmation. */
export default function TodayPage() {
  const t = useT();
  const today = todayShanghai();
  const [day, setDay] = useState(today);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>{day === today ? t("nav.today") : t.f("desk.today.onDay", { day })}</h1>
        <Space>
          <Typography.Text type="secondary">{t("desk.today.refresh")}</Typography.Text>
          <DatePicker value={dayjs(day)} allowClear={false} onChange={(d) => d && setDay(d.format("YYYY-MM-DD"))} />
        </Space>
      </Space>
      <DispatchTable day={day} showOrder />
    </div>
  );
}
