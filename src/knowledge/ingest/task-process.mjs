// Entry of a child process that runs one TypeScript task: `fork` this file, send it { module, input }
// over IPC (serialization: 'advanced'), and it answers with what the module's run(input) resolves to.
// A plain module, because a fresh Node process has no TypeScript loader until tsx is registered here.
import { tsImport } from 'tsx/esm/api';

process.once('message', async ({ module, input }) => {
  const task = await tsImport(module, import.meta.url);
  const output = await task.run(input);
  process.send(output, () => process.exit(0));
});
