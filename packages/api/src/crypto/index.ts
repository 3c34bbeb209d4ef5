export {
  encryptField,
  decryptField,
  encryptBytes,
  decryptBytes,
  blindIndex,
  blindIndexes,
  blindIndexBytes,
  cipherTextPrefix,
  cipherTextKeyId,
} from "./fields.ts";
export { dataKeys, keyring, setMasterKey, setKeyring, keyFilePath, readKeyFile, writeKeyFile } from "./keys.ts";
export type { DataKeys, Keyring } from "./keys.ts";
