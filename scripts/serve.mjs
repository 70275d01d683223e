// Serves the built site (dist/) on 127.0.0.1. Resolves clean URLs (/ex1-b → ex1-b.html)
// as Framework's preview does, and sends .wasm as application/wasm. Files whose
// name carries Framework's content hash (x.1a2b3c4d.js) never change under that
// name, and are sent as immutable, as a static host would.
// Usage: node scripts/serve.mjs [port]   (default 3000, or $PORT)
import {createServer} from "node:http";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize, resolve} from "node:path";

const root = resolve("dist");
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8"
};

const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/;

async function resolveFile(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const file = await resolveFile(url.pathname);
  if (!file) {
    const notFound = await resolveFile("/404");
    res.writeHead(404, {"content-type": TYPES[".html"]});
    res.end(notFound ? await readFile(notFound) : "not found");
    return;
  }
  const headers = {"content-type": TYPES[extname(file)] ?? "application/octet-stream"};
  if (HASHED.test(url.pathname)) headers["cache-control"] = "public, max-age=31536000, immutable";
  res.writeHead(200, headers);
  res.end(await readFile(file));
}).listen(port, "127.0.0.1", () => {
  process.stdout.write(`serving dist/ at http://127.0.0.1:${port}/\n`);
});
