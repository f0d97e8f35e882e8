// A reference, not part of Tabula (`tools/page-cost.ts --references`): the least reading of a page
// that gives the features Tabula learns from, without any of its care. Once the page has settled
// (3 s, then an idle moment, as Tabula's first report), it reads the title, the description and
// type the page declares, its language and its counts of links, images, videos and articles, then
// reports them in one message (report.js, joined before this file). No word count, no paragraphs,
// no title chosen among those the page declares, no listener: what any content script reading
// these features must at least pay.
(() => {
  const read = () => {
    const doc = document;
    const metas = (doc.head || doc).getElementsByTagName('meta');
    const declared = {};
    for (let i = 0; i < metas.length && i < 200; i++) {
      const name = metas[i].getAttribute('name') || metas[i].getAttribute('property');
      if ((name === 'description' || name === 'og:type') && !(name in declared)) declared[name] = metas[i].getAttribute('content');
    }
    return {
      title: doc.title.slice(0, 300),
      description: (declared.description || '').slice(0, 500),
      lang: (doc.documentElement.getAttribute('lang') || '').slice(0, 2).toLowerCase(),
      kind: declared['og:type'] === 'article' || doc.getElementsByTagName('article').length > 0 ? 'article' : 'other',
      links: doc.getElementsByTagName('a').length,
      images: doc.getElementsByTagName('img').length,
      videos: doc.getElementsByTagName('video').length,
    };
  };
  setTimeout(() => {
    requestIdleCallback(() => reportVisit(read()), { timeout: 2000 });
  }, 3000);
})();
