export { default } from "@lingong/eslint-config/core";
