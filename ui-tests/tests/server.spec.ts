/**
 * The endpoints our test servers add to jupyter-server 1.23
 * (ui-tests/common/server/host_common.py), checked over HTTP and WebSocket
 * against the running server of each front end.
 */
import { request as playwrightRequest } from '@playwright/test';
import http from 'node:http';

import { expect, LANDING_PAGE, test, token } from './fixtures';

const auth = { Authorization: `token ${token}` };

test('GET /api/me answers the identity and grants the asked permissions', async ({
  request
}) => {
  const permissions = JSON.stringify({ contents: ['read', 'write'] });
  const response = await request.get(
    `/api/me?permissions=${encodeURIComponent(permissions)}`,
    { headers: auth }
  );
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(typeof body.identity.username).toBe('string');
  expect(body.identity.username.length).toBeGreaterThan(0);
  expect(body.permissions).toEqual({ contents: ['read', 'write'] });
});

test('GET /api/me rejects malformed permissions and requests without the token', async ({
  request,
  baseURL
}) => {
  const bad = await request.get('/api/me?permissions=[1', { headers: auth });
  expect(bad.status()).toBe(400);
  // A fresh context: the first request's login cookie must not come along.
  const anonymous = await playwrightRequest.newContext();
  const response = await anonymous.get(`${baseURL}/api/me`);
  expect(response.status()).toBe(403);
  await anonymous.dispose();
});

test('POST /api/events takes an event with a schema id and nothing else', async ({
  request
}) => {
  const ok = await request.post('/api/events', {
    headers: auth,
    data: { schema_id: 'https://events.example/test', version: 1, data: {} }
  });
  expect(ok.status()).toBe(204);
  const bad = await request.post('/api/events', {
    headers: auth,
    data: { version: 1 }
  });
  expect(bad.status()).toBe(400);
});

test('GET /lsp/status says no language server is installed', async ({
  request
}) => {
  const response = await request.get('/lsp/status', { headers: auth });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    version: 2,
    sessions: {},
    specs: {}
  });
});

/** The status of a WebSocket handshake on the events socket: 101 when accepted. */
function handshake(
  baseURL: string,
  headers: Record<string, string>,
  query = ''
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1',
      port: Number(new URL(baseURL).port),
      path: `/api/events/subscribe${query}`,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers
      }
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('response', response => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

/** The login cookie the server sets on a request of its first page with the token. */
async function loginCookie(baseURL: string, landing: string): Promise<string> {
  const context = await playwrightRequest.newContext();
  await context.get(`${baseURL}${landing}?token=${token}`);
  const { cookies } = await context.storageState();
  await context.dispose();
  return cookies.map(cookie => `${cookie.name}=${cookie.value}`).join('; ');
}

test('the events websocket needs authentication', async ({ baseURL, host }) => {
  const origin = baseURL!;
  const cookie = await loginCookie(origin, LANDING_PAGE[host]);
  expect(await handshake(origin, { Origin: origin })).toBe(403);
  expect(await handshake(origin, { Origin: origin }, `?token=${token}`)).toBe(
    101
  );
  expect(await handshake(origin, { Origin: origin, Cookie: cookie })).toBe(101);
});

test('the events websocket refuses a cookie-authenticated page of another origin', async ({
  baseURL,
  host
}) => {
  // A token proves the caller is no other site's page, so jupyter-server skips
  // the origin check for it; an ambient cookie does not, so the origin counts.
  const cookie = await loginCookie(baseURL!, LANDING_PAGE[host]);
  expect(
    await handshake(baseURL!, { Origin: 'http://evil.example', Cookie: cookie })
  ).toBe(403);
});
