export { encryptField, decryptField, encryptBytes, decryptBytes, blindIndex, blindIndexBytes } from "./fields.ts";
export { dataKeys, setMasterKey, keyFilePath } from "./keys.ts";
