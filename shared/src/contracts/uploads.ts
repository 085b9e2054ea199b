import { z } from 'zod';
import { defineRefusals, refusal } from '../refusal';

/**
 * Refusals every upload endpoint may give (entry files, activity photos, roster and newsletter
 * imports). Each endpoint that takes a file lists the ones it uses; a message may say more
 * (which formats, which file), the reason stays the same.
 */
export const uploadRefusals = defineRefusals({
  file_missing: refusal({ code: 'invalid_input', message: '请选择要上传的文件（字段名 file）' }),
  file_empty: refusal({ code: 'invalid_input', message: '上传的文件是空的' }),
  file_type_refused: refusal({
    code: 'unsupported_media_type',
    details: z.object({ detected: z.string().nullable() }),
    message: '不支持的文件类型',
  }),
  file_unreadable: refusal({ code: 'invalid_input', message: '文件已损坏或无法读取' }),
  file_encrypted: refusal({ code: 'invalid_input', message: '文件已加密，请上传未加密的文件' }),
  file_too_complex: refusal({
    code: 'payload_too_large',
    details: z.object({ limit: z.string() }),
    message: ({ limit }) => `文件内容超出处理上限：${limit}`,
  }),
  too_many_files: refusal({
    code: 'conflict',
    details: z.object({ limit: z.number().int() }),
    message: ({ limit }) => `最多上传 ${limit} 个文件`,
  }),
});
