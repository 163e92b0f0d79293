import type { Template } from './template-schema.js';

/** The templates the wizard offers, in menu order. */
export class TemplateCatalog {
  private readonly byId: Map<string, Template>;

  constructor(readonly templates: readonly Template[]) {
    this.byId = new Map(templates.map((t) => [t.id, t]));
  }

  get(id: string): Template | undefined {
    return this.byId.get(id);
  }
}
