/**
 * The `prepare` script after adding husky to it. Absent → `husky`. Present without husky →
 * `<existing> && husky`: appending keeps the user's build step, where `husky init` replaces it
 * (husky#1387). Present with husky in any form (`husky`, `husky install`, `cd .. && husky app/.husky`)
 * → unchanged, because the user already wired it their way.
 */
export function addHuskyToPrepare(existing: string | undefined): string {
  if (existing === undefined || existing.trim() === '') return 'husky';
  if (/(^|[^\w-])husky($|[^\w-])/.test(existing)) return existing;
  return `${existing.trimEnd()} && husky`;
}
