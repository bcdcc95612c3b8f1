/**
 * A strict reader of Prometheus' text exposition format (0.0.4): every family has # HELP and # TYPE
 * before its samples, names and labels are well formed, values are numbers, and each histogram's
 * buckets are cumulative and end in +Inf equal to _count. Throws on the first violation.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
// Prometheus reads values with Go's ParseFloat, so NaN is case-insensitive (prom-client writes `Nan`).
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?(?:[0-9.]+(?:e[+-]?[0-9]+)?|\+Inf|-Inf|[Nn][Aa][Nn]))(?: -?[0-9]+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('exposition must end with a newline');
  for (const line of lines) {
    if (line === '') continue; // the format allows empty lines (prom-client separates families with them)
    const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (meta) {
      const [, what, name = '', rest = ''] = meta;
      if (!NAME.test(name)) throw new Error(`bad metric name: ${name}`);
      if (what === 'HELP') helped.add(name);
      else if (TYPES.has(rest) && !types.has(name)) types.set(name, rest);
      else throw new Error(`bad or repeated TYPE: ${line}`);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const [, name = '', rawLabels = '', value = ''] = match;
    const family = familyOf(name, types);
    if (!family || !helped.has(family)) throw new Error(`sample without HELP and TYPE: ${name}`);
    samples.push({ name, labels: parseLabels(rawLabels), value: /^nan$/i.test(value) ? NaN : Number(value.replace('Inf', 'Infinity')) });
  }
  checkHistograms(samples, types);
  return { samples, types };
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return ['histogram', 'summary'].includes(types.get(base) ?? '') ? base : undefined;
}

function parseLabels(raw: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < raw.length) {
    const match = LABEL.exec(raw);
    if (!match) throw new Error(`bad labels: {${raw}}`);
    labels[match[1] ?? ''] = match[2] ?? '';
  }
  return labels;
}

function checkHistograms(samples: Sample[], types: Map<string, string>): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const series = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
      const { le, ...rest } = s.labels;
      if (le === undefined) throw new Error(`${family}_bucket without le`);
      const key = JSON.stringify(rest);
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [key, buckets] of series) {
      for (let i = 1; i < buckets.length; i++) {
        if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${family} buckets not cumulative for ${key}`);
      }
      const last = buckets.at(-1);
      const count = samples.find((x) => x.name === `${family}_count` && JSON.stringify(x.labels) === key);
      if (last?.labels.le !== '+Inf' || count?.value !== last.value) throw new Error(`${family} +Inf bucket and _count disagree for ${key}`);
    }
  }
}
