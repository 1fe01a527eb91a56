/**
 * A specifier as shown in messages and report properties: URL credentials (`user:token@`, or a
 * long token used as the user name) and query strings are masked; the rest is the user's text.
 */
export function displaySpec(spec: string): string {
  return spec
    .trim()
    .replace(/\/\/([^/@\s]*)@/g, (whole, user: string) =>
      user.includes(':') || user.length >= 20 ? '//***@' : whole,
    )
    .replace(/\?[^#\s]*/g, '?…');
}
