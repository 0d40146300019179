import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, installPeerAddressCapture, parseTrustedProxies, PEER_HEADER, resolveClientAddress } from "@/lib/auth/client-ip";

const saved = process.env.TRUSTED_PROXIES;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = saved;
});

describe("the client address rule", () => {
  it("without a configured proxy, X-Forwarded-For is the client's own claim and is ignored", () => {
    expect(resolveClientAddress("203.0.113.5", "1.2.3.4", null)).toBe("203.0.113.5");
    expect(resolveClientAddress("::ffff:203.0.113.5", "1.2.3.4, 5.6.7.8", parseTrustedProxies(""))).toBe("203.0.113.5");
    // The socket is not known: nothing is, whatever the header says.
    expect(resolveClientAddress(null, "1.2.3.4", parseTrustedProxies("127.0.0.1"))).toBeNull();
  });

  it("through a trusted proxy, the address that proxy appended is the client; what the client wrote before it is not", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.9", proxies)).toBe("198.51.100.9");
    // A chain of trusted proxies is skipped from the right.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3", proxies)).toBe("198.51.100.9");
    // A direct client is not a proxy: its header is ignored.
    expect(resolveClientAddress("203.0.113.5", "198.51.100.9", proxies)).toBe("203.0.113.5");
    // A proxy that added nothing: the proxy is what we know.
    expect(resolveClientAddress("127.0.0.1", null, proxies)).toBe("127.0.0.1");
    // A malformed entry ends the chain at the last trusted hop.
    expect(resolveClientAddress("127.0.0.1", "198.51.100.9, <script>, 10.1.2.3", proxies)).toBe("10.1.2.3");
    expect(resolveClientAddress("::1", "2001:db8::7", parseTrustedProxies("::1"))).toBe("2001:db8::7");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address or CIDR", () => {
    expect(() => parseTrustedProxies("127.0.0.1, proxy.local")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow(/TRUSTED_PROXIES/);
  });

  it("a forged peer header counts for nothing without the per-process capture", () => {
    const forged = new Headers({ [PEER_HEADER]: "anything 6.6.6.6", "x-forwarded-for": "6.6.6.6" });
    expect(clientAddress(forged)).toBeNull();
  });
});

describe("on a real HTTP server with the capture installed", () => {
  async function askServer(headers: Record<string, string>): Promise<string> {
    await installPeerAddressCapture();
    const server = http.createServer((req, res) => {
      const h = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
      res.end(String(clientAddress(h)));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      return await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
    } finally {
      await new Promise((r) => server.close(r));
    }
  }

  it("takes the socket's address, not the client's X-Forwarded-For or a forged peer header", async () => {
    delete process.env.TRUSTED_PROXIES;
    expect(await askServer({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "guess 6.6.6.6" })).toBe("127.0.0.1");
  });

  it("reads X-Forwarded-For when the request came from a configured proxy", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    expect(await askServer({ "x-forwarded-for": "6.6.6.6, 198.51.100.23" })).toBe("198.51.100.23");
    process.env.TRUSTED_PROXIES = "10.0.0.0/8";
    expect(await askServer({ "x-forwarded-for": "198.51.100.23" })).toBe("127.0.0.1");
  });
});
