import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** Discord's limits for one message a bot sends: files, and the whole request. */
export const UPLOAD_LIMITS = { filesPerMessage: 10, requestBytes: 25 * 1024 * 1024, defaultFileBytes: 10 * 1024 * 1024 } as const;
// Room in each request for the message body and the multipart framing.
const REQUEST_MARGIN = 256 * 1024;

export interface ExportFile {
  name: string;
  data: Buffer;
}

export interface ExportPack {
  /** Files grouped into messages, each within Discord's limits. */
  messages: ExportFile[][];
  compressed: boolean;
  parts: number;
}

type Exported = { wins: readonly unknown[] } & Record<string, unknown>;

const pretty = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

/** `wins` cut into `parts` slices: part 1 carries everything else, each part says which it is. */
function split(value: Exported, parts: number): Exported[] {
  const size = Math.ceil(value.wins.length / parts);
  return Array.from({ length: parts }, (_, i) => {
    const wins = value.wins.slice(i * size, (i + 1) * size);
    const part = `${i + 1} of ${parts}`;
    return i === 0 ? { part, ...value, wins } : { part, about: value.about, wins };
  });
}

function intoMessages(files: ExportFile[]): ExportFile[][] {
  const messages: ExportFile[][] = [];
  let current: ExportFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const full = current.length >= UPLOAD_LIMITS.filesPerMessage || bytes + file.data.length > UPLOAD_LIMITS.requestBytes - REQUEST_MARGIN;
    if (full && current.length > 0) {
      messages.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.data.length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/**
 * A member's export as files that Discord will take, each at most `fileLimit` bytes: readable JSON when
 * it fits, gzipped JSON when not, and gzipped parts (wins split between them) past even that.
 */
export async function packExport(value: Exported, baseName: string, fileLimit: number = UPLOAD_LIMITS.defaultFileBytes): Promise<ExportPack> {
  const limit = Math.min(fileLimit, UPLOAD_LIMITS.requestBytes - REQUEST_MARGIN);
  const json = pretty(value);
  if (json.length <= limit) return { messages: [[{ name: `${baseName}.json`, data: json }]], compressed: false, parts: 1 };
  const whole = await gzip(json);
  if (whole.length <= limit) return { messages: [[{ name: `${baseName}.json.gz`, data: whole }]], compressed: true, parts: 1 };
  for (let parts = Math.ceil(whole.length / (limit * 0.8)); ; parts *= 2) {
    const data = await Promise.all(split(value, parts).map((part) => gzip(pretty(part))));
    if (data.every((d) => d.length <= limit) || parts >= value.wins.length) {
      const files = data.map((d, i) => ({ name: `${baseName}-part${i + 1}-of-${parts}.json.gz`, data: d }));
      return { messages: intoMessages(files), compressed: true, parts };
    }
  }
}
