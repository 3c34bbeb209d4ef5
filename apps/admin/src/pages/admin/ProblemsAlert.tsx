import { Alert } from "antd";

/** The list of what is wrong with a policy before it is published (first 10), under one title. */
export function ProblemsAlert({ title, problems, testId }: { title: string; problems: readonly string[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.slice(0, 10).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 8 }}
    />
  );
}
