// Where a PIN or card number appears in stored bytes, logs or history, if anywhere. A match inside a
// run of hex digits does not count: ids and eTags are random UUIDs, and a 4-digit PIN turns up in
// one now and then ("f880-4321-b219") without anything secret having been kept.
export function secretAt(content: string, secret: string): number {
  return content.search(
    new RegExp(`(?<![0-9a-f])${secret.replace(/[^0-9A-Za-z]/g, '\\$&')}(?![0-9a-f])`, 'i'),
  );
}
