import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { colourContrastProblems, contrastRatio, mixColours, pageColours } from '../../config/colourContrast';
import { LibraryConfigError, validateLibraryConfig } from '../../config/libraryConfig';
import { DEMO_CONFIG_PATH } from '../support/testBot';

const riverbend = { primary: '#1f5f8b', accent: '#f2a900', background: '#ffffff', text: '#1b1b1b' };

describe('Colour contrast of the library colours', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    // The grey the issue measured on Web Chat's bubble: 4.15:1 (under 4.5).
    expect(contrastRatio('#767676', '#f3f5f7')).to.be.closeTo(4.15, 0.01);
    expect(contrastRatio('#0000ee', '#1f5f8b')).to.be.closeTo(1.37, 0.01);
    expect(mixColours('#000000', '#ffffff', 0.5)).to.equal('#808080');
  });

  it('passes the demo library and derives readable page colours from it', () => {
    expect(colourContrastProblems(riverbend)).to.deep.equal([]);
    const page = pageColours(riverbend);
    expect(page.onPrimary).to.equal('#ffffff');
    expect(contrastRatio(page.muted, riverbend.background)).to.be.at.least(5);
    expect(page.muted).not.to.equal(riverbend.text);
  });

  it('picks dark text on a light primary colour', () => {
    const light = { ...riverbend, primary: '#ffd54f', background: '#1b1b1b', text: '#f5f5f5' };
    expect(pageColours(light).onPrimary).to.equal('#111111');
    expect(colourContrastProblems(light)).to.deep.equal([]);
  });

  it('names each colour that fails, with the ratio it gives', () => {
    const pale = { ...riverbend, primary: '#8fb3d1', text: '#999999' };
    expect(colourContrastProblems(pale)).to.deep.equal([
      {
        field: 'text',
        expected:
          'a colour with at least 4.5:1 contrast against background #ffffff (all chat text); "#999999" gives 2.84:1',
      },
      {
        field: 'primary',
        expected:
          'a colour with at least 4.5:1 contrast against background #ffffff (buttons, links and focus rings use it); "#8fb3d1" gives 2.20:1',
      },
    ]);
    // A mid grey is too dark for near-black text and too light for white text.
    const grey = { ...riverbend, primary: '#787878', background: '#000000', text: '#ffffff' };
    expect(colourContrastProblems(grey).map((p) => p.expected)).to.deep.equal([
      'a colour with at least 4.5:1 contrast under #ffffff text (the header and the patron\'s own messages); "#787878" gives 4.41:1',
    ]);
  });

  it('stops a configuration whose colours fail, naming the field', () => {
    const raw = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as {
      library: { colours: Record<string, string> };
    };
    raw.library.colours.primary = '#7fa7c9';
    try {
      validateLibraryConfig(raw, 'library.yaml');
      expect.fail('the configuration should be refused');
    } catch (error) {
      expect(error).to.be.instanceOf(LibraryConfigError);
      expect((error as LibraryConfigError).problems).to.deep.equal([
        'library.yaml: library.colours.primary: expected a colour with at least 4.5:1 contrast against background #ffffff (buttons, links and focus rings use it); "#7fa7c9" gives 2.53:1',
      ]);
    }
  });
});
