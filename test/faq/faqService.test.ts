import { expect } from 'chai';
import { resolve } from 'node:path';
import { loadLibraryConfig } from '../../config/libraryConfig';
import { FaqService } from '../../library/faq/faqService';

const demo = loadLibraryConfig(resolve(__dirname, '../../../config/demo-library.yaml')).config;
const faq = new FaqService(demo.faq, demo.branches);

describe('FAQ answers from the configuration', () => {
  it('knows each demo entry by its intent', () => {
    for (const id of ['card', 'fines', 'renew', 'location', 'computers']) {
      expect(faq.idForIntent(`faq.${id}`)).to.equal(id);
    }
    expect(faq.idForIntent('faq.unknown')).to.equal(undefined);
    expect(faq.idForIntent('hours')).to.equal(undefined);
  });

  it('answers the demo facts', () => {
    const card = faq.answer('card')!;
    expect(card.text)
      .to.match(/free/)
      .and.match(/photo ID/)
      .and.match(/proof of address/)
      .and.match(/replace/);
    expect(card.link).to.equal('https://riverbend-library.example.org/card');
    expect(faq.answer('fines')!.text)
      .to.match(/no overdue fines/)
      .and.match(/lost or damaged/);
    expect(faq.answer('renew')!.text)
      .to.match(/up to 3 times/)
      .and.match(/hold/);
    const computers = faq.answer('computers')!;
    expect(computers.text)
      .to.contain('"Riverbend-Public"')
      .and.match(/no password/)
      .and.match(/10 cents a page/);
    expect(computers.text).to.match(/scanning is free/);
  });

  it('uses the SMS wording when there is one, and keeps it short', () => {
    for (const entry of demo.faq) {
      const answer = faq.answer(entry.id)!;
      expect(answer.smsText ?? answer.text, entry.id).to.have.length.below(321);
    }
    expect(faq.answer('fines')!.smsText).to.equal(demo.faq.find((e) => e.id === 'fines')!.smsAnswer);
  });

  it('answers with a branch variant and offers branches when none was named', () => {
    const eastside = faq.answer('location', 'eastside')!;
    expect(eastside.text).to.contain('2200 East Avenue').and.contain('route 7');
    expect(eastside.branchId).to.equal('eastside');
    const general = faq.answer('location')!;
    expect(general.text).to.contain('100 River Street').and.contain('9 Summit Drive');
    expect(general.branchChoices.map((c) => c.name)).to.deep.equal([
      'Main Library',
      'Eastside Branch',
      'Riverside Branch',
      'Oak Hill Branch',
      'Bookmobile',
    ]);
    // An entry without variants answers the same for every branch.
    expect(faq.answer('card', 'eastside')!.text).to.equal(faq.answer('card')!.text);
  });

  it("the location answers agree with each branch's address and bus routes", () => {
    for (const branch of demo.branches.filter((b) => b.kind === 'building')) {
      const text = faq.answer('location', branch.id)!.text;
      expect(text, branch.id).to.contain(branch.address.split(',')[0]);
      const routes = branch.transit?.match(/\d+/g) ?? [];
      expect(routes, branch.id).to.not.have.length(0);
      for (const route of routes) expect(text, branch.id).to.contain(route);
      expect(faq.answer('location')!.text, branch.id).to.contain(branch.address.split(',')[0]);
    }
  });

  it('learns a new entry from configuration alone', () => {
    const extra = new FaqService(
      [
        ...demo.faq,
        {
          id: 'meeting-rooms',
          title: 'Meeting rooms',
          answer: 'Meeting rooms are free for community groups; book online.',
          link: 'https://riverbend-library.example.org/rooms',
          branchVariants: {},
          examples: ['a', 'b', 'c', 'd', 'e'],
        },
      ],
      demo.branches,
    );
    expect(extra.idForIntent('faq.meeting-rooms')).to.equal('meeting-rooms');
    expect(extra.answer('meeting-rooms')!.text).to.contain('community groups');
  });
});
