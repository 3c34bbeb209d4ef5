import { Tabs } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import { useCan } from "../../lib/session.ts";
import { PageHead } from "../ops/ops-common.tsx";
import { AnnouncementsTab } from "./AnnouncementsTab.tsx";
import { ExposureTab } from "./ExposureTab.tsx";
import { HonourTab } from "./HonourTab.tsx";
import { LeaderboardTab } from "./LeaderboardTab.tsx";

/** M5 public notice: honour roll, exposure board (legal basis, period, appeal) and announcements. */
export default function PublicityPage() {
  const t = useT();
  const mayExposure = useCan("publicity.exposureList");
  const [tab, setTab] = useState("honour");
  const items = [
    { key: "honour", label: t("adm.publicity.honour"), children: <HonourTab /> },
    { key: "leaders", label: t("adm.publicity.leaders"), children: <LeaderboardTab /> },
    ...(mayExposure ? [{ key: "exposure", label: t("adm.publicity.exposure"), children: <ExposureTab /> }] : []),
    { key: "announcements", label: t("adm.publicity.announcements"), children: <AnnouncementsTab /> },
  ];
  return (
    <div>
      <PageHead title={t("nav.publicity")} />
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
    </div>
  );
}
