// Which mount a folder lives on, from the text of /proc/mounts. SQLite needs working file locks and
// one writer machine; on an SMB/NFS share (Azure Files, App Service's /home) neither holds, and two
// instances writing one file can corrupt it.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Mount {
  device: string;
  mountPoint: string;
  type: string;
}

/** File systems whose locks and write ordering SQLite cannot rely on. */
export function isNetworkFileSystem(type: string): boolean {
  return ['cifs', 'smb3', 'smbfs', 'nfs', 'nfs4'].includes(type) || type.startsWith('fuse.');
}

/** Parses /proc/mounts (device, mount point, type, ...; spaces in paths written as \040). */
export function parseMounts(text: string): Mount[] {
  const unescape = (field: string) =>
    field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 3 && fields[1].startsWith('/'))
    .map(([device, mountPoint, type]) => ({
      device: unescape(device),
      mountPoint: unescape(mountPoint),
      type,
    }));
}

/** The mount holding `folder`: the longest mount point that contains it (later mounts win ties). */
export function mountOf(folder: string, mounts: Mount[]): Mount | undefined {
  const normal = (path: string) => path.replace(/\/+$/, '') || '/';
  let best: Mount | undefined;
  for (const mount of mounts) {
    const point = normal(mount.mountPoint);
    const inside = point === '/' || folder === point || folder.startsWith(`${point}/`);
    if (inside && (!best || point.length >= normal(best.mountPoint).length)) best = mount;
  }
  return best;
}

/** The network mount `folder` is on, or undefined for a local disk. */
export function networkShareOf(folder: string, mountsText: string): Mount | undefined {
  const mount = mountOf(realFolder(folder), parseMounts(mountsText));
  return mount && isNetworkFileSystem(mount.type) ? mount : undefined;
}

/** The mount table of this machine; empty where there is none (macOS, Windows). */
export function readMountTable(file = '/proc/mounts'): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Follows symbolic links of the part that exists, since the data folder may not be created yet. */
function realFolder(folder: string): string {
  let existing = resolve(folder);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(existing.slice(dirname(existing).length).replace(/^\/+/, ''));
    existing = dirname(existing);
  }
  try {
    existing = realpathSync(existing);
  } catch {
    // Unreadable: judge by the path as given.
  }
  return rest.length ? resolve(existing, ...rest) : existing;
}
