/** Free ports and scratch folders for tests that start PostgreSQL or the server themselves. */
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** A port no one listens on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A new folder under the project's .vardag-test, like ./data: under root the embedded PostgreSQL
 * runs as the OS user postgres, which must be able to reach it.
 */
export async function scratchFolder(prefix: string): Promise<string> {
  await mkdir(path.join(ROOT, '.vardag-test'), { recursive: true });
  const folder = await mkdtemp(path.join(ROOT, '.vardag-test', prefix));
  await chmod(folder, 0o755);
  return folder;
}
