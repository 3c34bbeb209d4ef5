import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
};

function missingBuildPage(app: string, workspace: string): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${app}</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>${app}尚未构建</h1><p>请先运行 <code>npm run build -w ${workspace}</code>（或在仓库根目录运行 <code>npm start</code>），然后刷新本页。</p>
<p lang="en">The ${workspace} app has not been built yet: run <code>npm run build -w ${workspace}</code>, then reload.</p></body></html>`;
}

export interface SpaMount {
  /** URL prefix ending in `/` (e.g. `/` or `/dashboard/`). */
  prefix: string;
  /** The built app folder (vite's dist). */
  root: string;
  label: string;
  workspace: string;
}

/**
 * Serves a built single-page app: real files when they exist (hashed assets cached for a year),
 * otherwise index.html so client-side routes (/board, /jobs, …) load. Paths cannot leave `root`.
 */
export function createSpaHandler(mount: SpaMount, baseHeaders: Readonly<Record<string, string>>) {
  const root = normalize(mount.root);
  const send = (res: ServerResponse, status: number, type: string, body: Buffer | string, cache: string, head: boolean) => {
    res.writeHead(status, { ...baseHeaders, "content-type": type, "cache-control": cache });
    res.end(head ? undefined : body);
  };

  return async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      res.writeHead(405, { ...baseHeaders, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("Method Not Allowed");
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(mount.prefix.length));
    } catch {
      rel = "";
    }
    const file = normalize(join(root, rel));
    if ((file === root || file.startsWith(root + sep)) && rel !== "" && !rel.includes("\0")) {
      try {
        const st = await stat(file);
        if (st.isFile()) {
          const immutable = rel.startsWith("assets/");
          const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
          send(res, 200, type, await readFile(file), immutable ? "public, max-age=31536000, immutable" : "no-cache", head);
          return;
        }
      } catch {
        // fall through to the SPA entry
      }
      if (extname(rel) !== "" && rel.startsWith("assets/")) {
        send(res, 404, "text/plain; charset=utf-8", "Not Found", "no-store", head);
        return;
      }
    }
    try {
      const html = await readFile(join(root, "index.html"));
      send(res, 200, TYPES[".html"] as string, html, "no-cache", head);
    } catch {
      send(res, 200, TYPES[".html"] as string, missingBuildPage(mount.label, mount.workspace), "no-store", head);
    }
  };
}
