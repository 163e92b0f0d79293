import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptGuard } from '../../../src/knowledge/answer/prompt-guard.js';
import { PROJECT_ROOT } from '../../support/test-app.js';

const read = (name: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'prompts', name), 'utf8');
const guard = new PromptGuard([read('qa-system.md'), read('qa-user.md')]);

describe('PromptGuard', () => {
  it('recognises the instructions repeated, whole or in part, in other case and spacing', () => {
    expect(guard.quotes(read('qa-system.md'))).toBe(true);
    expect(guard.quotes('Baik. ATURAN saya: jawab hanya berdasarkan   potongan basis pengetahuan yang diberikan.')).toBe(true);
  });

  it('lets ordinary answers through, including ones quoting the passages and the question that fill the template', () => {
    expect(guard.quotes('Usulan Inovasi Daerah dievaluasi oleh tim yang dibentuk kepala daerah paling lama sepuluh hari kerja [1].')).toBe(false);
    // The template's parts around {context} and {question} are not joined into one run.
    expect(guard.quotes('Potongan basis pengetahuan: pertanyaan Anda tentang poin sampah dijawab di Pasal 5 [1].')).toBe(false);
  });
});
