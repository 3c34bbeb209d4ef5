import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { shanghaiDate } from "@lingong/core";
import { useT } from "../i18n/index.tsx";
import { exportFileName, exportXlsx, type ExportColumn } from "../lib/excel.ts";

export function ExportButton<T>({ name, columns, rows }: { name: string; columns: readonly ExportColumn<T>[]; rows: readonly T[] }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const t = useT();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={rows.length === 0}
      onClick={() => {
        setBusy(true);
        exportXlsx(exportFileName(name, shanghaiDate(new Date())), columns, rows)
          .catch(() => message.error(t("desk.exportFailed")))
          .finally(() => setBusy(false));
      }}
    >
      {t("common.export")}
    </Button>
  );
}
