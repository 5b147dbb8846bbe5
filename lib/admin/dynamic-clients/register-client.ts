import { registerClient as registerApp } from "../../apps/register-client";
import { newId } from "../../ids/new-id";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { audit } from "../audit";
import { clientJson } from "./client-json";
import { clientMetadataError } from "./client-metadata-error";
import { parseClientMetadata } from "./parse-client-metadata";
import { readClientBody } from "./read-client-body";

/**
 * POST /oauth2/v1/clients (RFC 7591, SSWS admin token) -> 201 client metadata with client_id (the
 * app id), client_id_issued_at and, for secret-based methods, the generated client_secret. The
 * client is an ACTIVE OIDC app (consent REQUIRED by default, as Okta); client_id and client_secret
 * in the request are ignored like any other unknown metadata.
 */
export async function registerClient(ctx: AdminContext): Promise<AdminResponse> {
  const body = readClientBody(ctx.request);
  if ("response" in body) return body.response;
  const parsed = parseClientMetadata(body.value, { consent_method: "REQUIRED" });
  if (!parsed.ok) return clientMetadataError(parsed.errors);
  const { app, secret } = await registerApp(ctx.db, ctx.secretsKey, { id: newId("app"), label: parsed.clientName, metadata: parsed.metadata, now: ctx.now() }, (tx, { app: registered }) =>
    audit(tx, ctx, "application.lifecycle.create", `Registered client ${registered.label}`, [appTarget(registered)], { clientId: registered.clientId, registration: "dynamic" }),
  );
  return { status: 201, body: clientJson(app, secret) };
}
