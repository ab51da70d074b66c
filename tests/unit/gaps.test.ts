import { describe, expect, it } from 'vitest';
import { compileIndex } from '../../store/compile';
import { engineFromIndex } from '../../engine/engine';
import { gapReport, htmlText, nameCandidates } from '../../store/gaps';
import { record } from '../support/records';

describe('gap report', () => {
  it('finds runs of capitalised words, joiners inside, and not a lone word opening a sentence', () => {
    const names = nameCandidates(
      'Officials said the Bank of England and Jerome Powell met. Later they left for Paris.',
    );
    expect(names.map((n) => n.name)).toEqual(['Bank of England', 'Jerome Powell', 'Paris']);
  });

  it('reads the visible text of HTML, without scripts or styles', () => {
    expect(htmlText('<p>Hello <b>Ada Lovelace</b></p><script>var Secret = 1</script><style>.X{}</style>')).not.toMatch(
      /Secret|\.X/,
    );
  });

  it('ranks names that no card covers by pages, and leaves out covered names and common words', () => {
    const engine = engineFromIndex(compileIndex([record('paris', 'Paris', [], 'place')]));
    const pages = [
      { name: 'a', text: 'Reporters met Ada Lovelace in Paris. Visit the News page, and the news desk.' },
      { name: 'b', text: 'Then Ada Lovelace and Charles Babbage went home to Paris.' },
    ];
    const gaps = gapReport(pages, engine);
    expect(gaps.map((g) => [g.name, g.pages])).toEqual([
      ['Ada Lovelace', 2],
      ['Charles Babbage', 1],
    ]);
  });
});
