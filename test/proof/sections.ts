// Every section of the proof suite, in the order `npm run proof` runs them: the network section
// comes last, since it counts what every browser of the run recorded.
import type { ProofSection } from './section';
import { hostilePages } from './hostile-pages';
import { network } from './network';
import { speed } from './speed';
import { termination } from './termination';
import { upgrade } from './upgrade';

export const sections: ProofSection[] = [termination, hostilePages, upgrade, speed, network];
