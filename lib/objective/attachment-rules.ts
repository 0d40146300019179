/** What step 4 accepts: office documents, PDF and images, each recognised by its first bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const TYPES: { ext: string[]; mime: string; magic: number[] }[] = [
  { ext: ["pdf"], mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: ["png"], mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: ["jpg", "jpeg"], mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: ["docx"], mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ["xlsx"], mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ["doc"], mime: "application/msword", magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: ["xls"], mime: "application/vnd.ms-excel", magic: [0xd0, 0xcf, 0x11, 0xe0] },
];

export const ACCEPT = TYPES.flatMap((t) => t.ext.map((e) => `.${e}`)).join(",");

/** The file's type if its name and its content agree on an accepted one; otherwise null. */
export function recogniseAttachment(filename: string, head: Uint8Array): { mime: string } | null {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  const type = TYPES.find((t) => t.ext.includes(ext));
  if (!type) return null;
  return type.magic.every((b, i) => head[i] === b) ? { mime: type.mime } : null;
}
