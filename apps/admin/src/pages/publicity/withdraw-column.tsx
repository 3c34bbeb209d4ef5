import { Button, Popconfirm, type App } from "antd";
import { errorInfo } from "../../lib/errors.ts";
import { newIdemKey } from "../ops/ops-common.tsx";

interface Withdrawable {
  id: string;
  status: string;
}

/**
 * The "撤下" column of the honour roll and announcements: shown only to those who may publish,
 * and only on entries still active; a withdrawal is confirmed first and keeps its history.
 */
export function withdrawColumn<R extends Withdrawable>(
  mayAct: boolean,
  confirmTitle: string,
  withdraw: { mutate: (input: { id: string; idempotencyKey: string }, opts: { onError: (e: unknown) => void }) => void },
  message: ReturnType<typeof App.useApp>["message"],
) {
  if (!mayAct) return [];
  return [
    {
      title: "操作",
      width: 80,
      render: (_: unknown, r: R) =>
        r.status === "active" && (
          <Popconfirm
            title={confirmTitle}
            okText="撤下"
            cancelText="取消"
            onConfirm={() => withdraw.mutate({ id: r.id, idempotencyKey: newIdemKey() }, { onError: (e) => message.error(errorInfo(e).message) })}
          >
            <Button size="small">撤下</Button>
          </Popconfirm>
        ),
    },
  ];
}
