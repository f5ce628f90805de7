// Text encodings SIP2 servers use: UTF-8, or an 8-bit code page for names with accents (Windows-1252
// on many Windows-hosted ILSs, IBM 850 on older ones). The 8-bit tables are small enough to keep
// here: the lower half is ASCII in both; only bytes 0x80-0xFF differ.

export type Sip2Encoding = 'utf8' | 'cp1252' | 'cp850';

/** Windows-1252 bytes 0x80-0x9F; 0xA0-0xFF are Latin-1. Undefined bytes map to C1 controls (as WHATWG). */
const cp1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** IBM code page 850 (DOS Latin-1), bytes 0x80-0xFF. */
const cp850High =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

function highHalf(encoding: 'cp1252' | 'cp850'): string {
  if (encoding === 'cp850') return cp850High;
  let table = cp1252High;
  for (let code = 0xa0; code <= 0xff; code += 1) table += String.fromCharCode(code);
  return table;
}

const decodeTables = new Map<string, string>();
const encodeTables = new Map<string, Map<string, number>>();

function tablesFor(encoding: 'cp1252' | 'cp850'): { decode: string; encode: Map<string, number> } {
  let decode = decodeTables.get(encoding);
  let encode = encodeTables.get(encoding);
  if (!decode || !encode) {
    decode = highHalf(encoding);
    encode = new Map([...decode].map((char, i) => [char, 0x80 + i]));
    decodeTables.set(encoding, decode);
    encodeTables.set(encoding, encode);
  }
  return { decode, encode };
}

/** Characters the code page cannot carry become "?", as SIP2 servers do. */
export function encodeText(text: string, encoding: Sip2Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const { encode } = tablesFor(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    bytes.push(code < 0x80 ? code : (encode.get(char) ?? 0x3f));
  }
  return Buffer.from(bytes);
}

export function decodeText(bytes: Buffer, encoding: Sip2Encoding): string {
  if (encoding === 'utf8') return bytes.toString('utf8');
  const { decode } = tablesFor(encoding);
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : decode[byte - 0x80];
  return text;
}
