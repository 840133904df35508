import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { validateSchema, type SchemaName } from '@beeper-setup/validator';
import type { Account, Session } from '../core/model/records.js';
import { linkTarget, removeLeftoverTemporaryFiles, temporaryFileFor, tryWritingBeside } from './state-file-folder.js';
import type { SavedWorld } from '../core/model/world.js';

const format = 'beeper-setup-simulator/1';

const leaveItOrMoveIt = 'It was left as it is: repair it, or move it away to start from the seeded scenarios.';

export class StateFileError extends Error {
  constructor(name: string, problem: string, whatToDo = leaveItOrMoveIt) {
    super(`The state file ${name} ${problem}. ${whatToDo}`);
    this.name = 'StateFileError';
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Makes the state file ready at start: follows a symbolic link to its target, checks that its folder takes new
 * files, removes the temporary files a killed simulator left there, and reads what it holds (`saved` is
 * `undefined` when there is no file yet). Anything unusable throws a `StateFileError`; `reportWriteFailure`
 * receives each save that fails later.
 */
export async function openStateFile(path: string, reportWriteFailure: (error: StateFileError) => void) {
  const target = await linkTarget(path);
  if (target === undefined) throw new StateFileError(path, 'is a loop of symbolic links');
  const name = target === path ? path : `${path} (a link to ${target})`;
  try {
    await tryWritingBeside(target);
  } catch (error) {
    throw new StateFileError(
      name,
      `cannot be saved: its folder ${dirname(target)} does not take new files (${codeOf(error)})`,
      'Pass a --state-file in a folder you can write to, or make that folder writable.',
    );
  }
  await removeLeftoverTemporaryFiles(target);
  const saved = await readStateFile(target, name);
  const writer = stateFileWriter(target, (error) =>
    reportWriteFailure(
      new StateFileError(name, `could not be saved (${codeOf(error)})`, 'The simulator goes on, but keeps no change until a save succeeds: make its folder writable again, and the next change saves everything.'),
    ),
  );
  return { saved, writer };
}

async function readStateFile(path: string, name: string): Promise<SavedWorld | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(name, `cannot be read (${codeOf(error)})`);
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    throw new StateFileError(name, 'is not valid JSON');
  }
  const problem = problemWith(saved);
  if (problem) throw new StateFileError(name, `is not a simulator state file (${problem})`);
  return saved as SavedWorld;
}

/**
 * Saves the world after each change: atomically (a temporary file in the same folder, flushed to disk,
 * then renamed over the old one), one write at a time, skipping saves that would change nothing.
 */
function stateFileWriter(path: string, onError: (error: Error) => void) {
  /** What the file holds once every write has finished. */
  let latest: string | undefined;
  let waiting: string | undefined;
  let writing: Promise<void> | undefined;

  async function writeWaiting(): Promise<void> {
    while (waiting !== undefined) {
      const text = waiting;
      waiting = undefined;
      try {
        await writeAtomically(path, text);
      } catch (error) {
        // The next save writes again, even if nothing changed meanwhile.
        if (waiting === undefined) latest = undefined;
        onError(error as Error);
      }
    }
    writing = undefined;
  }

  return {
    save(world: SavedWorld): void {
      const text = `${JSON.stringify({ format, ...world }, null, 2)}\n`;
      if (text === latest) return;
      latest = waiting = text;
      writing ??= writeWaiting();
    },
    /** Resolves once everything saved so far is on disk. */
    flushed: (): Promise<void> => writing ?? Promise.resolve(),
  };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = temporaryFileFor(path);
  try {
    // 0600: the file holds recovery-key and token digests, and the user's emails.
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself survives a crash only once the folder is flushed too.
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

type Check = (value: unknown) => boolean;
const isTime: Check = (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const isBoolean: Check = (value) => typeof value === 'boolean';
const isDigest: Check = (value) => typeof value === 'string' && /^[\w-]{43}$/.test(value);
/** A value the contract names: what the simulator answers with it must hold to the contract too. */
const isContract =
  (name: SchemaName): Check =>
  (value) =>
    validateSchema(name, value).valid;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every field of a record, so that a field added to the model cannot be forgotten here. */
type Fields<T> = { [Name in keyof Required<T>]: { check: Check; optional?: true } };

const accountFields: Fields<Account> = {
  email: { check: isContract('Email') },
  username: { check: isContract('Username') },
  userID: { check: isContract('UserID') },
  recoveryKey: { check: (value) => isObject(value) && isDigest(value.digest) && isTime(value.generatedAt), optional: true },
};

const sessionFields: Fields<Session> = {
  tokenDigest: { check: isDigest },
  deviceID: { check: isContract('DeviceID') },
  userID: { check: isContract('UserID') },
  signedInAt: { check: isTime },
  verified: { check: isBoolean },
  secretsReceivedAt: { check: isTime, optional: true },
  pendingRecoveryKeyDigest: { check: isDigest, optional: true },
  recoveryKeyAttempts: { check: (value) => isObject(value) && isCount(value.count) && (value.lockedUntil === undefined || isTime(value.lockedUntil)) },
  otherDeviceSharesSecrets: { check: isBoolean },
};

function problemWith(saved: unknown): string | undefined {
  if (!isObject(saved) || saved.format !== format) return `"format" is not "${format}"`;
  const { accounts, sessions } = saved;
  if (!Array.isArray(accounts) || !Array.isArray(sessions)) return '"accounts" and "sessions" must be lists';
  const userIDs = new Set(accounts.map((account: { userID?: unknown }) => account?.userID));
  return (
    accounts.map((account, i) => recordProblem(account, accountFields, `/accounts/${i}`)).find(Boolean) ??
    sessions.map((session, i) => recordProblem(session, sessionFields, `/sessions/${i}`)).find(Boolean) ??
    sessions.map((session: Session, i) => (userIDs.has(session.userID) ? undefined : `/sessions/${i}/userID names no account`)).find(Boolean) ??
    // The simulator keys accounts and sessions by these, so a repeated one would silently hide or drop a record.
    repeated(accounts, '/accounts', 'userID') ??
    repeated(accounts, '/accounts', 'email') ??
    repeated(sessions, '/sessions', 'tokenDigest') ??
    repeated(sessions, '/sessions', 'deviceID')
  );
}

/** Each record whose `field` repeats an earlier one's, such as `/accounts/2/userID "@alice:beeper.com" repeats /accounts/0`. */
function repeated(records: Record<string, unknown>[], at: string, field: string): string | undefined {
  const firstWith = new Map<unknown, number>();
  const repeats = records.flatMap((record, i) => {
    const first = firstWith.get(record[field]);
    if (first === undefined) firstWith.set(record[field], i);
    return first === undefined ? [] : [`${at}/${i}/${field} ${JSON.stringify(record[field])} repeats ${at}/${first}`];
  });
  return repeats.length > 0 ? `duplicates: ${repeats.join(', ')}` : undefined;
}

function recordProblem(record: unknown, fields: Record<string, { check: Check; optional?: true }>, at: string): string | undefined {
  if (!isObject(record)) return `${at} is not an object`;
  for (const [name, { check, optional }] of Object.entries(fields)) {
    const value = record[name];
    if (value === undefined ? !optional : !check(value)) return `${at}/${name} is missing or invalid`;
  }
  return undefined;
}
