// M1/M2 worker archive, split by concern; this module keeps the one import path the routers,
// seeds and other queries already use.
export { assertProcessable, CLEARED_IDENTITY, loadWorker, tradesOf, workerSummary, type Actor, type WorkerRow, type WorkerSummary } from "./workers-common.ts";
export {
  checkRegistration,
  normalizePhoneOrThrow,
  parseIdNumberOrThrow,
  tradeIssues,
  validateTrades,
  type FieldIssue,
  type RegisterInput,
  type RegistrationCheck,
  type TradeInput,
} from "./workers-validation.ts";
export { completePreRegistration, listPending, preRegister, registerWorker, type PreRegisterInput } from "./workers-register.ts";
export { searchWorkers } from "./workers-search.ts";
export { deregisterWorker, getWorkerArchive, revealIdNumber, updateWorker, withdrawConsent, type UpdatePatch } from "./workers-archive.ts";
export { readDocument, uploadDocument } from "./workers-documents.ts";
