import { toStoredSettings, type ClientMetadata } from "./client-metadata";
import { asJson } from "../db/as-json";
import { Prisma } from "../db/generated/sqlite/client";
import type { AppExtra } from "./app-extra";

/** The App columns a registration determines (create and replace, Apps API and DCR alike). */
export function appRecordData(label: string, metadata: ClientMetadata, extra: AppExtra) {
  return {
    label,
    applicationType: metadata.applicationType,
    tokenEndpointAuthMethod: metadata.tokenEndpointAuthMethod,
    pkceRequired: metadata.pkceRequired,
    oauthSettings: asJson(toStoredSettings(metadata)),
    extra: asJson(extra),
    jwks: metadata.jwks ? asJson(metadata.jwks) : Prisma.DbNull,
  };
}
