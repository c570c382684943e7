/**
 * More people in the collaborative lab (the collab-lab project): each in a
 * browser context of their own, logged in with the server's token and given
 * their own identity by the server, as a second browser is; and each
 * context's connection to a notebook's room, which a test can hold up as a
 * slow network does, so that people's edits cross on the way.
 */
import { galata } from '@jupyterlab/galata';
import type {
  Browser,
  BrowserContext,
  Page,
  WebSocketRoute
} from '@playwright/test';

import {
  appReady,
  expect,
  LabPage,
  readNotebook,
  token,
  uniqueName,
  watchProblems
} from './fixtures';

/** The websocket of a notebook's collaboration room. */
const NOTEBOOK_ROOM = /\/api\/collaboration\/room\/json:notebook:/;

/**
 * A context's connections to notebook rooms, passed through by the test:
 * messages go on at once, or wait while `hold` is on (in both directions,
 * in order) and go on at `release`, as on a network that stalls. Counts the
 * bytes each way.
 */
export class RoomConnection {
  /** Route the notebook rooms of `context` through a new connection. */
  static async of(context: BrowserContext): Promise<RoomConnection> {
    const connection = new RoomConnection();
    await context.routeWebSocket(NOTEBOOK_ROOM, socket =>
      connection._pass(socket)
    );
    return connection;
  }

  /** Bytes sent by the page to the server. */
  sent = 0;
  /** Bytes received by the page from the server. */
  received = 0;

  /** Hold every message from now on, until `release`. */
  hold(): void {
    this._held = true;
  }

  /** Deliver what was held, in order, and go on passing messages. */
  release(): void {
    this._held = false;
    for (const deliver of this._waiting.splice(0)) {
      deliver();
    }
  }

  private _pass(page: WebSocketRoute): void {
    const server = page.connectToServer();
    const size = (message: string | Buffer) =>
      typeof message === 'string'
        ? Buffer.byteLength(message)
        : message.byteLength;
    const later = (deliver: () => void) => {
      if (this._held) {
        this._waiting.push(deliver);
      } else {
        deliver();
      }
    };
    page.onMessage(message =>
      later(() => {
        this.sent += size(message);
        server.send(message);
      })
    );
    server.onMessage(message =>
      later(() => {
        this.received += size(message);
        page.send(message);
      })
    );
    page.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => page.close({ code, reason }));
  }

  private _held = false;
  private _waiting: Array<() => void> = [];
}

/** One person in the lab: their page and their connection to rooms. */
export interface IPerson {
  lab: LabPage;
  room: RoomConnection;
}

/**
 * Another person joining the lab at `baseURL`: a browser context of their
 * own (their own cookies, so the server makes them another user), the lab on
 * a workspace of their own, every problem of the page recorded in
 * `problems`.
 */
export async function anotherPerson(
  browser: Browser,
  baseURL: string,
  problems: string[],
  name = 'person'
): Promise<IPerson & { context: BrowserContext }> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `token ${token}` },
    viewport: { width: 1400, height: 900 }
  });
  const room = await RoomConnection.of(context);
  const raw: Page = await context.newPage();
  const page = await galata.initTestPage(
    '/lab',
    false,
    baseURL,
    false,
    false,
    false,
    false,
    raw,
    null,
    null,
    '',
    appReady,
    null,
    false
  );
  const lab = new LabPage(page, uniqueName(name));
  watchProblems(raw, 'lab', problem => problems.push(`${name}: ${problem}`), {
    consoleErrors: lab.allowedConsoleErrors,
    pageErrors: lab.allowedPageErrors,
    problems: lab.allowedProblems
  });
  await lab.goto();
  return { lab, room, context };
}

/** The name the server gave the person of a page. */
export function userName(lab: LabPage): Promise<string> {
  return lab.page.evaluate(
    () => (window as any).jupyterapp.serviceManager.user.identity?.username
  );
}

/**
 * Wait until every page shows the same metadata as the first, and return
 * it.
 */
export async function converged(
  labs: LabPage[],
  timeout = 30_000
): Promise<Record<string, unknown>> {
  let shown: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        const all = await Promise.all(labs.map(lab => lab.appMetadata()));
        shown = all[0];
        return all.every(
          metadata =>
            JSON.stringify(sorted(metadata)) === JSON.stringify(sorted(all[0]))
        );
      },
      { timeout }
    )
    .toBe(true);
  return shown;
}

/**
 * Wait until the file on disk has `metadata` (the server saves a room a
 * moment after its last change), and return what it has.
 */
export async function onDisk(
  name: string,
  metadata: Record<string, unknown>,
  timeout = 30_000
): Promise<void> {
  await expect
    .poll(() => sorted(readNotebook(name).metadata), { timeout })
    .toEqual(sorted(metadata));
}

/** A JSON value with every object's keys in order, to compare. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sorted);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, sorted((value as Record<string, unknown>)[key])])
    );
  }
  return value;
}
