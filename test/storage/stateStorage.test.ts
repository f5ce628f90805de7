import { expect } from 'chai';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readRuntimeSettings } from '../../config/runtimeSettings';
import { StartupRefusedError } from '../../config/startupChecks';
import { assertStorableKey, BlobStateStorage } from '../../storage/blobStateStorage';
import { isNetworkFileSystem, mountOf, networkShareOf, parseMounts } from '../../storage/networkShare';
import { SqliteStorage } from '../../storage/sqliteStorage';
import { openStateStorage, StateStorage } from '../../storage/stateStorage';
import {
  azuriteConnectionString,
  AzuriteBlob,
  startAzuriteBlob,
  uniqueContainerName,
} from '../support/azurite';
import { startTcpRelay } from '../support/tcpRelay';
import { temporaryDirectory } from '../support/testBot';

const PRODUCTION = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'app-secret',
  PATRON_KEY_SECRET: 'a-long-random-patron-key-secret-for-tests',
};

/** /proc/mounts of an App Service-like machine: local root, an Azure Files share, /home on SMB. */
function mountsWithShareAt(sharePath: string): string {
  return [
    'overlay / overlay rw,relatime 0 0',
    'proc /proc proc rw,nosuid 0 0',
    `//account.file.core.windows.net/bot-data ${sharePath.replace(/ /g, '\\040')} cifs rw,vers=3.1.1 0 0`,
    'tmpfs /tmp tmpfs rw 0 0',
  ].join('\n');
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}

describe('Network file shares in /proc/mounts', () => {
  it('parses mount points, unescaping spaces, and finds the innermost mount of a folder', () => {
    const mounts = parseMounts(
      'overlay / overlay rw 0 0\n//srv/share /mnt/bot\\040data cifs rw 0 0\n/dev/sdb1 /mnt/bot\\040data/local ext4 rw 0 0\n',
    );
    expect(mounts.map((m) => m.mountPoint)).to.deep.equal(['/', '/mnt/bot data', '/mnt/bot data/local']);
    expect(mountOf('/mnt/bot data/state', mounts)?.type).to.equal('cifs');
    expect(mountOf('/mnt/bot data/local/state', mounts)?.type).to.equal('ext4');
    expect(mountOf('/mnt/bot database', mounts)?.type).to.equal('overlay');
  });

  it('counts SMB, NFS and FUSE file systems as network shares, not local disks or fuseblk', () => {
    for (const type of ['cifs', 'smb3', 'nfs', 'nfs4', 'fuse.sshfs', 'fuse.blobfuse2']) {
      expect(isNetworkFileSystem(type), type).to.equal(true);
    }
    for (const type of ['ext4', 'xfs', 'overlay', 'tmpfs', 'fuseblk', 'btrfs']) {
      expect(isNetworkFileSystem(type), type).to.equal(false);
    }
  });

  it('sees through a symbolic link into the share, for a data folder not created yet', () => {
    const root = temporaryDirectory();
    try {
      mkdirSync(join(root, 'share'));
      symlinkSync(join(root, 'share'), join(root, 'link'));
      const found = networkShareOf(
        join(root, 'link', 'not-yet', 'data'),
        mountsWithShareAt(join(root, 'share')),
      );
      expect(found?.type).to.equal('cifs');
      expect(networkShareOf(join(root, 'elsewhere'), mountsWithShareAt(join(root, 'share')))).to.equal(
        undefined,
      );
      expect(networkShareOf(root, '')).to.equal(undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('openStateStorage: the configured bot-state provider', () => {
  let dataDir: string;
  const opened: StateStorage[] = [];
  beforeEach(() => {
    dataDir = temporaryDirectory();
  });
  afterEach(() => {
    opened.splice(0).forEach((storage) => storage.close());
    rmSync(dataDir, { recursive: true, force: true });
  });
  const open = (env: Record<string, string>, mounts: string) => {
    const storage = openStateStorage(readRuntimeSettings({ DATA_DIR: dataDir, ...env }), dataDir, mounts);
    opened.push(storage);
    return storage;
  };

  it('is SQLite in the data folder by default', async () => {
    const storage = open({}, '');
    expect(storage).to.be.instanceOf(SqliteStorage);
    expect((storage as SqliteStorage).file).to.equal(join(dataDir, 'bot-state.sqlite'));
    await storage.checkReachable();
  });

  it('refuses SQLite state on a network share in production, naming STATE_STORAGE=azure-blobs', () => {
    let refusal: unknown;
    try {
      open(PRODUCTION, mountsWithShareAt(dataDir));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).to.be.instanceOf(StartupRefusedError);
    const message = (refusal as Error).message;
    expect(message).to.include(dataDir).and.include('cifs').and.include('STATE_STORAGE=azure-blobs');
  });

  it('allows SQLite on a local disk in production, and on a share in local mode', async () => {
    await open(PRODUCTION, mountsWithShareAt('/mnt/elsewhere')).checkReachable();
    await open({}, mountsWithShareAt(dataDir)).checkReachable();
  });

  it('is Azure Blob Storage with STATE_STORAGE=azure-blobs, whatever DATA_DIR is on', () => {
    const storage = open(
      {
        ...PRODUCTION,
        STATE_STORAGE: 'azure-blobs',
        AZURE_STORAGE_CONNECTION_STRING: azuriteConnectionString(10000),
      },
      mountsWithShareAt(dataDir),
    );
    expect(storage).to.be.instanceOf(BlobStateStorage);
    expect((storage as BlobStateStorage).options.container).to.equal('library-bot-state');
    expect(JSON.stringify(storage)).to.not.include('AccountKey');
  });
});

describe('BlobStateStorage beyond the contract', () => {
  let azurite: AzuriteBlob;
  before(async function () {
    this.timeout(90000);
    azurite = await startAzuriteBlob();
  });
  after(async () => {
    await azurite.stop();
  });
  const storageOn = (port = azurite.port, maxTries?: number) =>
    new BlobStateStorage({
      connectionString: azuriteConnectionString(port),
      container: uniqueContainerName('extra'),
      maxTries,
    });

  it('refuses a write carrying an eTag for a missing key (If-Match), where SQLite creates it', async () => {
    const blobs = storageOn();
    const folder = temporaryDirectory();
    const sqlite = new SqliteStorage(join(folder, 'state.sqlite'));
    try {
      expect((await rejectionOf(blobs.write({ gone: { value: 1, eTag: '"0x1"' } }))).message).to.match(
        /etag conflict/i,
      );
      expect(await blobs.read(['gone'])).to.deep.equal({});
      await sqlite.write({ gone: { value: 1, eTag: 'any' } });
      expect((await sqlite.read(['gone'])).gone.value).to.equal(1);
    } finally {
      sqlite.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses keys BlobsStorage would fold into another blob, before any request', async () => {
    const storage = storageOn();
    await storage.write({ 'a/b': { value: 1 } });
    for (const key of ['a//b', '/a/b', 'a/b//', '', '/']) {
      expect(() => assertStorableKey(key), key).to.throw(/key/);
      expect((await rejectionOf(storage.write({ [key]: { value: 2 } }))).message).to.match(/key/);
    }
    expect((await rejectionOf(storage.read(['x'.repeat(1100)]))).message).to.match(/longer than/);
    expect((await storage.read(['a/b']))['a/b'].value).to.equal(1);
    // botbuilder's state keys end in "/" (empty namespace): stored like any other key.
    await storage.write({ 'directline/conversations/c1/': { value: 3 } });
    expect(
      (await storage.read(['directline/conversations/c1/']))['directline/conversations/c1/'].value,
    ).to.equal(3);
  });

  it('fails fast while the service is down, and recovers once it is up', async () => {
    const relay = await startTcpRelay(azurite.port);
    try {
      await relay.down();
      const storage = storageOn(relay.port, 2);
      const started = Date.now();
      expect((await rejectionOf(storage.checkReachable())).message).to.match(/ECONNREFUSED/);
      expect(Date.now() - started).to.be.below(5000);
      await relay.up();
      await storage.checkReachable();
      await storage.write({ k: { value: 1 } });
      expect((await storage.read(['k'])).k.value).to.equal(1);
    } finally {
      await relay.close();
    }
  });
});
