import type { PlainRequest, PlainResponse } from "../../http/plain-http";

/** A protocol request as plain data (the route shell builds it). */
export type OAuthRequest = PlainRequest;

/** The answer as plain data; `body` is JSON unless `html` is given; undefined = empty body. */
export type OAuthResponse = PlainResponse;
