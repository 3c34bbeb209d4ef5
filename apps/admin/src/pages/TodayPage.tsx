import { DatePicker, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { todayShanghai } from "../lib/display.ts";
import { DispatchTable } from "./orders/DispatchTable.tsx";

/** Today's board of dispatches: start, complete, no-show and the worker's paid confirmation. */
export default function TodayPage() {
  const today = todayShanghai();
  const [day, setDay] = useState(today);
  return (
    <div>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>{day === today ? "今日派工" : `${day} 派工`}</h1>
        <Space>
          <Typography.Text type="secondary">每分钟自动刷新</Typography.Text>
          <DatePicker value={dayjs(day)} allowClear={false} onChange={(d) => d && setDay(d.format("YYYY-MM-DD"))} />
        </Space>
      </Space>
      <DispatchTable day={day} showOrder />
    </div>
  );
}
