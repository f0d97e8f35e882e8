// Every section of the proof suite, in the order `npm run proof` runs them.
import type { ProofSection } from './section';
import { hostilePages } from './hostile-pages';
import { speed } from './speed';
import { termination } from './termination';
import { upgrade } from './upgrade';

export const sections: ProofSection[] = [termination, hostilePages, upgrade, speed];
