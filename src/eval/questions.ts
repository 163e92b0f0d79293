import fs from 'node:fs';
import { z } from 'zod';

export const EvalQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  citations: z.array(z.string()).default([]),
  in_scope: z.boolean(),
  answer: z.string().optional(),
  difficulty: z.string().optional(),
});

export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** Reads a JSON Lines question file; a bad line is reported with its number. */
export function readQuestions(file: string): EvalQuestion[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: EvalQuestion[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = EvalQuestionSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}
