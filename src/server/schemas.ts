/**
 * JSON Schemas of the API: query strings (validated, coerced) and responses (serialized, and
 * described in the OpenAPI document). Objects whose shape belongs to another module (the JSON
 * reading of src/output/contract.ts) are open (`additionalProperties: true`).
 */

type Schema = Record<string, unknown>;

const str = { type: 'string' };
const int = { type: 'integer' };
const num = { type: 'number' };
const bool = { type: 'boolean' };
const nullable = (s: Schema): Schema => ({ ...s, type: [s.type as string, 'null'] });
const strings = (description: string, items: Schema = str): Schema => ({ type: 'array', items, description });
const open = (description?: string): Schema => ({
  type: 'object',
  additionalProperties: true,
  ...(description ? { description } : {}),
});
const obj = (properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const filters: Record<string, Schema> = {
  q: { type: 'string', maxLength: 500, description: '检索词：空格分隔（与），"短语"，-排除' },
  province: strings('省份代码（2 位或 6 位），可多选（重复参数或逗号分隔）'),
  year: strings('年度，可多选'),
  level: strings('层级，可多选', { type: 'string' }),
  unitKind: strings('单位类型，可多选', { type: 'string' }),
  area: strings('纲要领域（A01–A10、X_*）：含该领域数据的报告'),
  rule: strings('检查规则编号：有该发现的报告'),
  scoreBand: strings('评分段：90-100、80-89、70-79、60-69、0-59、none'),
  format: strings('文件格式：txt、html、docx、pdf'),
  part: { type: 'string', enum: ['measures', 'shortcomings', 'leadership', 'plans', 'other'] },
  scoreMin: num,
  scoreMax: num,
  hasErrors: { ...bool, description: '只看有“错误”级发现的报告' },
  ids: strings('报告编号'),
};

export const querySchemas = {
  filters: { type: 'object', properties: filters },
  list: {
    type: 'object',
    properties: {
      ...filters,
      sort: { type: 'string', enum: ['rank', 'year', 'score', 'published', 'findings', 'title', 'id'] },
      order: { type: 'string', enum: ['asc', 'desc'] },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
      offset: { type: 'integer', minimum: 0, default: 0 },
      facets: { type: 'string', enum: ['true', 'false'], description: 'false：不计算分面' },
    },
  },
  compare: {
    type: 'object',
    properties: { ...filters, keys: strings('指标键（indicators.tsv），至多 20 个') },
    required: ['keys'],
  },
  export: {
    type: 'object',
    properties: {
      ...filters,
      table: {
        type: 'string',
        enum: ['figures', 'figures-wide', 'findings', 'scores', 'all', 'review'],
        default: 'figures',
        description: 'review：审阅意见（DOCX）',
      },
      as: { type: 'string', enum: ['csv', 'xlsx', 'docx'], default: 'csv', description: '导出文件类型' },
    },
  },
  roster: { type: 'object', properties: { year: { type: 'integer', minimum: 1990, maximum: 2100 } } },
  idParams: {
    type: 'object',
    properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } },
    required: ['id'],
  },
  original: { type: 'object', properties: { download: { type: 'string', enum: ['0', '1'] } } },
  reuse: {
    type: 'object',
    properties: {
      source: {
        type: 'string',
        enum: ['live', 'stored'],
        description:
          'live：即时比对当前语料；stored：fazhi reuse 存储的结果。默认即时（语料很大且有存储结果时用存储结果）',
      },
    },
  },
};

const jurisdiction = nullable(obj({ name: str, code: nullable(str), level: nullable(str) }));

const reportRow = obj({
  id: str,
  title: nullable(str),
  issuer: nullable(str),
  unitKind: nullable(str),
  jurisdiction,
  provinceCode: nullable(str),
  province: nullable(str),
  year: nullable(int),
  published: nullable(str),
  signed: nullable(str),
  score: nullable(num),
  format: str,
  source: str,
  findings: int,
  errors: int,
  warnings: int,
  snippet: nullable(str),
});

const facet = obj({
  name: str,
  label: str,
  values: { type: 'array', items: obj({ value: nullable(str), label: str, count: int, selected: bool }) },
});

const count = obj({ value: nullable(str), label: str, count: int });

const compareValue = nullable(obj({ key: str, value: num, unit: str, approx: nullable(str) }));

export const responseSchemas = {
  health: obj({ ok: bool, backend: str }),
  meta: obj({
    version: str,
    backend: str,
    demo: bool,
    writable: { ...bool, description: '写操作无需令牌（本地演示模式）' },
    authRequired: bool,
    writesEnabled: { ...bool, description: '服务器允许写操作（演示模式或已设置 FAZHI_TOKEN）' },
    limits: obj({ maxUploadBytes: int, maxUploadFiles: int, types: { type: 'array', items: str } }),
    labels: open('层级、单位类型、部分、严重程度、纲要领域、规则、指标的中文名'),
    statuses: open('名册状态的中文名'),
  }),
  list: obj({
    total: int,
    rows: { type: 'array', items: reportRow },
    terms: { type: 'array', items: str },
    excluded: { type: 'array', items: str },
    limit: int,
    offset: int,
    sort: str,
    order: str,
    facets: { type: 'array', items: facet },
  }),
  detail: obj({
    id: str,
    hash: str,
    format: str,
    sourcePath: str,
    ingestedAt: str,
    title: nullable(str),
    year: nullable(int),
    score: nullable(num),
    published: nullable(str),
    deadline: nullable(str),
    daysLate: nullable(int),
    files: {
      type: 'array',
      items: obj({ id: str, path: str, name: str, size: nullable(int) }),
    },
    text: str,
    reading: open(
      'JSON 读数（src/output/contract.ts）：meta、parts、indicators、findings、score、areaLabels…',
    ),
    coverage: {
      type: 'array',
      items: obj({ area: str, name: str, scope: str, paragraphs: int, chars: int, figures: int }),
    },
  }),
  deleted: obj({ deleted: str, files: int, removedUploads: int }),
  reuse: obj({
    reportId: str,
    source: { type: 'string', enum: ['live', 'stored'] },
    compared: int,
    partial: bool,
    reusedChars: int,
    textChars: int,
    passages: {
      type: 'array',
      items: open('复用段落：kind、span、text、similarity、other{reportId,span,text}、aligned'),
    },
    sources: { type: 'array', items: open() },
    ms: int,
    note: str,
  }),
  failed: obj({
    files: {
      type: 'array',
      items: obj({
        name: str,
        version: int,
        code: nullable(str),
        message: nullable(str),
        attempts: int,
        updatedAt: str,
      }),
    },
  }),
  overview: obj({
    total: int,
    store: obj({ reports: int, files: int, failedFiles: int }),
    byLevel: { type: 'array', items: count },
    byProvince: { type: 'array', items: count },
    byYear: { type: 'array', items: count },
    byUnitKind: { type: 'array', items: count },
    publication: obj({
      deadline: str,
      onTime: int,
      late: int,
      unknown: int,
      points: {
        type: 'array',
        items: obj({ id: str, title: nullable(str), year: int, published: str, deadline: str, days: int }),
      },
    }),
    scores: obj({
      bins: { type: 'array', items: obj({ from: int, to: int, count: int }) },
      mean: nullable(num),
      median: nullable(num),
      none: int,
    }),
    topFindings: {
      type: 'array',
      items: obj({ ruleId: str, name: str, severity: str, reports: int, findings: int }),
    },
  }),
  indicators: obj({
    indicators: {
      type: 'array',
      items: obj({
        key: str,
        name: str,
        units: { type: 'array', items: str },
        area: str,
        rate: nullable(obj({ numerator: nullable(str), denominators: { type: 'array', items: str } })),
        reports: int,
      }),
    },
  }),
  compare: obj({
    keys: { type: 'array', items: str },
    years: { type: 'array', items: int },
    units: {
      type: 'array',
      items: obj({
        key: str,
        name: str,
        jurisdiction: nullable(str),
        code: nullable(str),
        level: nullable(str),
      }),
    },
    cells: {
      type: 'array',
      items: obj(
        {
          unitKey: str,
          year: nullable(int),
          key: str,
          reportId: str,
          value: num,
          unit: str,
          approx: nullable(str),
          count: int,
          quote: str,
          numerator: compareValue,
          denominator: compareValue,
          computedRate: nullable(num),
        },
        ['unitKey', 'year', 'key', 'reportId', 'value', 'unit', 'approx', 'count', 'quote'],
      ),
    },
    truncated: bool,
  }),
  upload: obj({
    results: {
      type: 'array',
      items: obj(
        {
          name: str,
          size: int,
          status: { type: 'string', enum: ['added', 'linked', 'unchanged', 'failed'] },
          reportId: nullable(str),
          code: str,
          message: str,
        },
        ['name', 'size', 'status', 'reportId'],
      ),
    },
    added: int,
    linked: int,
    unchanged: int,
    failed: int,
  }),
  rosterImported: obj({ imported: int }),
  roster: obj({
    year: nullable(int),
    years: { type: 'array', items: int },
    importedAt: nullable(str),
    counts: obj({ missing: int, late: int, errors: int, submitted: int }),
    entries: {
      type: 'array',
      items: obj({
        ord: int,
        name: str,
        code: nullable(str),
        unitKind: nullable(str),
        deadline: nullable(str),
        contact: nullable(str),
        note: nullable(str),
        status: str,
        flags: { type: 'array', items: str },
        deadlineDate: str,
        report: nullable(
          obj({
            id: str,
            title: nullable(str),
            published: nullable(str),
            daysLate: nullable(int),
            errors: int,
            score: nullable(num),
          }),
        ),
        matchedBy: nullable(str),
        others: { type: 'array', items: str },
      }),
    },
  }),
};
