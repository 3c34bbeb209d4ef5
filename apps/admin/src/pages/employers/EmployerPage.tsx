import { Empty } from "antd";

export default function Page() {
  return <Empty description="此功能正在接入" />;
}
