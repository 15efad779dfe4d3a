// Coverage is measured over src/ only (tests, helpers and benchmarks are not the product).
export default (testFile) => {
  void testFile;
  return ['src/**/*.ts'];
};
