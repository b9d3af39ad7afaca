/** What a route answers, and the request it is given. Both are plain data so tests can build them inline. */

/** One request as it left the browser. Headers are lower-cased; repeated headers are joined with ", ". */
export interface RecordedRequest {
  method: string;
  /** Host name without port, lower-case: "journals.example.org". */
  host: string;
  /** Raw path + query as sent: "/works/doi:10.1186/s12913-023-10058-w?select=…". */
  path: string;
  /** Full URL as the page or extension asked for it (always https://…, or http:// for plain requests). */
  url: string;
  headers: Record<string, string>;
  /** Request body as UTF-8 text ('' for none). */
  body: string;
  /** Epoch ms when the request arrived. */
  at: number;
}

export interface Reply {
  /** Default 200. */
  status?: number;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Raw body (used when `json` is absent). */
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** false = no CORS headers (a repository that allows no cross-origin reads); default: any origin. */
  cors?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;
