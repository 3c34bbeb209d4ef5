export { default } from "@lingong/eslint-config";
