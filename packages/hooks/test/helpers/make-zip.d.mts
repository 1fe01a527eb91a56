export function makeZip(entries: readonly { name: string; data: Buffer; store?: boolean }[]): Buffer;
