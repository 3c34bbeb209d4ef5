/**
 * The personal-information processing notice (个人信息处理告知) a worker reads, or has read to them,
 * before registering (PIPL Art 14, 17, 29). The version a worker agreed to is stored with the
 * archive and is the legal record of that consent, so a published wording never changes: a new
 * wording is a new entry with a new version, and old entries stay so old records can be shown.
 */

export interface ConsentNotice {
  /** Stored with the archive as `consentVersion`. */
  version: string;
  /** First day (Asia/Shanghai) the wording was shown. */
  effectiveFrom: string;
  /** The notice in Simplified Chinese, the binding text; paragraphs separated by `\n`. */
  zh: string;
  /** English translation for visitors; the Chinese text prevails. */
  en: string;
}

const NOTICE_2024_01: ConsentNotice = {
  version: "2024-01",
  effectiveFrom: "2024-01-01",
  zh: [
    "沁水县零工市场（以下简称“本市场”）为您提供求职登记、岗位推荐、派工跟踪、技能培训和权益维护服务，需要处理您的以下个人信息：",
    "姓名、性别、出生日期、身份证号、户籍所在地、家庭住址、暂住地址、手机号、工种与技术等级、工作经历，以及身份证复印件和本人照片。",
    "用途：核验身份（M1）、建立零工档案（M2）、星级评定、岗位推荐与回访。身份证号、手机号和住址在系统中加密保存，工作人员只能看到脱敏信息，查看完整信息须说明原因并留痕。",
    "公开范围：大厅屏幕和网页只显示姓氏、工种、星级等必要信息，不公开身份证号、手机号和住址。",
    "保存期限：您注销登记后，身份证号、照片和住址将在规定期限内删除，仅保留统计数据。",
    "您可以随时撤回同意、查询或复制本人信息；撤回后本市场将停止处理，但不影响撤回前已进行的处理。",
  ].join("\n"),
  en: [
    "Qinshui County Gig-Worker Market (\"the Market\") offers you job-seeker registration, job recommendations, dispatch follow-up, skills training and protection of your rights, and for this needs to process the following personal information:",
    "name, gender, date of birth, resident ID number, household registration, home address, temporary address, mobile phone, trades and skill grades, work history, a copy of your ID card and a photo of you.",
    "Purposes: identity check (M1), your worker archive (M2), star grading, job recommendations and follow-up visits. Your ID number, phone and addresses are stored encrypted; staff see masked values only, and seeing the full value requires a stated reason and is recorded.",
    "What is made public: the hall screen and web pages show only what is needed, such as your surname, trade and star grade, never your ID number, phone or address.",
    "Retention: after you deregister, your ID number, photo and addresses are deleted within the set period; only statistics are kept.",
    "You may withdraw consent, or see or copy your own information, at any time; after withdrawal the Market stops processing, which does not affect processing done before the withdrawal.",
  ].join("\n"),
};

/** Every notice ever shown, oldest first. Append only: a stored consent must keep its text. */
export const CONSENT_NOTICES: readonly ConsentNotice[] = Object.freeze([Object.freeze(NOTICE_2024_01)]);

/** The version registrations record today. */
export const CURRENT_CONSENT_VERSION: string = NOTICE_2024_01.version;

/**
 * The notice of `version`, exactly as published, or `null` for a version that was never
 * published (the API refuses a registration naming one).
 */
export function consentNotice(version: string): ConsentNotice | null {
  return CONSENT_NOTICES.find((n) => n.version === version) ?? null;
}
