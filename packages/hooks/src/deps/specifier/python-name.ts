/** PEP 503 normalisation: names compare case-insensitively with runs of `-_.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
