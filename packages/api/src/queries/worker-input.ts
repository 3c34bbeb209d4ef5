import { consentNotice, SKILL_GRADE_ORDER } from "@lingong/core";
import { z } from "zod";
import { zName, zOptText, zUuid } from "./workforce-common.ts";

// The field rules of a worker registration, shared by workers.register, completing a
// pre-registration and the sheet import (which reports them per row instead of throwing).

export const zSkillGrade = z.enum(SKILL_GRADE_ORDER as unknown as ["none", "L5", "L4", "L3", "L2", "L1"]);
export const zTrade = z.object({
  code: z.string().min(1).max(40),
  skillGrade: zSkillGrade.default("none"),
  certificates: z.array(z.string().min(1).max(40)).max(10).default([]),
});
/**
 * The consent notice version a registration records (PIPL 14, 29): only a version published in
 * core's CONSENT_NOTICES, so every stored consent points at a text that can be shown again.
 */
export const zConsentVersion = z
  .string()
  .trim()
  .min(1, "缺少告知同意书版本")
  .max(20)
  // An empty version already has its own message above.
  .refine((v) => v.length === 0 || consentNotice(v) !== null, "告知同意书版本（consentVersion）不存在，请刷新页面后重新阅读同意书");
export const zWorkerFields = {
  name: zName(50),
  idNumber: z.string().trim().min(1, "请填写身份证号").max(30, "身份证号过长"),
  phone: z.string().trim().min(1, "请填写手机号").max(20, "手机号过长"),
  hukou: zOptText(100),
  homeAddress: zOptText(200),
  tempAddress: zOptText(200),
  townshipId: zUuid("乡镇").optional(),
  trades: z.array(zTrade).min(1, "请至少选择一个工种").max(10, "工种不能超过 10 个"),
  workYears: z.number().int("工作年限须为整数").min(0, "工作年限不能为负").max(60, "工作年限不能超过 60 年"),
  workHistory: zOptText(2000),
  hasVerifiedReferences: z.boolean().optional(),
  consentVersion: zConsentVersion,
  consentGiven: z.boolean(),
};
export const zRegisterFields = z.object(zWorkerFields);
