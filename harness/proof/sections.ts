// Every section of the proof suite, in the order `npm run proof` runs them: the network section
// comes last, since it counts what every browser of the run recorded.
import type { ProofSection } from './section';
import { hostileFiles } from './hostile-files';
import { hostilePages } from './hostile-pages';
import { network } from './network';
import { pageCost } from './page-cost';
import { popupScale } from './popup-scale';
import { popupSpeed } from './popup-speed';
import { privacy } from './privacy';
import { realPages } from './real-pages';
import { speed } from './speed';
import { storagePressure } from './storage-pressure';
import { termination } from './termination';
import { upgrade } from './upgrade';

export const sections: ProofSection[] = [
  termination, hostilePages, hostileFiles, storagePressure, upgrade, privacy, realPages, speed, pageCost, popupSpeed, popupScale, network,
];
