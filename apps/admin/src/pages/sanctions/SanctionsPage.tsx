import { Tabs } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { useCan } from "../../lib/session.ts";
import { PageHead } from "../ops/ops-common.tsx";
import { ProposePanel } from "./ProposePanel.tsx";
import { RewardsPanel } from "./RewardsPanel.tsx";
import { SanctionList } from "./SanctionList.tsx";

/** M8: sanction proposals on the ladder, the head's approval, appeal and reversal; rewards. */
export default function SanctionsPage() {
  const t = useT();
  const mayPropose = useCan("sanctions.propose");
  const mayList = useCan("sanctions.list");
  const [tab, setTab] = useState<string | undefined>();
  const items = [
    ...(mayPropose ? [{ key: "propose", label: t("ops.sanc.tab.propose"), children: <ProposePanel /> }] : []),
    ...(mayList ? [{ key: "list", label: t("ops.sanc.tab.list"), children: <SanctionList /> }] : []),
    { key: "rewards", label: t("nav.rewards"), children: <RewardsPanel /> },
  ];
  return (
    <div>
      <PageHead title={t("nav.sanctions")} />
      <Tabs activeKey={tab ?? items[0]?.key} onChange={setTab} items={items} />
    </div>
  );
}
