// Real pages: saved pages of real sites (news, encyclopaedias, blogs, right-to-left and CJK pages,
// broken markup), each loaded in each browser with the extension; what Tabula stored is compared
// with what Mozilla's Readability reads from the same page (harness/real-pages/). The full run reads
// every page of the corpus, the fast one a few of varied kinds and languages.
import { checkRealPages, report } from '../real-pages/check';
import { readCorpus, REAL_PAGES } from '../real-pages/corpus';
import type { Figures, ProofContext, ProofSection } from './section';

/** The fast run's pages: English, French, Czech, German, Japanese and Chinese; two pages no reader view would show. */
export const FAST_PAGES = ['nytimes-1', 'lemonde-1', 'aktualne', 'heise', 'yahoo-4', 'qq', 'mozilla-2', 'rtl-1'];

export const realPages: ProofSection = {
  name: 'real-pages',
  zero: ['pagesFailed', 'pagesExcluded', 'reportsExcluded'],
  async run(context: ProofContext): Promise<Figures> {
    const corpus = readCorpus(REAL_PAGES);
    const pages = context.scale === 'fast' ? corpus.pages.filter((page) => FAST_PAGES.includes(page.name)) : corpus.pages;
    const result = await checkRealPages(corpus, pages, context.browsers, { log: context.log });
    for (const line of report(result)) context.log(line);
    return result.figures;
  },
};
