import type { APIEmbed } from 'discord.js';
import type { UploadedFile } from './http-front.js';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json.js';
import type { MessageFields, SandboxState } from './state.js';
import type { StoredAttachment } from './types.js';

/** Reads the message fields present in a create/edit body; uploaded files become attachments. */
export function messageFields(
  state: SandboxState,
  body: JsonObject,
  files: UploadedFile[],
  existing: StoredAttachment[] | undefined,
  attachmentUrl: (channelId: string, id: string, filename: string) => string,
  channelId: string,
): MessageFields {
  const fields: MessageFields = {};
  if ('content' in body) fields.content = asString(body.content) ?? '';
  if ('embeds' in body) fields.embeds = asArray(body.embeds).filter(isObject) as unknown as APIEmbed[];
  if ('components' in body) fields.components = asArray(body.components).filter(isObject);
  if (isObject(body.allowed_mentions)) fields.allowed_mentions = body.allowed_mentions;
  const flags = asNumber(body.flags);
  if (flags !== undefined) fields.flags = flags;

  if (!('attachments' in body) && files.length === 0) return fields;
  const upload = (file: UploadedFile, description?: string, filename?: string): StoredAttachment => {
    const id = state.ids.next();
    const name = filename ?? file.filename;
    return { id, filename: name, content_type: file.contentType, size: file.data.length, url: attachmentUrl(channelId, id, name), description, data: file.data };
  };
  if (!('attachments' in body)) {
    fields.attachments = [...(existing ?? []), ...files.map((f) => upload(f))];
    return fields;
  }
  const used = new Set<number>();
  const attachments: StoredAttachment[] = [];
  for (const entry of asArray(body.attachments)) {
    const ref = asObject(entry);
    const id = String(ref?.id ?? '');
    const file = files.find((f) => String(f.index) === id && !used.has(f.index));
    if (file) {
      used.add(file.index);
      attachments.push(upload(file, asString(ref?.description), asString(ref?.filename)));
    } else {
      const kept = existing?.find((a) => a.id === id);
      if (kept) attachments.push(kept);
    }
  }
  for (const file of files) if (!used.has(file.index)) attachments.push(upload(file));
  fields.attachments = attachments;
  return fields;
}

export function bodyObject(body: unknown): JsonObject {
  return asObject(body) ?? {};
}
