import { expect } from 'chai';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildTeamsPackage,
  manifestProblems,
  readManifestTemplate,
  TEAMS_SOURCE_DIR,
  TeamsManifestError,
} from '../../deployment/teams/package';
import { demoConfig } from './support';

function pngSize(file: Buffer): { width: number; height: number; colourType: number } {
  expect(file.subarray(0, 8).toString('hex')).to.equal('89504e470d0a1a0a');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), colourType: file[25] };
}

describe('handoff: Teams app manifest and package', () => {
  const botId = '2f1c8a34-5d6e-4f70-8a9b-0c1d2e3f4a5b';

  it('ships a manifest that fits the Teams manifest schema, with icons of the required sizes', () => {
    const manifest = readManifestTemplate();
    expect(manifestProblems(manifest)).to.deep.equal([]);
    const icons = manifest.icons as { color: string; outline: string };
    expect(pngSize(readFileSync(join(TEAMS_SOURCE_DIR, icons.color)))).to.include({
      width: 192,
      height: 192,
    });
    // The outline icon is transparent (RGBA) at 32x32.
    expect(pngSize(readFileSync(join(TEAMS_SOURCE_DIR, icons.outline)))).to.deep.equal({
      width: 32,
      height: 32,
      colourType: 6,
    });
  });

  it('finds what does not fit: a bad id, an unknown field, a name too long', () => {
    const manifest = { ...readManifestTemplate(), id: 'not-a-guid', colour: '#fff' };
    (manifest.name as { short: string }).short = 'A very long name for a Teams app here';
    const problems = manifestProblems(manifest).join('\n');
    expect(problems).to.contain('/id: must match pattern');
    expect(problems).to.contain('(top level): must NOT have additional properties');
    expect(problems).to.contain('/name/short: must NOT have more than 30 characters');
  });

  it('builds the app zip for the library and the bot', async () => {
    const zip = await JSZip.loadAsync(
      await buildTeamsPackage({ botId, domain: 'bot.riverbend-library.example.org', library: demoConfig() }),
    );
    expect(Object.keys(zip.files).sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await (zip.file('manifest.json') as JSZip.JSZipObject).async('string'));
    expect(manifestProblems(manifest)).to.deep.equal([]);
    expect(manifest.id).to.equal(botId);
    expect(manifest.bots[0].botId).to.equal(botId);
    expect(manifest.name.short).to.equal('Riverbend Staff');
    expect(manifest.developer.privacyUrl).to.equal('https://riverbend-library.example.org/privacy');
    expect(manifest.validDomains).to.deep.equal(['bot.riverbend-library.example.org']);
  });

  it('refuses to build with a bot id that is not a GUID', async () => {
    const error = await buildTeamsPackage({ botId: 'my-bot' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(TeamsManifestError);
    expect((error as TeamsManifestError).problems).to.include.members([
      '/id: must match pattern "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"',
      '/bots/0/botId: must match pattern "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"',
    ]);
  });
});
