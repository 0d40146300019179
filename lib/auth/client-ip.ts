import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * THE rule for a request's client address (audit rows, sessions, sign-in throttling).
 *
 * X-Forwarded-For is whatever the client wrote unless a proxy we trust wrote it. So:
 *  - the socket's peer address is the client, unless that peer is one of TRUSTED_PROXIES
 *    (comma-separated addresses or CIDRs, e.g. "127.0.0.1,10.0.0.0/8");
 *  - through a trusted proxy, X-Forwarded-For is read from the right, skipping trusted
 *    proxies; the first address that is not one is the client;
 *  - default: no proxy is trusted, X-Forwarded-For is ignored.
 * Next.js 16 gives route handlers and server actions no socket address (NextRequest.ip is gone,
 * and Next only fills X-Forwarded-For with it when the client sent none, which a client can
 * imitate). So installPeerAddressCapture() (instrumentation.ts) copies each socket's address
 * into a request header of its own, stamped with a per-process token, overwriting any value
 * the client sent. Without that capture the peer is unknown and the address is null.
 */

export const PEER_HEADER = "x-bpm-peer-address";
const TOKEN_KEY = Symbol.for("bpm.peerAddressToken");
const CHANNEL = "http.server.request.start";

type Global = { [TOKEN_KEY]?: string };

export interface HeaderSource {
  get(name: string): string | null;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; anything that is not an IP address → null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

/** Parses TRUSTED_PROXIES; null when none is configured. An entry that is not an address or CIDR throws. */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, prefix] = entry.split("/");
    const a = normaliseAddress(addr);
    const family = a && isIP(a) === 6 ? "ipv6" : "ipv4";
    if (!a || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new Error(`TRUSTED_PROXIES: not an address or CIDR: ${entry}`);
    if (prefix === undefined) list.addAddress(a, family);
    else list.addSubnet(a, Number(prefix), family);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The rule itself, on a known (or unknown) peer address and the X-Forwarded-For header. */
export function resolveClientAddress(peer: string | null, forwardedFor: string | null, proxies: BlockList | null): string | null {
  const from = normaliseAddress(peer);
  if (!from) return null;
  if (!proxies || !trusted(proxies, from)) return from;
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  let client = from;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A malformed entry: the chain can no longer be read; the last proxy we trust is what we know.
    if (!hop) return client;
    client = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return client;
}

let configured: { raw: string | undefined; list: BlockList | null } | undefined;
function trustedProxies(): BlockList | null {
  const raw = process.env.TRUSTED_PROXIES;
  if (!configured || configured.raw !== raw) configured = { raw, list: parseTrustedProxies(raw) };
  return configured.list;
}

/** The socket's peer address that installPeerAddressCapture() stamped on this request, or null. */
export function peerAddress(headers: HeaderSource): string | null {
  const token = (globalThis as Global)[TOKEN_KEY];
  const value = headers.get(PEER_HEADER);
  if (!token || !value?.startsWith(token + " ")) return null;
  return value.slice(token.length + 1);
}

/** This request's client address by the rule above; null when it cannot be known. */
export function clientAddress(headers: HeaderSource): string | null {
  return resolveClientAddress(peerAddress(headers), headers.get("x-forwarded-for"), trustedProxies());
}

/**
 * Copies every HTTP request's socket address into PEER_HEADER, replacing whatever the client
 * sent there (Node's documented diagnostics channel, published before the server's request
 * handler runs). Runs once per process, from instrumentation.ts.
 */
export async function installPeerAddressCapture(): Promise<void> {
  const g = globalThis as Global;
  if (g[TOKEN_KEY]) return;
  const token = randomBytes(16).toString("hex");
  const dc = await import("node:diagnostics_channel");
  dc.subscribe(CHANNEL, (message) => {
    const { request, socket } = message as { request?: { headers: Record<string, unknown> }; socket?: { remoteAddress?: string } };
    if (!request) return;
    const address = socket?.remoteAddress;
    if (address) request.headers[PEER_HEADER] = `${token} ${address}`;
    else delete request.headers[PEER_HEADER];
  });
  g[TOKEN_KEY] = token;
}
