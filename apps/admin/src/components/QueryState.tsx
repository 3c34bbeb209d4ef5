import { Alert, Button, Empty, Spin } from "antd";
import type { ReactNode } from "react";
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
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={errorInfo(error).message}
        action={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
        data-testid="load-error"
      />
    );
  }
  if (isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  if (isEmpty) return <Empty description={emptyText ?? "暂无数据"} />;
  return <>{children}</>;
}
