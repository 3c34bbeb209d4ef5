import { lingongVitest } from "@lingong/vitest-config";

export default lingongVitest();
