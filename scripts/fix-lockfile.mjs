// The npm registry mirror this project is built against does not serve the platform packages
// of other operating systems (e.g. @next/swc-darwin-arm64), so npm leaves them out of
// package-lock.json — and `npm ci` then refuses the lock as "out of sync". This adds an entry
// for each such optional package, with the os/cpu its name states, so `npm ci` validates the
// lock; on Linux they are skipped as any other foreign-platform optional package.
// Run after every `npm install` that changes the lock:  node scripts/fix-lockfile.mjs
import fs from "node:fs";

const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pkgs = lock.packages;
const OS = ["darwin", "win32", "freebsd", "android", "openharmony", "netbsd", "openbsd", "sunos", "aix", "linux"];
const CPU = ["arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32", "arm"];
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (pkgs[nested] || pkgs[top]) continue;
    const tokens = name.split("/").pop().split(/[-_]/);
    const os = OS.find((o) => tokens.includes(o)) ?? "none";
    const cpu = CPU.find((c) => tokens.includes(c)) ?? "none";
    pkgs[top] = { version, optional: true, ...(meta.dev ? { dev: true } : {}), os: [os], cpu: [cpu] };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`fix-lockfile: ${added} foreign-platform optional package(s) recorded`);
