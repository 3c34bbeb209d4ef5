import { Button, Popconfirm, type App } from "antd";
import { errorInfo } from "../../lib/errors.ts";
import { newIdemKey, type Tr } from "../ops/ops-common.tsx";

interface Withdrawable {
  id: string;
  status: string;
}

/**
 * The "撤下" column of the honour roll and announcements: shown only to those who may publish,
 * and only on entries still active; a withdrawal is confirmed first and keeps its history.
 */
export function withdrawColumn<R extends Withdrawable>(
  t: Tr,
  mayAct: boolean,
  confirmTitle: string,
  withdraw: { mutate: (input: { id: string; idempotencyKey: string }, opts: { onError: (e: unknown) => void }) => void },
  message: ReturnType<typeof App.useApp>["message"],
) {
  if (!mayAct) return [];
  return [
    {
      title: t("common.actions"),
      width: 80,
      render: (_: unknown, r: R) =>
        r.status === "active" && (
          <Popconfirm
            title={confirmTitle}
            okText={t("adm.pub.withdraw")}
            cancelText={t("common.cancel")}
            onConfirm={() => withdraw.mutate({ id: r.id, idempotencyKey: newIdemKey() }, { onError: (e) => message.error(errorInfo(e).message) })}
          >
            <Button size="small">{t("adm.pub.withdraw")}</Button>
          </Popconfirm>
        ),
    },
  ];
}
