import { Alert, Button, Empty, Spin } from "antd";
import type { ReactNode } from "react";
import { useT } from "../i18n/index.tsx";
import { errorInfo } from "../lib/errors.ts";

interface Props {
  isPending: boolean;
  error: unknown;
  isEmpty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}

/** Loading, error and empty states in one place, so every screen shows them the same way. */
export function QueryState({ isPending, error, isEmpty, emptyText, onRetry, children }: Props) {
  const t = useT();
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t("common.loadError")}
        description={errorInfo(error, t.lang).message}
        action={onRetry ? <Button onClick={onRetry}>{t("common.retry")}</Button> : undefined}
        data-testid="load-error"
      />
    );
  }
  if (isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (isEmpty) return <Empty description={emptyText ?? t("common.empty")} />;
  return <>{children}</>;
}
