// How our TypeScript becomes JavaScript, for tests (tools/test-loader) and the build (tools/transpile/build.mjs)
// alike: esbuild strips the types and changes nothing else. One set of options on purpose: a source
// file run in a test process and the same file run by a spawned `spinney` map to the same
// positions, so coverage merges them instead of counting each function twice.
export const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  // The options of tsconfig.json that change emitted JavaScript (type checking is tsc's job).
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, verbatimModuleSyntax: true } },
};
