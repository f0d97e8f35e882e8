// The simple predictors a learner has to beat, each scored before it learns a visit as the learner
// is. The constant guess: the engaged rate so far, the typical active time so far, the most
// visited sites. The site's running figures: the engaged rate and typical active time of this
// site so far, and the sites that most often came after the previous one.
import { SiteVocabulary } from '../../model/site-vocabulary';

/** Running engaged rate and mean of log(1 + seconds), with one pseudo-count each way for the rate (as model/metrics.ts). */
class Running {
  examples = 0;
  positives = 0;
  timed = 0;
  targetSum = 0;

  rate(): number {
    return (this.positives + 1) / (this.examples + 2);
  }

  meanTarget(): number {
    return this.timed > 0 ? this.targetSum / this.timed : 0;
  }

  learn(label: number | null, target: number | null): void {
    if (label !== null) {
      this.examples++;
      this.positives += label;
    }
    if (target !== null) {
      this.timed++;
      this.targetSum += target;
    }
  }
}

/** How many visits' worth the overall figures weigh in a site's figures (a site seen once is not judged on that visit alone). */
const SITE_PRIOR = 2;

export interface GuessPair {
  constant: number;
  site: number;
}

/** The engagement and active-time guesses of the constant and of the site's running figures. */
export class RunningGuesses {
  private readonly overall = new Running();
  private readonly sites = new Map<string, Running>();

  engaged(host: string): GuessPair {
    const overall = this.overall.rate();
    const site = this.sites.get(host);
    const siteRate = site === undefined ? overall : (site.positives + SITE_PRIOR * overall) / (site.examples + SITE_PRIOR);
    return { constant: overall, site: siteRate };
  }

  /** In seconds: e^(mean of log(1 + s)) − 1. */
  activeSeconds(host: string): GuessPair {
    const overall = this.overall.meanTarget();
    const site = this.sites.get(host);
    const siteMean = site === undefined ? overall : (site.targetSum + SITE_PRIOR * overall) / (site.timed + SITE_PRIOR);
    return { constant: Math.expm1(overall), site: Math.expm1(siteMean) };
  }

  learn(host: string, label: number | null, target: number | null): void {
    this.overall.learn(label, target);
    let site = this.sites.get(host);
    if (site === undefined) this.sites.set(host, (site = new Running()));
    site.learn(label, target);
  }
}

/**
 * Next-site guesses: the most visited sites (decayed counts over the same bounded vocabulary as the
 * learner's), and the sites that most often followed this one, topped up with the most visited.
 */
export class NextSiteGuesses {
  private readonly vocabulary: SiteVocabulary;
  private readonly followers = new Map<string, Map<string, number>>();

  constructor(vocabSize: number, decay: number) {
    this.vocabulary = new SiteVocabulary(vocabSize, decay);
  }

  /** The three likeliest sites after a visit to `host`, for each guess, likeliest first. */
  after(host: string): { constant: string[]; site: string[] } {
    const visited = this.mostVisited();
    const counts = this.followers.get(host);
    const site = counts === undefined ? [] : [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([follower]) => follower);
    for (const other of visited) {
      if (site.length >= 3) break;
      if (!site.includes(other)) site.push(other);
    }
    return { constant: visited.slice(0, 3), site };
  }

  /** Counts a visit to `host`, and the move to it from `previous` (null: it starts a session). */
  learn(previous: string | null, host: string): void {
    if (previous !== null) {
      const counts = this.followers.get(previous) ?? new Map<string, number>();
      counts.set(host, (counts.get(host) ?? 0) + 1);
      this.followers.set(previous, counts);
    }
    this.vocabulary.count(host);
  }

  /** Sites of the vocabulary, most visited first (ties: the lower slot first, as the learner's baseline). */
  private mostVisited(): string[] {
    return Array.from({ length: this.vocabulary.occupied }, (_, slot) => slot)
      .sort((a, b) => this.vocabulary.visits(b) - this.vocabulary.visits(a) || a - b)
      .map((slot) => this.vocabulary.hostOf(slot));
  }
}
