import { describe, expect, it } from 'vitest';
import { decideAnswer, type AnswerSignals } from '../../src/search/decide.ts';

const thresholds = { minCoverage: 0.5, minCoverageInDomain: 0.35 };
const signals = (overrides: Partial<AnswerSignals> = {}): AnswerSignals => ({
  found: true,
  referenced: false,
  coverage: 0.6,
  inDomain: false,
  chanceMatch: false,
  outOfScope: [],
  otherLaw: false,
  missingSpecifics: [],
  ...overrides,
});
const decide = (overrides: Partial<AnswerSignals>) => decideAnswer(signals(overrides), thresholds);

describe('decideAnswer', () => {
  it('answers when the best passage covers enough of the question, with a lower bar for a question plainly about elections', () => {
    expect(decide({ coverage: 0.5 })).toEqual({ answer: true });
    expect(decide({ coverage: 0.49 })).toEqual({ answer: false, reason: 'low_coverage' });
    expect(decide({ coverage: 0.35, inDomain: true })).toEqual({ answer: true });
    expect(decide({ coverage: 0.34, inDomain: true })).toEqual({ answer: false, reason: 'low_coverage' });
  });

  it('answers a question naming a document number the best passage holds, whatever its coverage', () => {
    expect(decide({ referenced: true, coverage: 0.1 })).toEqual({ answer: true });
    expect(decide({ referenced: true, missingSpecifics: ['2021'] })).toEqual({ answer: true });
  });

  it('declines a question naming a year or person the best passage does not hold, however well its common words match', () => {
    expect(decide({ coverage: 1, missingSpecifics: ['2021'] })).toEqual({ answer: false, reason: 'missing_specifics' });
    expect(decide({ coverage: 1, missingSpecifics: ['nguyen van hung'] })).toEqual({ answer: false, reason: 'missing_specifics' });
  });

  it('declines another country, election or topic, and a law the corpus never mentions, even with a document number held', () => {
    expect(decide({ coverage: 1, referenced: true, outOfScope: ['Mỹ'] })).toEqual({ answer: false, reason: 'out_of_scope' });
    expect(decide({ coverage: 1, otherLaw: true })).toEqual({ answer: false, reason: 'other_law' });
  });

  it('declines words that met by chance, and a search that found nothing', () => {
    expect(decide({ coverage: 0.9, chanceMatch: true })).toEqual({ answer: false, reason: 'chance_match' });
    expect(decide({ found: false })).toEqual({ answer: false, reason: 'nothing_found' });
  });
});
