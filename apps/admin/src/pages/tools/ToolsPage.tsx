import { Tabs } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { useQ } from "../../lib/api.ts";
import { useCan } from "../../lib/session.ts";
import { PageHead } from "../ops/ops-common.tsx";
import { ToolCatalogue } from "./ToolCatalogue.tsx";
import { LendPanel, OverduePanel, RentalHistory } from "./ToolRentals.tsx";

/** R3 tool counter: lend and return, the catalogue (free hand tools, paid ones with a deposit), overdue list. */
export default function ToolsPage() {
  const t = useT();
  const [tab, setTab] = useState("counter");
  const overdue = useQ("rentals.overdue");
  const mayLend = useCan("rentals.lend");
  const n = overdue.data?.length ?? 0;
  return (
    <div>
      <PageHead title={t("nav.tools")} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          ...(mayLend ? [{ key: "counter", label: t("ops.tools.counter"), children: <LendPanel /> }] : []),
          { key: "overdue", label: `${t("ops.tools.overdue")}${n ? `（${n}）` : ""}`, children: <OverduePanel query={overdue} /> },
          { key: "catalogue", label: t("ops.tools.catalogue"), children: <ToolCatalogue /> },
          { key: "history", label: t("ops.tools.history"), children: <RentalHistory /> },
        ]}
      />
    </div>
  );
}
