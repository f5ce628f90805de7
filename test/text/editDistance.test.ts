import { expect } from 'chai';
import { editDistance, withinOneEdit } from '../../library/text/editDistance';

describe('edit distance (the one used everywhere)', () => {
  const rows: [string, string, number][] = [
    ['hours', 'hours', 0],
    ['hours', 'huors', 1], // swap
    ['hours', 'hour', 1], // delete
    ['hours', 'hoursx', 1], // insert
    ['hours', 'hoars', 1], // substitute
    ['hours', 'hxarx', 3],
    ['eastsde', 'eastside', 1],
    ['oak hil branch', 'oak hill branch', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // optimal string alignment, not unrestricted Damerau
  ];
  for (const [a, b, distance] of rows) {
    it(`"${a}" ~ "${b}" = ${distance}`, () => {
      expect(editDistance(a, b)).to.equal(distance);
      expect(editDistance(b, a)).to.equal(distance);
      expect(withinOneEdit(a, b)).to.equal(distance <= 1);
    });
  }

  it('gives up past the bound, answering max + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).to.equal(2);
    expect(editDistance('a', 'abcdef', 2)).to.equal(3);
    expect(editDistance('eastsde', 'eastside', 2)).to.equal(1);
  });

  it('measures long strings too (past the reused rows)', () => {
    const long = 'a'.repeat(200);
    expect(editDistance(long, `${long}b`)).to.equal(1);
    expect(editDistance(`x${long}`, long)).to.equal(1);
  });
});
