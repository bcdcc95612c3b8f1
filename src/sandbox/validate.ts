import { ApiError } from './errors.js';
import { asArray, asObject, asString, isObject, textLength, type Json, type JsonObject } from './json.js';

interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

const tooLong = (path: (string | number)[], max: number): FieldError => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});

/** Discord's upload limits for a bot in a server without boosts (interactions say so in `attachment_size_limit`). */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;
export const REQUEST_SIZE_LIMIT = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

const entityTooLarge = () => new ApiError(413, 40005, 'Request entity too large');

/** Checks a message body (create, edit, interaction response, follow-up) against Discord's limits. */
export function validateMessageBody(body: JsonObject, opts: { creating: boolean; files: readonly { data: { length: number } }[] }): ApiError | undefined {
  const sizes = opts.files.map((f) => f.data.length);
  if (sizes.some((size) => size > ATTACHMENT_SIZE_LIMIT) || sizes.reduce((a, b) => a + b, 0) > REQUEST_SIZE_LIMIT) return entityTooLarge();
  const errors: FieldError[] = [];
  if (opts.files.length > MAX_ATTACHMENTS) errors.push(tooLong(['attachments'], MAX_ATTACHMENTS));
  if (textLength(body.content) > 2000) errors.push(tooLong(['content'], 2000));
  if (textLength(body.nonce) > 25) errors.push(tooLong(['nonce'], 25));
  const embeds = asArray(body.embeds);
  if (embeds.length > 10) errors.push(tooLong(['embeds'], 10));
  let embedChars = 0;
  embeds.forEach((embed, i) => (embedChars += checkEmbed(embed, ['embeds', i], errors)));
  if (embedChars > 6000) errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  checkComponents(asArray(body.components), errors);
  checkAllowedMentions(asObject(body.allowed_mentions), errors);
  if (errors.length > 0) return new ApiError(400, 50035, 'Invalid Form Body', nest(errors));

  const empty =
    (asString(body.content) ?? '').trim() === '' &&
    embeds.length === 0 &&
    asArray(body.components).length === 0 &&
    asArray(body.attachments).length === 0 &&
    asArray(body.sticker_ids).length === 0 &&
    !isObject(body.poll) &&
    opts.files.length === 0;
  if (opts.creating && empty) return new ApiError(400, 50006, 'Cannot send an empty message');
  return undefined;
}

/** Autocomplete results: at most 25 choices, names 1–100 characters. */
export function validateChoices(choices: Json[]): ApiError | undefined {
  const errors: FieldError[] = [];
  if (choices.length > 25) errors.push(tooLong(['data', 'choices'], 25));
  choices.forEach((choice, i) => {
    const c = asObject(choice);
    const name = textLength(c?.name);
    if (name < 1 || name > 100) errors.push({ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    if (textLength(c?.value) > 100) errors.push(tooLong(['data', 'choices', i, 'value'], 100));
  });
  return errors.length > 0 ? new ApiError(400, 50035, 'Invalid Form Body', nest(errors)) : undefined;
}

function checkEmbed(value: Json, path: (string | number)[], errors: FieldError[]): number {
  const embed = asObject(value) ?? {};
  const limit = (v: Json | undefined, max: number, at: (string | number)[]): number => {
    if (textLength(v) > max) errors.push(tooLong([...path, ...at], max));
    return textLength(v);
  };
  let chars = limit(embed.title, 256, ['title']) + limit(embed.description, 4096, ['description']);
  chars += limit(asObject(embed.footer)?.text, 2048, ['footer', 'text']);
  chars += limit(asObject(embed.author)?.name, 256, ['author', 'name']);
  const fields = asArray(embed.fields);
  if (fields.length > 25) errors.push(tooLong([...path, 'fields'], 25));
  fields.forEach((f, i) => {
    const field = asObject(f) ?? {};
    for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
      if (textLength(field[key]) === 0) errors.push({ path: [...path, 'fields', i, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      chars += limit(field[key], max, ['fields', i, key]);
    }
  });
  return chars;
}

function checkComponents(rows: Json[], errors: FieldError[]): void {
  if (rows.length > 5) errors.push(tooLong(['components'], 5));
  rows.forEach((r, i) => {
    const row = asObject(r) ?? {};
    if (row.type !== 1) return; // Components v2 layouts are not checked here.
    const children = asArray(row.components);
    if (children.length > 5) errors.push(tooLong(['components', i, 'components'], 5));
    children.forEach((c, j) => {
      const child = asObject(c) ?? {};
      const at = ['components', i, 'components', j];
      if (textLength(child.custom_id) > 100) errors.push(tooLong([...at, 'custom_id'], 100));
      if (textLength(child.label) > 80) errors.push(tooLong([...at, 'label'], 80));
      const isLinkOrPremium = child.style === 5 || child.style === 6;
      if (child.type === 2 && !isLinkOrPremium && textLength(child.custom_id) === 0)
        errors.push({ path: [...at, 'custom_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    });
  });
}

function checkAllowedMentions(am: JsonObject | undefined, errors: FieldError[]): void {
  if (!am) return;
  const parse = asArray(am.parse);
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && asArray(am[kind]).length > 0)
      errors.push({ path: ['allowed_mentions'], code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.` });
  }
}

/** Discord nests field errors by path: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
function nest(errors: FieldError[]): JsonObject {
  const root: JsonObject = {};
  for (const error of errors) {
    let node = root;
    for (const key of error.path) {
      const next = asObject(node[String(key)]) ?? {};
      node[String(key)] = next;
      node = next;
    }
    const list = asArray(node._errors);
    list.push({ code: error.code, message: error.message });
    node._errors = list;
  }
  return root;
}
