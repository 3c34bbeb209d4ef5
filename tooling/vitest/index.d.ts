import type { ViteUserConfig } from "vitest/config";
export declare function lingongVitest(overrides?: ViteUserConfig["test"]): ViteUserConfig;
