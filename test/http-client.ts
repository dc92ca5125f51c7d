/**
 * A small HTTP client for tests that behaves like the web app: keeps the session cookie and
 * sends the CSRF token on every change.
 */
export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestClient {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async signIn(username: string, password: string, positionId?: string): Promise<this> {
    const response = await this.post('/api/auth/sign-in', { username, password });
    if (response.status !== 200)
      throw new Error(`Sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const session = await this.get('/api/session');
    this.csrfToken = session.body.csrfToken;
    if (positionId) {
      const chosen = await this.put('/api/session/position', { positionId });
      if (chosen.status !== 200) throw new Error(`Choosing position failed: ${chosen.status}`);
    }
    return this;
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('vardag_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0]!;
      this.cookie = value === 'vardag_session=' ? undefined : value;
    }
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('application/json');
    return {
      status: response.status,
      body: (isJson && text ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }

  /** The same session (cookie and CSRF token) against another app server, as behind a load balancer. */
  onServer(baseUrl: string): TestClient {
    const other = new TestClient(baseUrl);
    other.cookie = this.cookie;
    other.csrfToken = this.csrfToken;
    return other;
  }

  /** Forget the CSRF token, to test that changes without it are refused. */
  dropCsrfToken(): void {
    this.csrfToken = undefined;
  }
}
