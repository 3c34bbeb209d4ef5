import { Button, Result, Spin } from "antd";
import { Navigate, useLocation } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { useSession } from "../lib/session.ts";
import { StaffLayout } from "./StaffLayout.tsx";

/** Staff screens need a session: without one the login page opens and comes back here after. */
export function RequireAuth() {
  const { session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <Spin size="large" style={{ display: "block", margin: "120px auto" }} />;
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  if (error && code !== "UNAUTHORIZED" && code !== "FORBIDDEN") {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorInfo(error).message}
        extra={<Button onClick={() => void refetch()}>重试</Button>}
      />
    );
  }
  if (!session || !session.userId) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <StaffLayout session={session} />;
}
