import { Alert, Button, Descriptions, Input, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../i18n/index.tsx";
import type { In } from "../../lib/api-types.ts";
import { isCheckedKind, policyProblems } from "./policy-problems.ts";
import { PublishBar } from "./PublishBar.tsx";
import { ProblemsAlert } from "./ProblemsAlert.tsx";

type Kind = In<"policies.get">["kind"];

export const PRE = {
  margin: 0,
  whiteSpace: "pre-wrap",
  fontSize: 12,
  maxHeight: 420,
  overflow: "auto",
  background: "#fafafa",
  padding: 8,
} as const;

/**
 * A policy shown and edited as JSON. Kinds core can check (rewards, employer record) are run
 * through core's validator here first, so the head sees every wrong field before anything is sent;
 * the API checks again and its refusal shows on the publish bar.
 */
export function JsonPolicy({ kind, body, editable }: { kind: Kind; body: unknown; editable: boolean }) {
  const t = useT();
  const initial = JSON.stringify(body, null, 2);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const stopEditing = () => {
    setEditing(false);
    setError(null);
    setProblems([]);
  };
  if (!editing) {
    return (
      <div>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t("adm.pol.versionId")}>
            {String((body as { version?: unknown } | null)?.version ?? "")}
          </Descriptions.Item>
        </Descriptions>
        <pre style={PRE} data-testid="policy-json">
          {initial}
        </pre>
        {editable && (
          <Button
            style={{ marginTop: 8 }}
            onClick={() => {
              // Start from the version in force now: it may have changed since this screen opened.
              setText(initial);
              setEditing(true);
            }}
            data-testid="policy-edit"
          >
            {t("adm.pol.edit")}
          </Button>
        )}
      </div>
    );
  }
  return (
    <div>
      <Alert type="info" showIcon title={t("adm.pol.editHint")} style={{ marginBottom: 8 }} />
      <ProblemsAlert title={t("adm.pol.problems")} problems={problems} testId="policy-problems" />
      <Input.TextArea
        aria-label={t("adm.pol.jsonLabel")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
          setProblems([]);
        }}
        autoSize={{ minRows: 12, maxRows: 24 }}
        style={{ fontFamily: "monospace", fontSize: 12 }}
        status={error || problems.length > 0 ? "error" : undefined}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <PublishBar
        kind={kind}
        onPublished={stopEditing}
        getBody={() => {
          let v: unknown;
          try {
            v = JSON.parse(text);
          } catch {
            v = null;
          }
          if (!v || typeof v !== "object" || Array.isArray(v)) {
            setError(t("adm.pol.jsonBad"));
            return null;
          }
          const found = isCheckedKind(kind) ? policyProblems(kind, v, t.lang) : [];
          setProblems(found);
          return found.length > 0 ? null : (v as Record<string, unknown>);
        }}
      />
      <Button
        style={{ marginTop: 8 }}
        onClick={() => {
          setText(initial);
          stopEditing();
        }}
      >
        {t("adm.pol.cancelEdit")}
      </Button>
    </div>
  );
}
