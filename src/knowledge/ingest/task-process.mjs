// Entry of a child process that runs one TypeScript task: `fork` this file, send it { module, input }
// over IPC (serialization: 'advanced'), and it answers with what the module's run(input) resolves to.
// A plain module, because a fresh Node process has no TypeScript loader: tsx is loaded here only for a
// TypeScript task (run from the sources); the compiled app (dist/) hands in JavaScript.
process.once('message', async ({ module, input }) => {
  const task = module.endsWith('.ts') ? await (await import('tsx/esm/api')).tsImport(module, import.meta.url) : await import(module);
  const output = await task.run(input);
  process.send(output, () => process.exit(0));
});
