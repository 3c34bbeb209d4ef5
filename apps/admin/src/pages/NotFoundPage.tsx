import { Button, Result } from "antd";
import { Link } from "react-router";

export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="请从左侧菜单选择要办理的业务。" extra={<Link to="/"><Button type="primary">回到首页</Button></Link>} />;
}
