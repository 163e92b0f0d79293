import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { NO_YAML_CATALOG, yamlValue, type YamlCatalog } from '../../../yaml/yaml-catalog.js';
import { TemplateSchema, type Template } from './template-schema.js';

/**
 * A template that could not be used, with the file and the field at fault, so whoever edits the YAML
 * can fix it without reading code: `pp38.yaml: sections.2.title: must not be empty`.
 */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    /** Dotted path of the field ("sections.2.key"); empty when the whole file is at fault. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'TemplateError';
  }
}

export interface LoadedTemplates {
  templates: Template[];
  /** Files that were skipped; the other templates still load. */
  errors: TemplateError[];
}

/**
 * Parses one template's YAML text (taken from `catalog` when the build step parsed this very text); `file`
 * only names it in errors. Every problem comes back as its own TemplateError.
 */
export function parseTemplate(
  text: string,
  file: string,
  catalog: YamlCatalog = NO_YAML_CATALOG,
): { template?: Template; errors: TemplateError[] } {
  const read = yamlValue(text, catalog);
  if ('errors' in read) return { errors: read.errors.map((e) => new TemplateError(file, '', `invalid YAML: ${e}`)) };
  const parsed = TemplateSchema.safeParse(read.value);
  if (!parsed.success) return { errors: parsed.error.issues.map((issue) => toError(file, issue)) };
  return { template: parsed.data, errors: [] };
}

/** Reads one template file. A missing or unreadable file is reported like any other template error. */
export function loadTemplateFile(file: string, catalog: YamlCatalog = NO_YAML_CATALOG): { template?: Template; errors: TemplateError[] } {
  const name = path.basename(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a folder, not a template file'
          : `cannot read (${code ?? String(error)})`;
    return { errors: [new TemplateError(name, '', reason)] };
  }
  return parseTemplate(text, name, catalog);
}

/**
 * Loads every `*.yaml` / `*.yml` in a folder, in file-name order. A broken file is skipped with its
 * errors; a second file with an id already taken is skipped too. Templates come back in menu order.
 */
export function loadTemplates(dir: string, catalog: YamlCatalog = NO_YAML_CATALOG): LoadedTemplates {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch {
    return { templates: [], errors: [new TemplateError(dir, '', 'template folder not found')] };
  }
  const templates: Template[] = [];
  const errors: TemplateError[] = [];
  const owner = new Map<string, string>();
  for (const name of names) {
    const result = loadTemplateFile(path.join(dir, name), catalog);
    errors.push(...result.errors);
    const template = result.template;
    if (!template) continue;
    const taken = owner.get(template.id);
    if (taken) {
      errors.push(new TemplateError(name, 'id', `duplicate template id "${template.id}" (already used by ${taken})`));
      continue;
    }
    owner.set(template.id, name);
    templates.push(template);
  }
  templates.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { templates, errors };
}

function toError(file: string, issue: z.core.$ZodIssue): TemplateError {
  const field = issue.path.map(String).join('.');
  let reason = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) reason = 'required field is missing';
  if (issue.code === 'unrecognized_keys') reason = `unknown field(s): ${issue.keys.join(', ')}`;
  return new TemplateError(file, field, reason);
}
