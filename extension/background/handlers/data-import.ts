// Importing a data file (extension/data-file.ts). The popup reads the file and sends its lines a
// stretch at a time ('data/import-lines'); each line is checked as it arrives and its visit kept
// here, in memory. 'data/import' then merges them with the stored visits in one transaction and
// relearns. A file with a bad line is refused whole, its bad lines named: importing only part of
// a file would leave two browsers that imported each other's files holding different visits,
// with nothing said of it, while a file that is whole or refused either syncs or says why. A
// background stopped halfway loses only what is kept here, and the popup asks for the file again.
import type { DataFileCheck, DataFileLines, DataImportResult } from '../../contract-types';
import { DataFileReader, MAX_DATA_FILE_BYTES } from '../../data-file';
import { InvalidRequest } from '../../errors';
import { database } from '../../storage/db';
import { mergeRules } from '../../storage/merge';
import { getSettings } from '../../storage/settings';
import { importVisits } from '../learner-service';
import { clearPredictions } from '../prediction-cache';

/** The most lines one message may carry. */
export const MAX_LINES_PER_PART = 5_000;

interface Staged {
  importId: string;
  reader: DataFileReader;
  chars: number;
  nextLine: number;
}

/** The one import being read; a new one (its first line) replaces it. */
let staged: Staged | undefined;

const INTERRUPTED = 'The import was interrupted (Tabula’s background restarted, or another import began): choose the file again. Nothing was changed.';

export function onDataImportLines(part: DataFileLines): DataFileCheck {
  const { importId, firstLine, lines, counting } = checkPart(part);
  if (firstLine === 1) staged = { importId, reader: new DataFileReader(Date.now(), counting), chars: 0, nextLine: 1 };
  if (!staged || staged.importId !== importId || staged.nextLine !== firstLine) throw new InvalidRequest(INTERRUPTED);
  for (const line of lines) staged.chars += line.length + 1;
  if (staged.chars > MAX_DATA_FILE_BYTES) {
    staged = undefined;
    throw new InvalidRequest(`The file holds more than ${MAX_DATA_FILE_BYTES / 2 ** 20} MB of text, more than a data file may. Nothing was changed.`);
  }
  staged.reader.add(lines);
  staged.nextLine += lines.length;
  return staged.reader.check;
}

export async function onDataImport(request: { importId: string }): Promise<DataImportResult> {
  if (!staged || staged.importId !== request?.importId) throw new InvalidRequest(INTERRUPTED);
  const { reader } = staged;
  staged = undefined; // read once: a second try reads the file again
  const check = reader.check;
  if (check.badLines > 0) throw new InvalidRequest(refusal(check));
  if (reader.notWhole) throw new InvalidRequest(reader.notWhole);
  const db = await database();
  // Read as the import's job runs: a pause or an exclusion begun while it waited holds.
  const rules = async () => {
    const settings = await getSettings(db);
    if (settings.paused) throw new InvalidRequest('Recording is paused: resume it to import data. Nothing was changed.');
    return mergeRules(settings);
  };
  const { changed, ...merged } = await importVisits(reader.visits, rules);
  if (changed) await clearPredictions(); // they were the model's before the import
  return { visits: check.visits, unfinished: check.unfinished, ...merged };
}

/** Why a file was refused: how many lines are bad, and the first of them. */
export function refusal(check: DataFileCheck): string {
  const more = check.badLines - check.problems.length;
  const lines = check.badLines === 1 ? 'One line' : `${check.badLines.toLocaleString('en')} lines`;
  return `${lines} of the file cannot be read, so nothing was imported: ${check.problems.join('; ')}${more > 0 ? `; and ${more.toLocaleString('en')} more` : ''}.`;
}

function checkPart(part: DataFileLines): DataFileLines {
  const { importId, firstLine, lines, counting } = part ?? {};
  if (typeof importId !== 'string' || importId.length === 0 || importId.length > 64) throw new InvalidRequest('An import is named by a short text.');
  if (!Number.isInteger(firstLine) || firstLine < 1) throw new InvalidRequest('Lines are numbered from 1.');
  if (!Array.isArray(lines) || lines.length > MAX_LINES_PER_PART || !lines.every((line) => typeof line === 'string')) {
    throw new InvalidRequest(`A part of a file is a list of at most ${MAX_LINES_PER_PART.toLocaleString('en')} lines of text.`);
  }
  if (counting !== 'line' && counting !== 'visit') throw new InvalidRequest('A file counts lines or visits.');
  return { importId, firstLine, lines, counting };
}
